package io.spikeforge.it;

import io.spikeforge.core.backend.JvmBackend;
import io.spikeforge.spi.RunListener;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import io.spikeforge.core.sim.ProjectionBlock;
import io.spikeforge.core.Engine;
import io.spikeforge.core.plugin.PluginLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A projection with more synapses than one block of int indices holds is split into blocks of rows.
 * Blocks here are made small, so that small networks split: the result must be the unsplit network's.
 */
class RowBlocksTest {

    private static final String PLASTIC = Sims.plasticNetwork(
            "{type: STDP_Song2000, A1: 0.01, A2: 0.0105, W_min: 0, W_max: 0.1}")
            + "  - {target: p, var: weight, indices: [3, 9000, 17500]}\n";

    private static Network run(String yaml, long maxBlockSynapses, int threads) {
        Network net = Sims.ENGINE.build(Sims.ENGINE.parse(yaml, "test", Overrides.NONE), maxBlockSynapses);
        Sims.ENGINE.run(net, new JvmBackend(threads, 1, Sims.TILE), RunListener.NONE);
        return net;
    }

    @Test
    void plasticProjectionInBlocksGivesTheSpikesAndWeightsOfTheWholeOne() {
        Network whole = run(PLASTIC, 1_000_000, 2);
        Network split = run(PLASTIC, 4000, 2);
        long synapses = whole.projection("p").synapses();
        assertTrue(synapses > 17_000 && synapses < 19_000, "about 400 x 150 x 0.3 synapses: " + synapses);
        // 0.9 x 4000 synapses per block: ceil(18000 / 3600) = 5 blocks of 80 rows
        assertEquals(5, split.projection("p").blocks().size());
        assertEquals(synapses, split.projection("p").synapses());
        for (ProjectionBlock b : split.projection("p").blocks()) {
            assertTrue(b.comm().synapses() <= 4000, "block of " + b.comm().synapses() + " synapses");
        }
        int[] spikes = Sims.spikes(whole, "n.spike");
        assertTrue(spikes.length > 200, "post neurons fire: " + spikes.length / 2);
        assertArrayEquals(spikes, Sims.spikes(split, "n.spike"));
        float[] w = Sims.weights(whole, "p");
        assertArrayEquals(w, Sims.weights(split, "p"));
        assertTrue(java.util.stream.IntStream.range(0, w.length)
                .anyMatch(k -> w[k] != whole.projection("p").initialWeights()[k]), "the weights moved");
        for (int col = 0; col < 3; col++) {
            assertArrayEquals(Sims.column(whole, "p.weight", col), Sims.column(split, "p.weight", col));
        }
        assertEquals(whole.projection("p").synapticEvents(whole.group("src"), whole.group("n")),
                split.projection("p").synapticEvents(split.group("src"), split.group("n")));
    }

    @Test
    void aPlasticProjectionBetweenSlicesInBlocksGivesTheWholeOnesSpikesAndWeights() {
        String yaml = PLASTIC.replace("    pre: src\n", "    pre: \"src[50:350]\"\n")
                .replace("    post: n\n", "    post: \"n[20:]\"\n").replace("17500]", "11000]");
        Network whole = run(yaml, 1_000_000, 2);
        Network split = run(yaml, 3000, 2);
        assertTrue(split.projection("p").blocks().size() > 1, "split into blocks");
        int[] rowPtr = whole.projection("p").connectivity().rowPtr();
        assertEquals(0, rowPtr[50], "no synapses from the 50 inputs before the slice");
        assertEquals(rowPtr[350], rowPtr[400], "none from the 50 after it");
        int[] spikes = Sims.spikes(whole, "n.spike");
        assertTrue(spikes.length > 200, "post neurons fire: " + spikes.length / 2);
        assertArrayEquals(spikes, Sims.spikes(split, "n.spike"));
        assertArrayEquals(Sims.weights(whole, "p"), Sims.weights(split, "p"));
    }

    @Test
    void blocksGiveTheSameSpikesWithOneAndThreeThreads() {
        assertArrayEquals(Sims.spikes(run(PLASTIC, 2500, 1), "n.spike"), Sims.spikes(run(PLASTIC, 2500, 3), "n.spike"));
    }

    @Test
    void alignPreProjectionInBlocksDrivesThePostNeuronsAlike() {
        String yaml = PLASTIC.replace("    delay: 0.5\n", "    delay: 0.5\n    align: pre\n")
                .replace("plasticity: {type: STDP_Song2000, A1: 0.01, A2: 0.0105, W_min: 0, W_max: 0.1}", "")
                .replace("comm: {type: EventCSRLinear", "comm: {type: CSRLinear")
                .replace("  - {target: p, var: weight, indices: [3, 9000, 17500]}\n", "");
        Network whole = run(yaml, 1_000_000, 2);
        Network split = run(yaml, 4000, 2);
        assertEquals(5, split.projection("p").blocks().size());
        int[] spikes = Sims.spikes(whole, "n.spike");
        assertTrue(spikes.length > 200, "post neurons fire: " + spikes.length / 2);
        assertArrayEquals(spikes, Sims.spikes(split, "n.spike"));
    }

    @Test
    void aConnectorThatCannotMakeBlocksIsAConfigError() {
        String yaml = """
                dt: 0.1
                duration: 1
                populations:
                  - {name: a, size: 50, neuron: LifRef}
                  - {name: b, size: 50, neuron: LifRef}
                projections:
                  - {name: p, pre: a, post: b, comm: {type: EventCSRLinear, conn: One2One, weight: 0.1}, syn: Expon, out: COBA}
                """;
        ConfigException e = assertThrows(ConfigException.class,
                () -> Sims.ENGINE.build(Sims.ENGINE.parse(yaml, "test", Overrides.NONE), 20));
        assertEquals("""
                1 configuration error in test:
                  projections[0].comm.conn: One2One: would make about 50 synapses, more than the 20 one block of a\
                 projection holds, and cannot generate its rows in blocks; lower the connection density or split the\
                 projection""", e.getMessage());
    }

    @Test
    void aPackInitializerThatCannotStartMidwayIsAConfigError(@TempDir Path packs) throws Exception {
        // A pack written against the SPI before blocks existed: it implements fill from element 0 only.
        new PackBuilder()
                .source("ramp.Ramp", """
                        package ramp;
                        import io.spikeforge.spi.*;
                        import java.util.List;
                        public final class Ramp implements InitializerModel {
                            public String name() { return "Ramp"; }
                            public String description() { return "k / 1000 uS for synapse k"; }
                            public List<ParamSpec> parameters() { return List.of(); }
                            public void fill(Params p, float[] out, long seed) {
                                for (int k = 0; k < out.length; k++) {
                                    out[k] = k / 1000f;
                                }
                            }
                        }
                        """)
                .plugin("ramp.RampPlugin", """
                        package ramp;
                        import io.spikeforge.spi.*;
                        import java.util.List;
                        public final class RampPlugin implements SpikeForgePlugin {
                            public List<ModelFactory> models() { return List.of(new Ramp()); }
                        }
                        """)
                .build(packs, "ramp");
        Engine engine = Engine.create(PluginLoader.fromDirectory(packs));
        String yaml = """
                dt: 0.1
                duration: 1
                populations:
                  - {name: a, size: 50, neuron: LifRef}
                projections:
                  - {name: p, pre: a, post: a, comm: {type: EventCSRLinear, conn: {type: FixedPostNum, num: 4},
                     weight: Ramp}, syn: Expon, out: COBA}
                """;
        Network whole = engine.build(engine.parse(yaml, "test", Overrides.NONE));
        assertEquals(0.199f, whole.projection("p").comm().weight(199));
        ConfigException e = assertThrows(ConfigException.class,
                () -> engine.build(engine.parse(yaml, "test", Overrides.NONE), 100));
        assertEquals("""
                1 configuration error in test:
                  projections[0].comm.weight: Ramp: cannot fill the weights of a projection split into blocks (it\
                 cannot start at synapse 64); use Constant, Uniform or Normal""", e.getMessage());
    }
}
