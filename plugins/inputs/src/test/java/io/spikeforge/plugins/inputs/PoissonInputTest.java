package io.spikeforge.plugins.inputs;

import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.testing.InMemoryBuildContext;
import io.spikeforge.spi.testing.ModelParams;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PoissonInput against the binomial distribution of its counts (mean, variance, P(k = 0)), in the exact
 * inversion and the normal branch, and TimedPoissonSpikes' rate per interval.
 */
class PoissonInputTest {

    private static final double DT = 0.1;
    private static final int N = 10000;

    /** {mean, variance, fraction of zeros} of the counts (current / weight) over targets and steps. */
    private static double[] moments(int num, double freq, double weight, int steps) {
        PoissonInput model = new PoissonInput();
        InMemoryBuildContext ctx = new InMemoryBuildContext(DT, "bg", 3);
        float[] current = new float[N];
        StepTask task = model.create(ModelParams.of(model, "num", num, "freq", freq, "weight", weight), ctx, N,
                current, null);
        double s = 0;
        double ss = 0;
        long zeros = 0;
        for (int n = 0; n < steps; n++) {
            ctx.step(task);
            for (int i = 0; i < N; i++) {
                double k = current[i] / weight;
                assertEquals(Math.rint(k), k, 1e-3, "a whole number of spikes");
                s += k;
                ss += k * k;
                zeros += k == 0 ? 1 : 0;
                current[i] = 0;
            }
        }
        double m = (double) N * steps;
        return new double[] {s / m, ss / m - (s / m) * (s / m), zeros / m};
    }

    @Test
    void countsAreBinomialNumFreqDt() {
        // 200 sources at 50 Hz, dt = 0.1 ms: p = 0.005, mean 1, variance 0.995, P(0) = 0.995^200.
        int num = 200;
        double p = 50 * DT / 1000;
        int samples = N * 100;
        double[] m = moments(num, 50, 0.25, 100);
        double mean = num * p;
        double var = num * p * (1 - p);
        assertEquals(mean, m[0], 5 * Math.sqrt(var / samples), "mean count");
        // The variance estimate's standard error: sqrt((mu4 - var^2) / samples), mu4 = var (1 + 3 (n - 2) p q) for
        // the binomial.
        double mu4 = var * (1 + 3 * (num - 2) * p * (1 - p));
        assertEquals(var, m[1], 5 * Math.sqrt((mu4 - var * var) / samples), "variance of the count");
        double p0 = Math.pow(1 - p, num);
        assertEquals(p0, m[2], 5 * Math.sqrt(p0 * (1 - p0) / samples), "P(k = 0)");
    }

    @Test
    void manySourcesUseTheNormalApproximationWithBinomialMoments() {
        // 1e6 sources at 10 Hz: mean 1000, where (1 - p)^n underflows.
        int num = 1_000_000;
        double p = 10 * DT / 1000;
        double[] m = moments(num, 10, 1, 10);
        double var = num * p * (1 - p);
        assertEquals(num * p, m[0], 5 * Math.sqrt(var / (N * 10.0)));
        assertEquals(var, m[1], 5 * var * Math.sqrt(2.0 / (N * 10)));
    }

    @Test
    void everySourceSpikesAtFreqDtOneAndFasterIsRefused() {
        double[] m = moments(7, 10000, 1, 3);
        assertEquals(7, m[0], 0, "freq * dt = 1: all 7 sources spike");
        assertEquals(0, m[1], 1e-9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> moments(7, 20000, 1, 1));
        assertEquals("freq * dt = 2.0 exceeds one spike per source and step; lower freq or dt, or raise num (num"
                + " sources at freq give the same mean as 2 num at freq / 2)", e.getMessage());
    }

    @Test
    void timedPoissonSpikesFollowTheirRatePerInterval() {
        TimedPoissonSpikes model = new TimedPoissonSpikes();
        assertTrue(model.spikeSource());
        InMemoryBuildContext ctx = new InMemoryBuildContext(DT, "src", 9);
        int[] spikes = new int[N];
        // 0 Hz for 1 ms, 500 Hz for 1 ms, then 100 Hz from 2 ms on.
        StepTask task = model.create(ModelParams.of(model, "rates", new double[] {0, 500, 100}, "rate_dt", 1.0), ctx,
                N, null, spikes);
        long[] perInterval = new long[4];
        for (int n = 0; n < 40; n++) {
            ctx.step(task);
            for (int f : spikes) {
                perInterval[n / 10] += f;
            }
        }
        assertEquals(0, perInterval[0], "rate 0");
        double[] p = {0, 0.05, 0.01, 0.01};
        for (int k = 1; k < 4; k++) {
            double mean = 10.0 * N * p[k];
            assertEquals(mean, perInterval[k], 5 * Math.sqrt(mean * (1 - p[k])), "interval " + k);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.create(
                ModelParams.of(model, "rates", new double[] {1, 20000}), ctx, 1, null, new int[1]));
        assertEquals("rates[1] * dt = 2.0 exceeds one spike per step: a spike source emits at most one spike per"
                + " neuron and step, so rates[1] <= 1/dt = 10000.0 Hz at dt = 0.1 ms; lower rates[1] or dt, or use"
                + " PoissonInput, which draws binomial counts per step", e.getMessage());
    }
}
