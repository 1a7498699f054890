package io.spikeforge.plugins.connectivity;

import io.spikeforge.kernels.CounterRng;

/** The normal distribution's functions and counter-based draws that the initializers share. */
final class Distributions {

    private Distributions() {
    }

    /** @return the standard normal density */
    static double phi(double x) {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    /** @return the standard normal distribution function, from erfc (relative error below 1.2e-7) */
    static double cdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /** erfc by the Chebyshev fit of Numerical Recipes (erfcc), fractional error below 1.2e-7 everywhere. */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /** @return the standard normal quantile for p in (0, 1), Acklam's rational approximation (rel. error 1.2e-9) */
    static double quantile(double p) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        if (p < 0.02425) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - 0.02425) {
            return -quantile(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /**
     * @return a standard normal restricted to [lo, hi], by inversion of one uniform of (seed, k); drawn in the
     *         lower tail (negated) when the interval lies above 0, where the distribution function loses digits
     */
    static double truncated(double lo, double hi, long seed, long k) {
        if (lo > 0) {
            return -truncated(-hi, -lo, seed, k);
        }
        double a = cdf(lo);
        double b = cdf(hi);
        double u = a + (b - a) * CounterRng.uniform(seed, 0, k);
        double x = u <= 0 ? lo : u >= 1 ? hi : quantile(u);
        return Math.max(lo, Math.min(hi, x));
    }

    /**
     * @return a Gamma(shape, 1) value for element k by Marsaglia and Tsang's method (2000); attempt r draws from
     *         streams 10 + r (normal) and 1_000_010 + r (uniform), so the value depends on (seed, k) alone
     */
    static double gamma(double shape, long seed, long k) {
        if (shape < 1) {
            double u = 1 - CounterRng.uniform(seed, 3, k);
            return gamma(shape + 1, seed, k) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        for (long r = 0; ; r++) {
            double x = CounterRng.normal(seed, 10 + r, k);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = CounterRng.uniform(seed, 1_000_010 + r, k);
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
