package io.spikeforge.it.split;

import io.spikeforge.core.Engine;
import io.spikeforge.core.backend.JvmBackend;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import io.spikeforge.core.split.Split;
import io.spikeforge.core.split.SpikeExchangeTask;
import io.spikeforge.core.split.SpikeWindowTask;
import io.spikeforge.core.split.SplitWeights;
import io.spikeforge.it.Sims;
import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.RunListener;
import io.spikeforge.core.sim.Monitor;
import io.spikeforge.core.sim.SpikeMonitor;
import io.spikeforge.core.sim.ValueMonitor;
import io.spikeforge.core.split.NeuronPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A network split over processes (here threads, each one rank, exchanging through {@link ThreadExchange})
 * gives the spikes and weights of the whole network in one process, for any number of processes: every
 * rank sees every spike, and the weights put back in order are the single run's, bit for bit.
 */
class SplitNetworkTest {

    private static final Engine ENGINE = Engine.create();

    /** Runs {@code spec} split over {@code processes} ranks at once; @return each rank's network */
    private static List<Network> split(NetworkSpec spec, int processes) throws Exception {
        return split(spec, processes, io.spikeforge.core.config.RowBlocks.MAX_SYNAPSES);
    }

    /** As above, with projections in blocks of at most {@code maxBlock} synapses */
    private static List<Network> split(NetworkSpec spec, int processes, long maxBlock) throws Exception {
        ThreadExchange exchange = new ThreadExchange(processes);
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        try {
            List<Future<Network>> ranks = new ArrayList<>();
            for (int r = 0; r < processes; r++) {
                Split part = new Split(exchange.rank(r));
                ranks.add(pool.submit(() -> {
                    Network net = ENGINE.build(spec, maxBlock, part);
                    ENGINE.run(net, new JvmBackend(1, 1, Sims.TILE), RunListener.NONE);
                    return net;
                }));
            }
            List<Network> nets = new ArrayList<>();
            for (Future<Network> f : ranks) {
                nets.add(f.get());
            }
            return nets;
        } finally {
            pool.shutdownNow();
        }
    }

    private static float[] mergedWeights(List<Network> ranks, String projection) {
        int[][] rowPtrs = new int[ranks.size()][];
        float[][] values = new float[ranks.size()][];
        for (int r = 0; r < ranks.size(); r++) {
            // Each rank's blocks hold disjoint runs of rows: their offsets add up, their weights follow on.
            var blocks = ranks.get(r).projection(projection).blocks();
            rowPtrs[r] = SplitWeights.rowOffsets(blocks.stream().map(b -> b.connectivity()).toList());
            values[r] = new float[blocks.stream().mapToInt(b -> b.comm().synapses()).sum()];
            int at = 0;
            for (var b : blocks) {
                float[] w = new float[b.comm().synapses()];
                b.comm().copyWeights(w);
                System.arraycopy(w, 0, values[r], at, w.length);
                at += w.length;
            }
        }
        return SplitWeights.merge(rowPtrs, values);
    }

    @Test
    void cobaSplitOverTwoAndFourProcessesGivesTheSingleRunsSpikes() throws Exception {
        NetworkSpec spec = ENGINE.load(Sims.root().resolve("examples/coba.yaml"),
                new Overrides(200.0, null, 7L, null, null));
        Network one = ENGINE.build(spec);
        ENGINE.run(one, new JvmBackend(1, 1, Sims.TILE), RunListener.NONE);
        int[] e = Sims.spikes(one, "E.spike");
        assertTrue(e.length > 1000, "the network is active: " + e.length / 2 + " spikes");
        for (int processes : new int[] {2, 4}) {
            List<Network> ranks = split(spec, processes);
            long held = 0;
            for (Network rank : ranks) {
                assertArrayEquals(e, Sims.spikes(rank, "E.spike"), processes + " processes, E");
                assertArrayEquals(Sims.spikes(one, "I.spike"), Sims.spikes(rank, "I.spike"), processes + " processes, I");
                held += rank.projection("E2E").comm().synapses();
            }
            // Each synapse is held by exactly one process.
            assertEquals(one.projection("E2E").synapses(), ranks.stream()
                    .mapToLong(n -> n.projection("E2E").comm().synapses()).sum());
            assertTrue(held > 0);
        }
    }

    @Test
    void plasticWeightsSplitOverThreeProcessesAreTheSingleRunsInOrder() throws Exception {
        NetworkSpec spec = ENGINE.parse(Sims.plasticNetwork(
                "{type: STDP_Song2000, A1: 0.01, A2: 0.0105, W_min: 0, W_max: 0.1}"), "test", Overrides.NONE);
        Network one = ENGINE.build(spec);
        ENGINE.run(one, new JvmBackend(1, 1, Sims.TILE), RunListener.NONE);
        int[] s = Sims.spikes(one, "n.spike");
        assertTrue(s.length > 200, "post neurons fire: " + s.length / 2);
        float[] w = Sims.weights(one, "p");
        for (int processes : new int[] {2, 3}) {
            // A delay of 0.5 ms: each process runs 6 steps on its own spikes between exchanges.
            List<Network> ranks = split(spec, processes);
            assertTrue(ranks.stream().noneMatch(SplitNetworkTest::exchangesEveryStep));
            assertArrayEquals(s, allSpikes(ranks, "n.spike"), processes + " processes");
            assertEquals(one.group("src").spikeTotal()[0], ranks.stream().mapToLong(n -> n.group("src").spikeTotal()[0])
                    .sum());
            float[] merged = mergedWeights(ranks, "p");
            assertArrayEquals(w, merged, processes + " processes");
        }
    }

    /** @return every rank's own spikes of a monitor, in (step, neuron) order, as one process records them */
    private static int[] allSpikes(List<Network> ranks, String monitor) {
        List<long[]> pairs = new ArrayList<>();
        for (Network rank : ranks) {
            int[] p = Sims.spikes(rank, monitor);
            for (int k = 0; k < p.length; k += 2) {
                pairs.add(new long[] {p[k], p[k + 1]});
            }
        }
        pairs.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int[] out = new int[pairs.size() * 2];
        for (int k = 0; k < pairs.size(); k++) {
            out[2 * k] = (int) pairs.get(k)[0];
            out[2 * k + 1] = (int) pairs.get(k)[1];
        }
        return out;
    }

    private static boolean exchangesEveryStep(Network net) {
        return net.tasks().stream().anyMatch(t -> t.name().equals(SpikeExchangeTask.NAME));
    }

    @Test
    void withDelaysTheSpikesAreExchangedOncePerMinimumDelayAndStillTheSingleRunsOnes() throws Exception {
        // COBA with delays of 1.5 ms (excitatory) and 0.8 ms (inhibitory): a spike takes at least 9 steps.
        String yaml = java.nio.file.Files.readString(Sims.root().resolve("examples/coba.yaml"))
                .replace("out: {type: COBA, E: 0}", "out: {type: COBA, E: 0}\n    delay: 1.5")
                .replace("out: {type: COBA, E: -80}", "out: {type: COBA, E: -80}\n    delay: 0.8");
        NetworkSpec spec = ENGINE.parse(yaml, "coba", new Overrides(200.0, null, 7L, null, null));
        Network one = ENGINE.build(spec);
        ENGINE.run(one, new JvmBackend(1, 1, Sims.TILE), RunListener.NONE);
        assertTrue(Sims.spikes(one, "E.spike").length > 1000, "the network is active");
        for (int processes : new int[] {2, 3}) {
            List<Network> ranks = split(spec, processes);
            assertTrue(ranks.stream().noneMatch(SplitNetworkTest::exchangesEveryStep));
            assertTrue(ranks.getFirst().tasks().stream().anyMatch(t -> t.name().equals(SpikeWindowTask.NAME)));
            assertArrayEquals(Sims.spikes(one, "E.spike"), allSpikes(ranks, "E.spike"), processes + " processes, E");
            assertArrayEquals(Sims.spikes(one, "I.spike"), allSpikes(ranks, "I.spike"), processes + " processes, I");
        }
    }

    @Test
    void perSynapseDelaysWithStdpCountingSpikesBeforeTheirDelayExchangeEveryStep() throws Exception {
        // STDP_Song2000 with per-synapse delays updates A_pre from the undelayed spikes: every step's.
        String yaml = Sims.plasticNetwork("{type: STDP_Song2000, A1: 0.01, A2: 0.0105, W_min: 0, W_max: 0.1}")
                .replace("delay: 0.5", "delay: {type: Uniform, min_val: 0.5, max_val: 3.0}");
        NetworkSpec spec = ENGINE.parse(yaml, "test", Overrides.NONE);
        Network one = ENGINE.build(spec);
        ENGINE.run(one, new JvmBackend(1, 1, Sims.TILE), RunListener.NONE);
        List<Network> ranks = split(spec, 2);
        assertTrue(ranks.stream().allMatch(SplitNetworkTest::exchangesEveryStep));
        for (Network rank : ranks) {
            assertArrayEquals(Sims.spikes(one, "n.spike"), Sims.spikes(rank, "n.spike"));
        }
        assertArrayEquals(Sims.weights(one, "p"), mergedWeights(ranks, "p"));
    }

    @Test
    void staticPerSynapseDelaysAreExchangedOncePerShortestDelay() throws Exception {
        String yaml = Sims.plasticNetwork("{type: STDP_Song2000, A1: 0.01, A2: 0.0105, W_min: 0, W_max: 0.1}")
                .replace("delay: 0.5", "delay: {type: Uniform, min_val: 0.5, max_val: 3.0}")
                .replace("    plasticity: {type: STDP_Song2000, A1: 0.01, A2: 0.0105, W_min: 0, W_max: 0.1}\n", "");
        NetworkSpec spec = ENGINE.parse(yaml, "test", Overrides.NONE);
        Network one = ENGINE.build(spec);
        ENGINE.run(one, new JvmBackend(1, 1, Sims.TILE), RunListener.NONE);
        assertTrue(Sims.spikes(one, "n.spike").length > 200, "post neurons fire");
        List<Network> ranks = split(spec, 4);
        assertTrue(ranks.getFirst().tasks().stream().anyMatch(t -> t.name().equals(SpikeWindowTask.NAME)));
        assertArrayEquals(Sims.spikes(one, "n.spike"), allSpikes(ranks, "n.spike"));
    }

    @Test
    void perSynapseRuleParametersAreDrawnAsInOneProcessAndKeptWithTheirSynapses() throws Exception {
        NetworkSpec spec = ENGINE.parse(Sims.plasticNetwork("{type: STDP_Song2000, A1: {type: Uniform, min_val: 0.005,"
                + " max_val: 0.015}, A2: '0.0105*(0.5 + i/N)', W_min: 0, W_max: 0.1}"), "test", Overrides.NONE);
        Network one = ENGINE.build(spec);
        ENGINE.run(one, new JvmBackend(1, 1, Sims.TILE), RunListener.NONE);
        List<Network> ranks = split(spec, 3);
        assertArrayEquals(Sims.spikes(one, "n.spike"), allSpikes(ranks, "n.spike"));
        assertArrayEquals(Sims.weights(one, "p"), mergedWeights(ranks, "p"));
    }

    @Test
    void aProcessGeneratesItsProjectionsInBlocksOfRowsAndKeepsItsShareInFewBlocks() throws Exception {
        // Blocks of at most 20000 synapses: each process generates E2E (about 205,000) in blocks of rows of
        // about its share, keeps its part of each, and joins the parts into blocks of up to 18,000.
        NetworkSpec spec = ENGINE.load(Sims.root().resolve("examples/coba.yaml"),
                new Overrides(100.0, null, 5L, null, null));
        Network one = ENGINE.build(spec);
        ENGINE.run(one, new JvmBackend(1, 1, Sims.TILE), RunListener.NONE);
        List<Network> ranks = split(spec, 3, 20_000);
        for (Network rank : ranks) {
            var blocks = rank.projection("E2E").blocks();
            assertTrue(blocks.size() > 1 && blocks.stream().allMatch(b -> b.comm().synapses() <= 18_000),
                    blocks.size() + " blocks");
            assertArrayEquals(Sims.spikes(one, "E.spike"), Sims.spikes(rank, "E.spike"));
            assertArrayEquals(Sims.spikes(one, "I.spike"), Sims.spikes(rank, "I.spike"));
        }
        assertArrayEquals(Sims.weights(one, "E2E"), mergedWeights(ranks, "E2E"));
        // Blocks of 200,000: one process makes E2E in 2 blocks, each of 3 processes generates it in 4 blocks
        // of rows of about its 68,000 and keeps its part of all four in one block.
        List<Network> shares = split(spec, 3, 200_000);
        for (Network rank : shares) {
            assertEquals(1, rank.projection("E2E").blocks().size());
            assertArrayEquals(Sims.spikes(one, "E.spike"), Sims.spikes(rank, "E.spike"));
        }
        assertArrayEquals(Sims.weights(one, "E2E"), mergedWeights(shares, "E2E"));
    }

    @Test
    void inBlocksOfRowsPerSynapseDelaysAndRuleParametersAreThoseOfOneProcess() throws Exception {
        NetworkSpec spec = ENGINE.parse(Sims.plasticNetwork("{type: STDP_Song2000, A1: {type: Uniform, min_val: 0.005,"
                + " max_val: 0.015}, A2: 0.0105, W_min: 0, W_max: 0.1}")
                .replace("delay: 0.5", "delay: {type: Uniform, min_val: 0.5, max_val: 3.0}"), "test", Overrides.NONE);
        Network one = ENGINE.build(spec);
        ENGINE.run(one, new JvmBackend(1, 1, Sims.TILE), RunListener.NONE);
        List<Network> ranks = split(spec, 2, 4_000);
        assertTrue(ranks.getFirst().projection("p").blocks().size() > 1);
        for (Network rank : ranks) {
            assertArrayEquals(Sims.spikes(one, "n.spike"), Sims.spikes(rank, "n.spike"));
        }
        assertArrayEquals(Sims.weights(one, "p"), mergedWeights(ranks, "p"));
    }

    /**
     * Every example a split run takes, shortened, split over 2 and 3 processes: every spike monitor, every
     * value monitor (each column from the process owning its neuron), every weight monitor and every
     * projection's weights are the single run's, bit for bit.
     */
    @ParameterizedTest
    @ValueSource(strings = {"examples/coba.yaml", "examples/coba_subgroups.yaml", "examples/delays.yaml",
            "examples/heterogeneous.yaml", "examples/song2000.yaml", "examples/stdp_net.yaml",
            "examples/brian2/Brette_Gerstner_2005.yaml", "examples/brian2/Brunel_Hakim_1999.yaml",
            "examples/brian2/COBAHH.yaml", "examples/brian2/CUBA.yaml", "examples/brian2/IF_curve_LIF.yaml",
            "examples/brian2/PoissonGroup_rates.yaml", "examples/brian2/STDP.yaml", "examples/equations/coba.yaml",
            "examples/equations/plasticity_rules.yaml",
            "integration-tests/src/test/resources/device-contract/heterogeneous.yaml",
            "integration-tests/src/test/resources/device-contract/neuron-equations.yaml",
            "integration-tests/src/test/resources/device-contract/neuron-equations-pynn.yaml",
            "integration-tests/src/test/resources/device-contract/neurons.yaml",
            "integration-tests/src/test/resources/device-contract/start-monitors.yaml",
            "integration-tests/src/test/resources/device-contract/synapses.yaml",
            "integration-tests/src/test/resources/split-mixed.yaml"})
    void everyExampleSplitOverTwoAndThreeProcessesRecordsTheSingleRunsOutputs(String config) throws Exception {
        NetworkSpec spec = ENGINE.load(Sims.root().resolve(config), new Overrides(100.0, null, null, null, null));
        assertSplitIsTheSingleRun(spec, config);
    }

    @Test
    void everyKindOfInputDrivesTheSameNeuronsSplit() throws Exception {
        // The contract's inputs drive groups a to h below threshold: their potentials are what to compare.
        StringBuilder yaml = new StringBuilder(java.nio.file.Files.readString(
                Sims.root().resolve("integration-tests/src/test/resources/device-contract/inputs.yaml")).stripTrailing());
        for (String g : new String[] {"a", "b", "c", "d", "e", "f", "g", "h"}) {
            yaml.append("\n  - {target: ").append(g).append(", var: V}");
        }
        assertSplitIsTheSingleRun(ENGINE.parse(yaml + "\n", "inputs", Overrides.NONE), "inputs.yaml");
    }

    @Test
    void aRuleReadingThePreNeuronsStateIsRefusedAtItsPathBeforeAnythingRuns() throws Exception {
        String yaml = """
                dt: 0.1
                duration: 20
                models:
                  - name: VoltRule
                    kind: plasticity
                    equations: |
                      w : siemens
                    on_post: |
                      w = clip(w + 0.001*nS*(V_pre + 70*mV)/mV, 0*nS, gmax)
                    parameters: {gmax: 20 nS}
                populations:
                  - {name: a, size: 20, neuron: {type: LifRef, V_rest: -65, V_reset: -70, V_th: -50, tau: 10}}
                  - {name: b, size: 10, neuron: {type: LifRef, V_rest: -65, V_reset: -70, V_th: -50, tau: 10}}
                inputs:
                  - {name: bias, type: ConstantCurrent, target: a, value: 20}
                projections:
                  - {name: p, pre: a, post: b, comm: {type: EventCSRLinear, conn: {type: FixedProb, prob: 0.5},
                     weight: 0.001}, syn: Expon, out: COBA, plasticity: VoltRule}
                monitors:
                  - {target: b, var: spike}
                """;
        NetworkSpec spec = ENGINE.parse(yaml, "vpre", Overrides.NONE);
        // In one process the rule runs; split, each process would read others' V that it never updates.
        ENGINE.build(spec);
        ThreadExchange exchange = new ThreadExchange(2);
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.spikeforge.core.config.ConfigException.class,
                () -> ENGINE.build(spec, io.spikeforge.core.config.RowBlocks.MAX_SYNAPSES, new Split(exchange.rank(0))));
        assertEquals(List.of("projections[0].plasticity: VoltRule: reads the pre neurons' 'V', which a network split"
                + " over processes holds only for each process's own neurons (only their spikes are exchanged); run it"
                + " in one process"), e.errors().stream().map(Object::toString).toList());
    }

    @Test
    void aMonitorOfPerSynapseValuesIsRefusedWithTheSameMessageInEveryProcess() throws Exception {
        // Each process holds its own share of the synapses: the message names no count, so all print one.
        NetworkSpec spec = ENGINE.parse(Sims.plasticNetwork("{type: STDP_Song2000, A1: 0.01, A2: 0.0105, W_min: 0,"
                + " W_max: 0.1}").replace("{type: Expon, tau: 5}", "{type: TsodyksMarkram, U: 0.3, tau_f: 50, tau_d: 100}")
                + "  - {target: p, var: x}\n", "x", Overrides.NONE);
        ThreadExchange exchange = new ThreadExchange(3);
        for (int rank = 0; rank < 3; rank++) {
            Split part = new Split(exchange.rank(rank));
            var e = org.junit.jupiter.api.Assertions.assertThrows(io.spikeforge.core.config.ConfigException.class,
                    () -> ENGINE.build(spec, io.spikeforge.core.config.RowBlocks.MAX_SYNAPSES, part));
            assertEquals(List.of("monitors[1]: 'p.x' does not hold one value per neuron of a group, and a network split"
                    + " over processes holds it in parts; allowed there: spike monitors and value monitors of per-neuron"
                    + " variables"), e.errors().stream().map(Object::toString).toList());
        }
    }

    @Test
    void tsodyksMarkramValuesOrDelaysPerSynapseAreRefusedSplitWithTheReason() throws Exception {
        String base = Sims.plasticNetwork("null").replace("    plasticity: null\n", "");
        NetworkSpec values = ENGINE.parse(base.replace("{type: Expon, tau: 5}", "{type: TsodyksMarkram, U: \"0.1 +"
                + " 0.2*i/N\", tau_d: {type: Uniform, min_val: 50, max_val: 150}, per_synapse: true}"), "tm", Overrides.NONE);
        NetworkSpec delays = ENGINE.parse(base.replace("{type: Expon, tau: 5}", "TsodyksMarkram")
                .replace("delay: 0.5", "delay: {type: Uniform, min_val: 0.5, max_val: 3}"), "tm", Overrides.NONE);
        // In one process both run.
        ENGINE.build(values);
        ENGINE.build(delays);
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.spikeforge.core.config.ConfigException.class,
                () -> ENGINE.build(values, io.spikeforge.core.config.RowBlocks.MAX_SYNAPSES,
                        new Split(new ThreadExchange(2).rank(0))));
        assertEquals(List.of("projections[0].syn: TsodyksMarkram: U, tau_d given per synapse cannot yet run in a network"
                + " split over processes; give them one value each, or leave per_synapse out (one value per post"
                + " neuron), or run it in one process"), e.errors().stream().map(Object::toString).toList());
        e = org.junit.jupiter.api.Assertions.assertThrows(io.spikeforge.core.config.ConfigException.class,
                () -> ENGINE.build(delays, io.spikeforge.core.config.RowBlocks.MAX_SYNAPSES,
                        new Split(new ThreadExchange(2).rank(1))));
        assertEquals(List.of("projections[0].syn: TsodyksMarkram: delivers spikes itself through one delay for the"
                + " whole projection in a network split over processes, so it cannot take per-synapse delays; give p"
                + " one delay in ms"), e.errors().stream().map(Object::toString).toList());
    }

    @Test
    void aGapJunctionReadingThePreVoltagesIsRefusedAtItsSyn() throws Exception {
        NetworkSpec spec = ENGINE.parse(Sims.plasticNetwork("null").replace("pre: src", "pre: n")
                .replace("    syn: {type: Expon, tau: 5}\n    out: COBA\n    plasticity: null\n", "    syn: GapJunction\n")
                .replace("delay: 0.5", "delay: 0"), "gap", Overrides.NONE);
        ENGINE.build(spec);
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.spikeforge.core.config.ConfigException.class,
                () -> ENGINE.build(spec, io.spikeforge.core.config.RowBlocks.MAX_SYNAPSES,
                        new Split(new ThreadExchange(2).rank(1))));
        assertEquals(List.of("projections[0].syn: GapJunction: couples the neurons' voltages, which a network split over"
                + " processes holds only for its own neurons; run it in one process"),
                e.errors().stream().map(Object::toString).toList());
    }

    @Test
    void deltaSynapsesJumpTheirOwnPostNeuronsAndRunSplit() throws Exception {
        // Delta reads the arriving spikes and writes the post potentials only: no pre neuron's state.
        String yaml = Sims.plasticNetwork("null")
                .replace("    syn: {type: Expon, tau: 5}\n    out: COBA\n    plasticity: null\n",
                        "    syn: Delta\n")
                .replace("max_val: 0.1}", "max_val: 1.5}")
                + "  - {target: n, var: V, indices: [0, 74, 75, 149]}\n";
        for (String delay : new String[] {"delay: 0", "delay: 0.5"}) {
            NetworkSpec spec = ENGINE.parse(yaml.replace("delay: 0.5", delay), "delta", Overrides.NONE);
            assertSplitIsTheSingleRun(spec, delay);
        }
    }

    /** Runs {@code spec} in one process and split over 2 and 3, and compares every monitor and weight. */
    private static void assertSplitIsTheSingleRun(NetworkSpec spec, String what) throws Exception {
        Network one = ENGINE.build(spec);
        ENGINE.run(one, new JvmBackend(1, 1, Sims.TILE), RunListener.NONE);
        long spikes = one.monitors().stream().filter(m -> m instanceof SpikeMonitor)
                .mapToLong(m -> ((SpikeMonitor) m).pairs().length / 2).sum();
        // Something to compare: spikes, or values recorded (inputs.yaml records its inputs' effects only).
        assertTrue(spikes > 0 || one.monitors().stream().anyMatch(m -> m instanceof ValueMonitor v && v.rows() > 0),
                what + ": the network records something");
        for (int processes : new int[] {2, 3}) {
            List<Network> ranks = split(spec, processes);
            String at = what + ", " + processes + " processes, ";
            boolean whole = exchangesEveryStep(ranks.getFirst());
            for (Monitor m : one.monitors()) {
                if (m instanceof SpikeMonitor s) {
                    assertArrayEquals(s.pairs(), whole ? Sims.spikes(ranks.getFirst(), m.name())
                            : allSpikes(ranks, m.name()), at + m.name());
                } else if (m instanceof ValueMonitor v && "weight".equals(v.spec().var())) {
                    int[][] rowPtrs = rowPtrs(ranks, v.spec().target());
                    for (int r = 0; r < v.rows(); r++) {
                        float[][] parts = new float[processes][];
                        for (int k = 0; k < processes; k++) {
                            ValueMonitor part = (ValueMonitor) ranks.get(k).monitor(m.name());
                            parts[k] = java.util.Arrays.copyOfRange(part.values(), r * part.columns(),
                                    (r + 1) * part.columns());
                        }
                        assertArrayEquals(java.util.Arrays.copyOfRange(v.values(), r * v.columns(),
                                (r + 1) * v.columns()), SplitWeights.merge(rowPtrs, parts), at + m.name() + " row " + r);
                    }
                } else if (m instanceof ValueMonitor v) {
                    int length = one.states().find(v.spec().target() + "." + v.spec().var()).orElseThrow().length();
                    NeuronPartition partition = new NeuronPartition(length, processes);
                    for (int c = 0; c < v.columns(); c++) {
                        ValueMonitor owner = (ValueMonitor) ranks.get(partition.owner(v.indices()[c])).monitor(m.name());
                        assertEquals(v.rows(), owner.rows(), at + m.name());
                        for (int r = 0; r < v.rows(); r++) {
                            assertEquals(Float.floatToRawIntBits(v.value(r, c)), Float.floatToRawIntBits(owner.value(r, c)),
                                    at + m.name() + " row " + r + " column " + c);
                        }
                    }
                }
            }
            for (var p : one.projections()) {
                assertArrayEquals(Sims.weights(one, p.name()), mergedWeights(ranks, p.name()), at + p.name());
            }
        }
    }

    /** @return each rank's row offsets of a projection, its blocks' added up */
    private static int[][] rowPtrs(List<Network> ranks, String projection) {
        int[][] rowPtrs = new int[ranks.size()][];
        for (int r = 0; r < ranks.size(); r++) {
            rowPtrs[r] = SplitWeights.rowOffsets(ranks.get(r).projection(projection).blocks().stream()
                    .map(b -> b.connectivity()).toList());
        }
        return rowPtrs;
    }
}
