package io.spikeforge.it.validation;

import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import io.spikeforge.it.Sims;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Song, Miller and Abbott (2000), examples/song2000.yaml, 100 s, over 3 seeds, against Brian2 2.5 running
 * the same network with STDP_Song2000's update order and the same kind of integration
 * (REFERENCES.md: why the stock Brian2 example differs, and how the band was measured).
 */
class Song2000ValidationTest {

    static final double GMAX = 0.01;
    static final long[] SEEDS = {1, 2, 3};
    /** Brian2 seeds behind the reference figures. */
    static final int PEER_SEEDS = 10;
    // Brian2 2.5.1 cpp_standalone, BrainPy update order, exponential Euler, seeds 1-10: mean and sample std.
    static final double[][] PEER = {
            {20.613, 1.09884},     // output rate, Hz
            {0.46482, 0.00220},    // mean weight / gmax
            {0.1764, 0.00550},     // fraction of weights > 0.9 gmax
            {0.2422, 0.01196}};    // fraction of weights < 0.1 gmax
    static final String[] WHAT = {"output rate (Hz)", "mean weight / gmax", "fraction > 0.9 gmax",
            "fraction < 0.1 gmax"};

    /**
     * The mean over our seeds must lie within 3 standard errors of the peer's mean, the standard error of
     * a difference of two means: sigma * sqrt(1/seeds + 1/peerSeeds), with sigma the peer's seed-to-seed
     * standard deviation.
     */
    @Test
    void seedAveragedStatisticsMatchBrian2() {
        double[] sum = new double[4];
        for (long seed : SEEDS) {
            Network net = Sims.runExample("song2000.yaml", new Overrides(null, null, seed, null, null), 1);
            float[] w = Sims.weights(net, "stdp");
            double[] s = new double[4];
            s[0] = net.group("neuron").spikeTotal()[0] / 100.0;
            for (float x : w) {
                s[1] += x / GMAX / w.length;
                s[2] += x > 0.9 * GMAX ? 1.0 / w.length : 0;
                s[3] += x < 0.1 * GMAX ? 1.0 / w.length : 0;
            }
            System.out.printf("Song 2000 seed %d: rate %.2f Hz, mean w %.4f gmax, >0.9 gmax %.3f, <0.1 gmax %.3f%n",
                    seed, s[0], s[1], s[2], s[3]);
            assertTrue(s[2] + s[3] > 1.0 / 3, "bimodal: " + (s[2] + s[3]) + " of the weights at the ends");
            for (int k = 0; k < 4; k++) {
                sum[k] += s[k] / SEEDS.length;
            }
        }
        for (int k = 0; k < 4; k++) {
            double halfWidth = 3 * PEER[k][1] * Math.sqrt(1.0 / SEEDS.length + 1.0 / PEER_SEEDS);
            double lo = PEER[k][0] - halfWidth;
            double hi = PEER[k][0] + halfWidth;
            System.out.printf("Song 2000 mean over seeds: %s = %.4f, band [%.4f, %.4f]%n", WHAT[k], sum[k], lo, hi);
            assertTrue(sum[k] >= lo && sum[k] <= hi, WHAT[k] + " = " + sum[k] + " outside [" + lo + ", " + hi + "]");
        }
    }
}
