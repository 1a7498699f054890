package io.spikeforge.it;

import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same seed gives the same spikes and weights whatever the number of threads, every task split. */
class DeterminismTest {

    @Test
    void cobaSpikesAreIdenticalWithOneAndTwoThreads() {
        Overrides o = new Overrides(200.0, null, 7L, null, null);
        Network one = Sims.runExample("coba.yaml", o, 1);
        Network two = Sims.runExample("coba.yaml", o, 2);
        int[] e1 = Sims.spikes(one, "E.spike");
        assertTrue(e1.length > 1000, "the network is active: " + e1.length / 2 + " spikes");
        assertArrayEquals(e1, Sims.spikes(two, "E.spike"));
        assertArrayEquals(Sims.spikes(one, "I.spike"), Sims.spikes(two, "I.spike"));
    }

    @Test
    void plasticWeightsAreIdenticalWithOneAndThreeThreads() {
        String yaml = Sims.plasticNetwork("{type: STDP_Song2000, A1: 0.01, A2: 0.0105, W_min: 0, W_max: 0.1}");
        Network one = Sims.run(yaml, 1);
        Network three = Sims.run(yaml, 3);
        int[] s1 = Sims.spikes(one, "n.spike");
        assertTrue(s1.length > 200, "post neurons fire: " + s1.length / 2);
        assertArrayEquals(s1, Sims.spikes(three, "n.spike"));
        float[] w1 = Sims.weights(one, "p");
        assertArrayEquals(w1, Sims.weights(three, "p"));
        assertEquals(one.group("src").spikeTotal()[0], three.group("src").spikeTotal()[0]);
    }
}
