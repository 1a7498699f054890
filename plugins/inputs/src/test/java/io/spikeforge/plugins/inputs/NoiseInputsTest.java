package io.spikeforge.plugins.inputs;

import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.testing.InMemoryBuildContext;
import io.spikeforge.spi.testing.ModelParams;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * OUCurrent and WienerCurrent against their analytic moments: the OU transient mean and variance from a
 * given start, its stationary variance sigma^2 tau / 2 and autocorrelation exp(-lag / tau), and the variance
 * of summed Wiener increments growing as sigma^2 t. Tolerances are five standard errors of the estimates.
 */
class NoiseInputsTest {

    private static final int N = 10000;
    private static final double DT = 0.1;

    /** The target's current after each of {@code steps} steps, [step][neuron]; the target consumes it. */
    private static float[][] run(InputModel model, int steps, Object... params) {
        InMemoryBuildContext ctx = new InMemoryBuildContext(DT, "noise", 11);
        float[] current = new float[N];
        StepTask task = model.create(ModelParams.of(model, params), ctx, N, current, null);
        float[][] out = new float[steps][];
        for (int n = 0; n < steps; n++) {
            ctx.step(task);
            out[n] = current.clone();
            java.util.Arrays.fill(current, 0f);
        }
        return out;
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(float[] v) {
        double m = mean(v);
        double s = 0;
        for (float x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }

    private static double correlation(float[] a, float[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double sab = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
        }
        return sab / (a.length - 1) / Math.sqrt(variance(a) * variance(b));
    }

    @Test
    void ouFollowsItsAnalyticTransientStationaryMomentsAndAutocorrelation() {
        double mean = 0.5;
        double sigma = 0.8;
        double tau = 10;
        double x0 = 3.5;
        float[][] x = run(new OUCurrent(), 1100, "mean", mean, "sigma", sigma, "tau", tau, "x0", x0);
        double stationary = sigma * sigma * tau / 2;
        // Row n holds x after n + 1 updates, t = (n + 1) dt. At t = tau from x0:
        // E[x] = mean + (x0 - mean) e^-1, Var[x] = sigma^2 tau / 2 (1 - e^-2).
        float[] atTau = x[99];
        double v1 = stationary * (1 - Math.exp(-2));
        assertEquals(mean + (x0 - mean) * Math.exp(-1), mean(atTau), 5 * Math.sqrt(v1 / N), "mean at t = tau");
        assertEquals(v1, variance(atTau), 5 * v1 * Math.sqrt(2.0 / N), "variance at t = tau");
        // At t = 100 ms = 10 tau the start is forgotten (e^-10): the stationary mean and variance.
        float[] late = x[999];
        assertEquals(mean, mean(late), 5 * Math.sqrt(stationary / N), "stationary mean");
        assertEquals(stationary, variance(late), 5 * stationary * Math.sqrt(2.0 / N), "stationary variance");
        // Autocorrelation at lag tau: e^-1; its estimate has standard error (1 - rho^2) / sqrt(N).
        double rho = Math.exp(-1);
        assertEquals(rho, correlation(late, x[1099]), 5 * (1 - rho * rho) / Math.sqrt(N), "correlation at lag tau");
        assertEquals(Math.exp(-DT / tau), correlation(late, x[1000]), 5 * (1 - Math.exp(-2 * DT / tau)) / Math.sqrt(N),
                "correlation at lag dt");
    }

    @Test
    void ouStartsAtTheMeanWithoutX0AndAnySplitDrawsTheSame() {
        OUCurrent model = new OUCurrent();
        InMemoryBuildContext a = new InMemoryBuildContext(DT, "ou", 5);
        InMemoryBuildContext b = new InMemoryBuildContext(DT, "ou", 5);
        float[] ca = new float[N];
        float[] cb = new float[N];
        StepTask ta = model.create(ModelParams.of(model, "mean", 2.0, "sigma", 0.0), a, N, ca, null);
        StepTask tb = model.create(ModelParams.of(model, "mean", 2.0), b, N, cb, null);
        a.step(ta);
        for (float c : ca) {
            assertEquals(2f, c, 0f, "no noise: x stays at its mean");
        }
        InMemoryBuildContext c = new InMemoryBuildContext(DT, "ou", 5);
        float[] cc = new float[N];
        StepTask tc = model.create(ModelParams.of(model, "mean", 2.0), c, N, cc, null);
        for (int n = 0; n < 20; n++) {
            b.step(tb);
            tc.run(7000, N);
            tc.run(0, 7000);
            c.advance();
        }
        assertArrayEquals(cb, cc, "split into two ranges, the same currents");
    }

    @Test
    void wienerIncrementsSumToVarianceSigmaSquaredTimesTime() {
        double sigma = 2;
        float[][] dw = run(new WienerCurrent(), 400, "sigma", sigma, "t_start", 5.0);
        float[] sum = new float[N];
        for (int n = 0; n < 400; n++) {
            if (n < 50) {
                assertEquals(0, variance(dw[n]), 0, "no noise before t_start");
            }
            for (int i = 0; i < N; i++) {
                sum[i] += dw[n][i];
            }
            if (n == 149 || n == 399) {
                // n + 1 - 50 steps of noise so far: variance sigma^2 (n + 1 - 50) dt, growing linearly in time.
                double expected = sigma * sigma * (n + 1 - 50) * DT;
                assertEquals(0, mean(sum), 5 * Math.sqrt(expected / N), "mean after step " + n);
                assertEquals(expected, variance(sum), 5 * expected * Math.sqrt(2.0 / N), "variance after step " + n);
            }
        }
        // Increments of one step: N(0, sigma^2 dt), independent of the step before.
        assertEquals(sigma * sigma * DT, variance(dw[300]), 5 * sigma * sigma * DT * Math.sqrt(2.0 / N));
        assertEquals(0, correlation(dw[300], dw[301]), 5 / Math.sqrt(N), "independent increments");
    }

    @Test
    void wienerStopsAtTEnd() {
        float[][] dw = run(new WienerCurrent(), 30, "sigma", 1.0, "t_end", 2.0);
        assertEquals(DT, variance(dw[19]), 5 * DT * Math.sqrt(2.0 / N), "step 19 lies before t_end = 2 ms");
        assertEquals(0, variance(dw[20]), 0, "step 20 is t_end");
        assertEquals(0, mean(dw[29]), 0);
    }
}
