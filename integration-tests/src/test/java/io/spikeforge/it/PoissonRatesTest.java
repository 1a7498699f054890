package io.spikeforge.it;

import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Poisson rate as an expression of t, Brian2's {@code PoissonGroup(N, rates='...')}, written as the
 * equation-defined neuron of examples/brian2/PoissonGroup_rates.yaml: rates = r0 (1 + sin(2 pi f t)) +
 * slope t with r0 = 20 Hz, f = 5 Hz, slope = 40 Hz/s, 1000 sources, 1 s at dt = 0.1 ms.
 */
class PoissonRatesTest {

    private static final int N = 1000;
    private static final double R0 = 20;
    private static final double F = 5;
    private static final double SLOPE = 40;

    /** {@return the integral of the rate over [0, t] s, in spikes per source} */
    private static double integral(double t) {
        return R0 * t - R0 / (2 * Math.PI * F) * (Math.cos(2 * Math.PI * F * t) - 1) + SLOPE * t * t / 2;
    }

    @Test
    void countsInEachWindowMatchTheIntegralOfTheRateAndDoNotDependOnThreads() {
        Network net = Sims.runExample("brian2/PoissonGroup_rates.yaml", Overrides.NONE, 1);
        int[] pairs = Sims.spikes(net, "P.spike");
        // Windows of 25 ms: the rate moves between 0 and 80 Hz within 100 ms, so each window sees another mean.
        int windows = 40;
        int stepsPerWindow = 250;
        long[] counts = new long[windows];
        for (int k = 0; k < pairs.length; k += 2) {
            counts[pairs[k] / stepsPerWindow]++;
        }
        long total = 0;
        for (int w = 0; w < windows; w++) {
            double mean = N * (integral((w + 1) * 0.025) - integral(w * 0.025));
            // Bernoulli draws with p = rates * dt <= 0.008: the variance is mean (1 - p) <= mean. The draws are at
            // t = n dt (the step's start, as Brian2's), a left sum that differs from the integral by at most
            // N * max|rate'| * dt / 2 per second, 1000 * 668 Hz/s * 1e-4 s / 2 * 0.025 s = 0.8 spikes here.
            assertEquals(mean, counts[w], 4 * Math.sqrt(mean) + 1, "spikes in window " + w);
            total += counts[w];
        }
        double all = N * integral(1.0);
        assertEquals(all, total, 4 * Math.sqrt(all), "spikes in 1 s");
        assertTrue(counts[2] > 3 * counts[6], "the modulation shows: window 2 holds the peak (t = 50 ms), 6 the trough (150 ms)");
        assertArrayEquals(pairs, Sims.spikes(Sims.runExample("brian2/PoissonGroup_rates.yaml", Overrides.NONE, 2),
                "P.spike"), "the same spikes on 2 threads");
    }
}
