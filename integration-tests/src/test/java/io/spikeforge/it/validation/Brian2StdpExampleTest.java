package io.spikeforge.it.validation;

import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import io.spikeforge.it.Sims;
import org.junit.jupiter.api.Test;

/**
 * Brian2's examples/synapses/STDP.py pasted as equations (examples/brian2/STDP.yaml: traces per synapse,
 * {@code ge += w} in on_pre before the weight change, on_pre before on_post: Brian2's order), 100 s
 * over 3 seeds, against the stock Brian2 example over 8 seeds (REFERENCES.md). The same band as
 * {@link Song2000ValidationTest}: the mean over our seeds within 3 standard errors of a difference of
 * means of the peer's.
 */
class Brian2StdpExampleTest {

    static final double GMAX = 0.01;
    static final long[] SEEDS = {1, 2, 3};
    static final int PEER_SEEDS = 8;
    // Brian2 2.5.1 cpp_standalone, the stock example, seeds 1-8: mean and sample std.
    static final double[][] PEER = {
            {25.6375, 1.37181},    // output rate, Hz
            {0.47261, 0.00243},    // mean weight / gmax
            {0.18613, 0.00964},    // fraction of weights > 0.9 gmax
            {0.24025, 0.01278}};   // fraction of weights < 0.1 gmax

    @Test
    void seedAveragedStatisticsMatchTheStockBrian2Example() {
        double[] sum = new double[4];
        for (long seed : SEEDS) {
            Network net = Sims.runExample("brian2/STDP.yaml", new Overrides(null, null, seed, null, null), 1);
            double[] s = SongStatistics.of(net, "S", "neurons", GMAX, 100);
            System.out.printf("Brian2 STDP example seed %d: rate %.2f Hz, mean w %.4f gmax, >0.9 gmax %.3f,"
                    + " <0.1 gmax %.3f%n", seed, s[0], s[1], s[2], s[3]);
            for (int k = 0; k < 4; k++) {
                sum[k] += s[k] / SEEDS.length;
            }
        }
        SongStatistics.assertInBand("Brian2 STDP example", sum, PEER, SEEDS.length, PEER_SEEDS);
    }
}
