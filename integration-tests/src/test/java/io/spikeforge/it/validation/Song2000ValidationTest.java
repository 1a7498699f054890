package io.spikeforge.it.validation;

import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import io.spikeforge.it.Sims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Song, Miller and Abbott (2000), examples/song2000.yaml, 100 s, against Brian2 2.5 running the same
 * network with STDP_Song2000's update order (REFERENCES.md explains the two ordering differences from
 * Brian2's stock example and how the band was measured).
 */
class Song2000ValidationTest {

    static final double GMAX = 0.01;
    // Brian2 2.5.1 cpp_standalone, BrainPy update order, exponential Euler, seeds 1-6 (REFERENCES.md).
    static final Band RATE = new Band("output rate (Hz)", Double.NaN, Double.NaN);
    static final Band MEAN = new Band("mean weight / gmax", Double.NaN, Double.NaN);
    static final Band HIGH = new Band("fraction of weights > 0.9 gmax", Double.NaN, Double.NaN);
    static final Band LOW = new Band("fraction of weights < 0.1 gmax", Double.NaN, Double.NaN);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void weightsAndRateFallInBrian2sBand(long seed) {
        Network net = Sims.runExample("song2000.yaml", new Overrides(null, null, seed, null, null), 1);
        float[] w = Sims.weights(net, "stdp");
        double sum = 0;
        int high = 0;
        int low = 0;
        for (float x : w) {
            sum += x / GMAX;
            high += x > 0.9 * GMAX ? 1 : 0;
            low += x < 0.1 * GMAX ? 1 : 0;
        }
        String ctx = "Song 2000 seed " + seed;
        RATE.check(net.group("neuron").spikeTotal()[0] / 100.0, ctx);
        MEAN.check(sum / w.length, ctx);
        HIGH.check(high / (double) w.length, ctx);
        LOW.check(low / (double) w.length, ctx);
        assertTrue(high + low > w.length / 3, "bimodal: " + (high + low) + " of " + w.length + " weights at the ends");
    }
}
