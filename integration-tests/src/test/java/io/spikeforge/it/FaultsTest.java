package io.spikeforge.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikeforge.core.checkpoint.CheckpointFile;
import io.spikeforge.core.config.HeapLimit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NaN and infinity stop a run and are named; a model that throws while running is named with its step. */
class FaultsTest {

    @TempDir
    static Path packs;

    @TempDir
    Path tmp;

    /** A neuron that writes NaN into V[index] in a given step, and one whose update throws in a given step. */
    @BeforeAll
    static void buildFaultPack() throws Exception {
        String header = "package faults;\nimport io.spikeforge.spi.*;\nimport java.util.List;\n";
        new PackBuilder()
                .source("faults.PoisonAt", header + """
                        public final class PoisonAt implements NeuronModel {
                            public String name() { return "PoisonAt"; }
                            public String description() { return "V stays 0, but V[index] turns NaN in one step"; }
                            public List<ParamSpec> parameters() {
                                return List.of(ParamSpec.integer("step", 0, "1", "the step"),
                                        ParamSpec.integer("index", 0, "1", "the neuron"));
                            }
                            public List<VariableSpec> variables() { return List.of(new VariableSpec("V", "mV", "")); }
                            public NeuronGroup create(Params p, BuildContext c, int size, float[] current, int[] spikes) {
                                float[] v = c.floats("V", size, 0f);
                                int[] clock = c.clock();
                                int step = p.integer("step");
                                int index = p.integer("index");
                                return NeuronGroup.of(v, StepTask.serial(c.owner() + ".PoisonAt", size)
                                        .reads(clock).writes(v, current, spikes).body((from, to) -> {
                                            java.util.Arrays.fill(current, 0f);
                                            if (clock[0] == step) {
                                                v[index] = Float.NaN;
                                            }
                                        }));
                            }
                        }
                        """)
                .source("faults.CrashAt", header + """
                        public final class CrashAt implements NeuronModel {
                            public String name() { return "CrashAt"; }
                            public String description() { return "its update divides by zero in one step"; }
                            public List<ParamSpec> parameters() { return List.of(ParamSpec.integer("step", 0, "1", "")); }
                            public NeuronGroup create(Params p, BuildContext c, int size, float[] current, int[] spikes) {
                                int[] clock = c.clock();
                                int step = p.integer("step");
                                return NeuronGroup.of(new float[size], StepTask.parallel(c.owner() + ".CrashAt.update", size)
                                        .reads(clock).writes(current).body((from, to) -> {
                                            int zero = step - clock[0];
                                            current[from] = 1 / zero;
                                        }));
                            }
                        }
                        """)
                .source("faults.ReturnsNull", header + """
                        public final class ReturnsNull implements NeuronModel {
                            public String name() { return "ReturnsNull"; }
                            public String description() { return "forgets to return its group"; }
                            public List<ParamSpec> parameters() { return List.of(); }
                            public NeuronGroup create(Params p, BuildContext c, int size, float[] current, int[] spikes) {
                                return null;
                            }
                        }
                        """)
                .source("faults.OutOfHeap", header + """
                        public final class OutOfHeap implements NeuronModel {
                            public String name() { return "OutOfHeap"; }
                            public String description() { return "its state does not fit in the heap"; }
                            public List<ParamSpec> parameters() { return List.of(); }
                            public NeuronGroup create(Params p, BuildContext c, int size, float[] current, int[] spikes) {
                                throw new OutOfMemoryError("Java heap space");
                            }
                        }
                        """)
                .source("faults.Asserts", header + """
                        public final class Asserts implements NeuronModel {
                            public String name() { return "Asserts"; }
                            public String description() { return "an assertion fails in create"; }
                            public List<ParamSpec> parameters() { return List.of(); }
                            public NeuronGroup create(Params p, BuildContext c, int size, float[] current, int[] spikes) {
                                throw new AssertionError("invariant broken");
                            }
                        }
                        """)
                .source("faults.NoEstimate", header + """
                        public final class NoEstimate implements ConnectorModel {
                            public String name() { return "NoEstimate"; }
                            public String description() { return "cannot estimate its synapses"; }
                            public List<ParamSpec> parameters() { return List.of(); }
                            public long estimateSynapses(Params p, int pre, int post, boolean same) {
                                throw new StackOverflowError();
                            }
                            public Connectivity connect(Params p, BuildContext c, int pre, int post, boolean same) {
                                throw new UnsupportedOperationException();
                            }
                        }
                        """)
                .plugin("faults.FaultPlugin", header + """
                        public final class FaultPlugin implements SpikeForgePlugin {
                            public List<ModelFactory> models() {
                                return List.of(new PoisonAt(), new CrashAt(), new ReturnsNull(), new OutOfHeap(),
                                        new Asserts(), new NoEstimate());
                            }
                        }
                        """)
                .build(packs, "faults");
    }

    private Cli.Result run(String yaml, String... extra) throws Exception {
        Path config = tmp.resolve("faulty.yaml");
        Files.writeString(config, yaml);
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"run", config.toString(), "--out", tmp.resolve("out").toString(), "--quiet",
                "--plugins=" + packs}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        return Cli.run(args);
    }

    private static final String POISONED = """
            dt: 0.1
            duration: 200
            populations:
              - {name: quiet, size: 4, neuron: LifRef}
              - {name: n, size: 10, neuron: {type: PoisonAt, step: STEP, index: 3}}
            monitors:
              - {target: n, var: V, every: 10}
            """;

    @Test
    void checkedEveryStepANanIsNamedWithItsPopulationVariableNeuronAndStep() throws Exception {
        Cli.Result r = run(POISONED.replace("STEP", "100"), "--check-every", "1");
        assertEquals(3, r.code(), r.err());
        assertEquals("spikeforge: faulty: numerical fault in step 100 (t = 10 to 10.1 ms): population 'n', variable 'V',"
                + " neuron 3 is NaN. Lower dt or check the model's parameters; the outputs up to t = 10.1 ms are in "
                + tmp.resolve("out") + "\n", r.err());
        JsonNode s = Outputs.summary(tmp.resolve("out"));
        assertTrue(s.get("partial").asBoolean());
        assertEquals(101, s.get("steps").asInt());
        assertTrue(s.get("stop_reason").asText().startsWith("numerical fault in step 100 "), s.toString());
        assertTrue(Files.size(tmp.resolve("out").resolve("n.V.npy")) > 128, "the monitor is flushed");
    }

    @Test
    void checkedEvery1000StepsTheFaultIsPlacedBetweenTwoChecks() throws Exception {
        Cli.Result r = run(POISONED.replace("STEP", "1500"));
        assertEquals(3, r.code(), r.err());
        assertEquals("spikeforge: faulty: numerical fault between steps 1000 and 1999 (t = 100 to 200 ms;"
                + " --check-every 1 finds the step): population 'n', variable 'V', neuron 3 is NaN. Lower dt or check"
                + " the model's parameters; the outputs up to t = 200 ms are in " + tmp.resolve("out") + "\n", r.err());
    }

    @Test
    void aDivergingNetworkStopsWithTheFirstNonFiniteValue() throws Exception {
        // A conductance of 1e30 uS swings V to +6e31 mV (the threshold is out of reach), then the COBA current
        // overflows to -infinity and the exact integration makes V NaN.
        Cli.Result r = run("""
                dt: 0.1
                duration: 100
                inputs:
                  - {name: src, type: SpikeTimes, size: 1, times: [1.0]}
                populations:
                  - {name: n, size: 2, neuron: {type: LifRef, V_rest: -60, V_reset: -65, V_th: 3e38}}
                projections:
                  - {name: p, pre: src, post: n, comm: {type: Dense, weight: 1e30}, syn: Expon, out: COBA}
                """, "--check-every", "1");
        // The spike of step 10 reaches the synapse in step 11, which swings V; step 12 makes it NaN.
        assertEquals(3, r.code(), r.err());
        assertEquals("spikeforge: faulty: numerical fault in step 12 (t = 1.2 to 1.3 ms): population 'n', variable 'V',"
                + " neuron 0 is NaN. Lower dt or check the model's parameters; the outputs up to t = 1.3 ms are in "
                + tmp.resolve("out") + "\n", r.err());
    }

    @Test
    void aNanInASmallPopulationFusedWithOthersIsNamedWithItsOwnNameAndIndex() throws Exception {
        // 40 populations of 2 LifRef neurons live as one storage population (Fusion); two currents of 3e38 nA
        // onto p17 overflow its V to infinity in the first step.
        StringBuilder yaml = new StringBuilder("dt: 0.1\nduration: 100\npopulations:\n");
        for (int i = 0; i < 40; i++) {
            yaml.append("  - {name: p").append(i).append(", size: 2, neuron: {type: LifRef, V_th: 3e38}}\n");
        }
        yaml.append("inputs:\n  - {name: kick, type: ConstantCurrent, target: p17, value: 3e38}\n"
                + "  - {name: kick2, type: ConstantCurrent, target: p17, value: 3e38}\n");
        Cli.Result r = run(yaml.toString(), "--check-every", "1");
        assertEquals(3, r.code(), r.err());
        assertEquals("spikeforge: faulty: numerical fault in step 0 (t = 0 to 0.1 ms): population 'p17', variable 'V',"
                + " neuron 0 is NaN. Lower dt or check the model's parameters; the outputs up to t = 0.1 ms are in "
                + tmp.resolve("out") + "\n", r.err());
    }

    @Test
    void aModelThatThrowsWhileRunningIsNamedWithItsTaskStepAndPackAndWhatWasRecordedIsKept() throws Exception {
        Cli.Result r = run("""
                duration: 10
                populations:
                  - {name: n, size: 3, neuron: {type: CrashAt, step: 42}}
                monitors:
                  - {target: n, var: spike}
                """, "--threads", "1");
        assertEquals(1, r.code());
        assertEquals("spikeforge: faulty: populations[0].neuron: task 'n.CrashAt.update' of neuron model 'CrashAt'"
                + " from pack faults (" + packs.resolve("faults") + ") failed in step 42:"
                + " java.lang.ArithmeticException: / by zero; the outputs up to t = 4.2 ms are in " + tmp.resolve("out")
                + "\n", r.err());
        JsonNode s = Outputs.summary(tmp.resolve("out"));
        assertTrue(s.get("partial").asBoolean());
        assertEquals(42, s.get("steps").asInt());
        assertTrue(s.get("stop_reason").asText().contains("failed in step 42"), s.toString());
        assertTrue(Files.exists(tmp.resolve("out").resolve("n.spike.npy")));
    }

    @Test
    void aNaNCheckpointIsNeverWritten() throws Exception {
        Cli.Result r = run(POISONED.replace("STEP", "150"), "--checkpoint-every", "10", "--check-every", "0");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().startsWith("spikeforge: faulty: numerical fault between steps 100 and 199 (t = 10 to 20 ms;"),
                r.err());
        assertEquals(100, CheckpointFile.read(tmp.resolve("out").resolve("checkpoint.sfck")).meta().step(),
                "the last checkpoint holds the last finite state");
    }

    @Test
    void aModelThatReturnsNothingIsNamedWithItsPack() throws Exception {
        Cli.Result r = run("""
                duration: 10
                populations:
                  - {name: n, size: 3, neuron: ReturnsNull}
                """);
        assertEquals(1, r.code());
        assertEquals("spikeforge: populations[0].neuron: neuron model 'ReturnsNull' from pack faults ("
                + packs.resolve("faults") + ") returned nothing (null) while building\n", r.err());
    }

    @Test
    void aModelThatThrowsAnErrorWhileBuildingIsNamedWithItsPathAndPack() throws Exception {
        Cli.Result r = run("""
                duration: 10
                populations:
                  - {name: n, size: 3, neuron: Asserts}
                """);
        assertEquals(1, r.code(), r.err());
        assertEquals("spikeforge: populations[0].neuron: neuron model 'Asserts' from pack faults ("
                + packs.resolve("faults") + ") failed while building: java.lang.AssertionError: invariant broken\n",
                r.err());
        assertTrue(Files.notExists(tmp.resolve("out")), "the folder made for the outputs is taken away again");
    }

    @Test
    void aConnectorThatFailsToEstimateItsSizeIsNamedWithItsPathAndPack() throws Exception {
        Cli.Result r = run("""
                duration: 10
                populations:
                  - {name: n, size: 3, neuron: LifRef}
                projections:
                  - {name: p, pre: n, post: n, comm: {type: EventCSRLinear, conn: NoEstimate, weight: 1}, syn: Expon,
                     out: CUBA}
                """);
        assertEquals(1, r.code(), r.err());
        assertEquals("spikeforge: projections[0].comm.conn: connector model 'NoEstimate' from pack faults ("
                + packs.resolve("faults") + ") failed while estimating its size: java.lang.StackOverflowError\n",
                r.err());
    }

    @Test
    void runningOutOfHeapWhileBuildingIsOneMessageNamingThePart() throws Exception {
        // What a model meets when the memory check's estimate was short: the heap runs out in create.
        Path config = tmp.resolve("faulty.yaml");
        Cli.Result r = run("""
                dt: 0.1
                duration: 10
                populations:
                  - {name: quiet, size: 4, neuron: LifRef}
                  - {name: n, size: 10, neuron: OutOfHeap}
                """);
        assertEquals(2, r.code(), r.err());
        assertEquals("spikeforge: 1 configuration error in " + config + ":\n  populations[1]: the JVM ran out of its "
                + HeapLimit.describe(Runtime.getRuntime().maxMemory()) + " of heap while building this part, though"
                + " the memory check let the network through (the check counts the large arrays only); give the JVM"
                + " more memory (SPIKEFORGE_JAVA_OPTS=-Xmx...) or shrink the network\n", r.err());
    }
}
