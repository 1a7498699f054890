package io.spikeforge.core.equations;

/**
 * The exact propagators of a linear system {@code dx/dt = A x + b} over one step, b held constant:
 * {@code x(t + dt) = P x(t) + G b} with {@code P = exp(A dt)} and {@code G = integral of exp(A s) ds
 * from 0 to dt}. Both come from one matrix exponential of the augmented matrix
 * {@code [[A, I], [0, 0]] dt}, whose top blocks are P and G (Van Loan, 1978), computed by scaling and
 * squaring a Taylor series in double.
 */
final class Propagator {

    private Propagator() {
    }

    /** {@return {P, G} for the n x n matrix {@code a} and step {@code dt}} */
    static double[][][] of(double[][] a, double dt) {
        int n = a.length;
        double[][] m = new double[2 * n][2 * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                m[r][c] = a[r][c] * dt;
            }
            m[r][n + r] = dt;
        }
        double[][] e = exp(m);
        double[][] p = new double[n][n];
        double[][] g = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                p[r][c] = e[r][c];
                g[r][c] = e[r][n + c];
            }
        }
        return new double[][][] {p, g};
    }

    /** {@return exp(m)}: m is scaled below norm 1/2, exponentiated by 30 Taylor terms, and squared back */
    static double[][] exp(double[][] m) {
        int n = m.length;
        double norm = 0;
        for (double[] row : m) {
            double s = 0;
            for (double v : row) {
                s += Math.abs(v);
            }
            norm = Math.max(norm, s);
        }
        int squarings = norm > 0.5 ? (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2)) : 0;
        double scale = Math.pow(2, -squarings);
        double[][] x = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                x[r][c] = m[r][c] * scale;
            }
        }
        double[][] sum = identity(n);
        double[][] term = identity(n);
        for (int k = 1; k <= 30; k++) {
            term = times(term, x);
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    term[r][c] /= k;
                    sum[r][c] += term[r][c];
                }
            }
        }
        for (int s = 0; s < squarings; s++) {
            sum = times(sum, sum);
        }
        return sum;
    }

    private static double[][] identity(int n) {
        double[][] i = new double[n][n];
        for (int k = 0; k < n; k++) {
            i[k][k] = 1;
        }
        return i;
    }

    private static double[][] times(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < n; k++) {
                double v = a[r][k];
                if (v != 0) {
                    for (int j = 0; j < n; j++) {
                        c[r][j] += v * b[k][j];
                    }
                }
            }
        }
        return c;
    }
}
