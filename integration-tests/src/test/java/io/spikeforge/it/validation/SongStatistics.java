package io.spikeforge.it.validation;

import io.spikeforge.core.sim.Network;
import io.spikeforge.it.Sims;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The statistics by which a Song, Miller and Abbott (2000) network is compared with Brian2 over seeds: the
 * output rate and the weight distribution, and the band their mean over our seeds must lie in.
 */
final class SongStatistics {

    static final String[] WHAT = {"output rate (Hz)", "mean weight / gmax", "fraction > 0.9 gmax",
            "fraction < 0.1 gmax"};

    private SongStatistics() {
    }

    /**
     * @return output rate (Hz, over {@code seconds}), mean weight / gmax, and the fractions of the
     *         weights above 0.9 gmax and below 0.1 gmax
     */
    static double[] of(Network net, String projection, String neuron, double gmax, double seconds) {
        float[] w = Sims.weights(net, projection);
        double[] s = new double[4];
        s[0] = net.group(neuron).spikeTotal()[0] / seconds;
        for (float x : w) {
            s[1] += x / gmax / w.length;
            s[2] += x > 0.9 * gmax ? 1.0 / w.length : 0;
            s[3] += x < 0.1 * gmax ? 1.0 / w.length : 0;
        }
        return s;
    }

    /**
     * The mean over our seeds must lie within 3 standard errors of the peer's mean, the standard error of
     * a difference of two means: sigma * sqrt(1/seeds + 1/peerSeeds), with sigma the peer's seed-to-seed
     * standard deviation.
     *
     * @param peer each statistic's peer mean and sample standard deviation
     */
    static void assertInBand(String label, double[] mean, double[][] peer, int seeds, int peerSeeds) {
        for (int k = 0; k < mean.length; k++) {
            double halfWidth = 3 * peer[k][1] * Math.sqrt(1.0 / seeds + 1.0 / peerSeeds);
            double lo = peer[k][0] - halfWidth;
            double hi = peer[k][0] + halfWidth;
            System.out.printf("%s, mean over seeds: %s = %.4f, band [%.4f, %.4f]%n", label, WHAT[k], mean[k], lo, hi);
            assertTrue(mean[k] >= lo && mean[k] <= hi, WHAT[k] + " = " + mean[k] + " outside [" + lo + ", " + hi + "]");
        }
    }
}
