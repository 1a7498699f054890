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

    @Test
    void tiledChainsGiveTheFloatsOfRunningEachTaskWholeInOrder() {
        // runExample runs in tiles of Sims.TILE items: 32 tiles for the 3200 excitatory neurons.
        Overrides o = new Overrides(100.0, null, 5L, null, null);
        Network tiled = Sims.runExample("coba.yaml", o, 1);
        Network whole = Sims.ENGINE.build(Sims.ENGINE.load(Sims.root().resolve("examples/coba.yaml"), o));
        for (long step = 0; step < 1000; step++) {
            for (io.spikeforge.spi.StepTask t : whole.tasks()) {
                t.run(0, t.size());
            }
            for (io.spikeforge.spi.Recorder r : whole.recorders()) {
                r.task().run(0, r.task().size());
            }
            whole.clock()[0]++;
        }
        int[] e = Sims.spikes(tiled, "E.spike");
        assertTrue(e.length > 1000, "the network is active: " + e.length / 2 + " spikes");
        assertArrayEquals(Sims.spikes(whole, "E.spike"), e);
        assertArrayEquals(Sims.spikes(whole, "I.spike"), Sims.spikes(tiled, "I.spike"));
        assertArrayEquals((float[]) whole.states().find("E.V").orElseThrow().array(),
                (float[]) tiled.states().find("E.V").orElseThrow().array());
    }
}
