package io.spikeforge.it;

import io.spikeforge.core.sim.DelayRing;
import io.spikeforge.core.sim.Network;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-synapse axonal delays ({@code delay: {type: Uniform, ...}}): each synapse delivers exactly its own
 * delay late, the three comms give the same floats, equal delays drawn from an initializer give today's
 * floats bit for bit, and 1 and 2 threads give the same spikes and weights.
 */
class SynapseDelaysTest {

    /**
     * One pre spike reaches 60 post neurons through synapses with delays drawn from [0, 3) ms, and the
     * same spike reaches a second group of 60 through delay 0. Each synapse's conductance must first
     * rise exactly its delay in steps after the undelayed one, the delay being the drawn one rounded to
     * the nearest step.
     */
    @Test
    void eachSynapseDeliversExactlyItsOwnDelayLate() {
        String[] comms = {"EventCSRLinear", "CSRLinear", "Dense"};
        float[][] traces = new float[comms.length][];
        for (int c = 0; c < comms.length; c++) {
            Network net = Sims.run(timing(comms[c]), 1);
            short[] steps = net.projection("late").blocks().getFirst().delaySteps();
            assertEquals(60, steps.length);
            assertTrue(Arrays.stream(toInts(steps)).distinct().count() >= 20, Arrays.toString(steps));
            int reference = firstRise(net, "now.g", 0);
            assertTrue(reference > 0, "the undelayed synapse receives the spike");
            for (int k = 0; k < steps.length; k++) {
                assertTrue(steps[k] >= 0 && steps[k] <= 30, "delay " + steps[k] + " steps lies in [0, 3] ms");
                assertEquals(reference + steps[k], firstRise(net, "late.g", k), "synapse " + k + ", delay "
                        + steps[k] + " steps");
            }
            // Brian2's 'v += w' (on_pre): the jump comes its own synapse's delay late too.
            short[] jumps = net.projection("jump").blocks().getFirst().delaySteps();
            for (int k = 0; k < jumps.length; k++) {
                assertEquals(reference + jumps[k], firstRise(net, "c.V", k), "on_pre synapse " + k);
            }
            traces[c] = flatten(net, "late.g", 60);
        }
        assertArrayEquals(traces[0], traces[1], "CSRLinear gives EventCSRLinear's floats");
        assertArrayEquals(traces[0], traces[2], "Dense gives EventCSRLinear's floats");
    }

    /** Brian2 2.5's rounding of delays to steps, measured by integration-tests/peers/brian2_delay_rounding.py. */
    @Test
    void delaysRoundToTheNearestStepWithHalvesUpAsBrian2Does() {
        // {dt, delay, Brian2's steps}, from integration-tests/REFERENCES.md ("Per-synapse delays: rounding").
        double[][] brian2 = {
                {0.1, 0.0, 0}, {0.1, 0.04, 0}, {0.1, 0.05, 1}, {0.1, 0.06, 1}, {0.1, 0.14, 1}, {0.1, 0.15, 1},
                {0.1, 0.16, 2}, {0.1, 0.25, 3}, {0.1, 0.45, 5}, {0.1, 0.55, 6}, {0.1, 1.049, 10},
                {0.1, 1.05, 11}, {0.1, 1.25, 13}, {0.1, 2.5, 25}, {0.1, 3.35, 34},
                {0.125, 0.0625, 1}, {0.125, 0.1875, 2}, {0.125, 0.3125, 3}, {0.125, 0.4375, 4}, {0.125, 0.5, 4},
                {0.125, 0.55, 4}, {0.125, 1.0, 8}, {0.125, 1.3125, 11}, {0.125, 2.0625, 17}};
        for (double[] row : brian2) {
            assertEquals((long) row[2], DelayRing.steps(row[1], row[0]), "dt " + row[0] + " ms, delay " + row[1] + " ms");
        }
    }

    /** A Uniform of zero width and a Normal of zero spread take today's path: the same floats as delay: 1.5. */
    @Test
    void equalDelaysFromAnInitializerGiveTheFloatsOfOneDelayBitForBit() {
        String rule = "{type: STDP_Song2000, A1: 0.01, A2: 0.0105, W_min: 0, W_max: 0.1}";
        String base = Sims.plasticNetwork(rule).replace("delay: 0.5", "delay: 1.5");
        Network today = Sims.run(base, 1);
        for (String init : new String[] {"{type: Uniform, min_val: 1.5, max_val: 1.5}", "{type: Normal, mean: 1.5, scale: 0}"}) {
            Network drawn = Sims.run(base.replace("delay: 1.5", "delay: " + init), 1);
            assertNull(drawn.projection("p").blocks().getFirst().delaySteps(), "one delay: no per-synapse delays kept");
            int[] spikes = Sims.spikes(today, "n.spike");
            assertTrue(spikes.length > 200, "post neurons fire: " + spikes.length / 2);
            assertArrayEquals(spikes, Sims.spikes(drawn, "n.spike"), init);
            assertArrayEquals(Sims.weights(today, "p"), Sims.weights(drawn, "p"), init);
            assertArrayEquals((float[]) today.states().find("n.V").orElseThrow().array(),
                    (float[]) drawn.states().find("n.V").orElseThrow().array(), init);
        }
    }

    /**
     * STDP through synapses of delays drawn from [0.1, 8) ms (80 delays: 400 rows x 80 would be more
     * entries than the 18,000 synapses, so each row is searched for its delays) and from [0.1, 1) ms (10
     * delays: a table of where each row's delays start), every task split over threads.
     */
    @Test
    void oneAndTwoThreadsGiveTheSameSpikesAndWeights() {
        for (String c : new String[] {"EventCSRLinear 8", "Dense 8", "EventCSRLinear 1", "CSRLinear 1"}) {
            String comm = c.split(" ")[0];
            String yaml = Sims.plasticNetwork("{type: STDP_Song2000, A1: 0.01, A2: 0.0105, W_min: 0, W_max: 0.1}")
                    .replace("delay: 0.5", "delay: {type: Uniform, min_val: 0.1, max_val: " + c.split(" ")[1] + "}")
                    .replace("EventCSRLinear", comm);
            Network one = Sims.run(yaml, 1);
            Network two = Sims.run(yaml, 2);
            int[] s1 = Sims.spikes(one, "n.spike");
            assertTrue(s1.length > 200, "post neurons fire: " + s1.length / 2);
            assertArrayEquals(s1, Sims.spikes(two, "n.spike"), c);
            float[] w1 = Sims.weights(one, "p");
            assertArrayEquals(w1, Sims.weights(two, "p"), c);
            float[] w0 = one.projection("p").blocks().getFirst().initialWeights();
            long changed = java.util.stream.IntStream.range(0, w1.length).filter(k -> w1[k] != w0[k]).count();
            assertTrue(changed > w1.length / 2, "STDP changed the weights: " + changed + " of " + w1.length);
        }
    }

    /** examples/delays.yaml (Uniform delays per synapse, STDP), 1 s: the same spikes and weights on 1 and 2 threads. */
    @Test
    void theDelaysExampleGivesTheSameSpikesAndWeightsOnOneAndTwoThreads() {
        io.spikeforge.core.config.Overrides o = new io.spikeforge.core.config.Overrides(1000.0, null, null, null, null);
        Network one = Sims.runExample("delays.yaml", o, 1);
        Network two = Sims.runExample("delays.yaml", o, 2);
        int[] s1 = Sims.spikes(one, "neurons.spike");
        assertTrue(s1.length > 200, "the neurons fire: " + s1.length / 2);
        assertArrayEquals(s1, Sims.spikes(two, "neurons.spike"));
        assertArrayEquals(Sims.weights(one, "stdp"), Sims.weights(two, "stdp"));
        short[] steps = one.projection("stdp").blocks().getFirst().delaySteps();
        assertEquals(20_000, steps.length);
        int lo = Integer.MAX_VALUE;
        int hi = 0;
        for (short d : steps) {
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        assertEquals(10, lo, "1 ms is 10 steps");
        assertEquals(100, hi, "just under 10 ms rounds to 100 steps");
    }

    /** The Java API's {@code delay(Model)} writes the initializer a config would, and draws the same delays. */
    @Test
    void theJavaApiTakesAnInitializerForTheDelays() {
        io.spikeforge.core.api.SpikingNetwork api = io.spikeforge.core.api.SpikingNetwork.named("test").dt(0.1)
                .duration(10).seed(11);
        io.spikeforge.core.api.Population src = api.spikeSource("src", 1, io.spikeforge.core.api.Model.of("SpikeTimes")
                .with("times", new double[] {2.0}));
        io.spikeforge.core.api.Population a = api.population("a", 60, io.spikeforge.core.api.Model.of("LifRef"));
        api.projection("late", src, a)
                .delay(io.spikeforge.core.api.Model.of("Uniform").with("min_val", 0).with("max_val", 3))
                .comm(io.spikeforge.core.api.Model.of("Dense"), io.spikeforge.core.api.Model.of("All2All"), 0.5)
                .syn(io.spikeforge.core.api.Model.of("Expon")).out(io.spikeforge.core.api.Model.of("CUBA"));
        assertTrue(api.toYaml().contains("Uniform"), api.toYaml());
        Network viaApi = Sims.ENGINE.build(Sims.ENGINE.parse(api.toYaml(), "api",
                io.spikeforge.core.config.Overrides.NONE));
        Network viaConfig = Sims.ENGINE.build(Sims.ENGINE.parse(timing("Dense"), "test",
                io.spikeforge.core.config.Overrides.NONE));
        assertArrayEquals(viaConfig.projection("late").blocks().getFirst().delaySteps(),
                viaApi.projection("late").blocks().getFirst().delaySteps());
    }

    /**
     * A projection split into blocks of rows draws each synapse the delay it draws whole, and runs the same
     * on 1 and 2 threads. (Its post neurons sum their inputs block after block, each block in (delay, pre)
     * order, so its floats may differ from the whole one's in the last bits.)
     */
    @Test
    void aProjectionInBlocksDrawsTheDelaysOfTheWholeOne() {
        String yaml = Sims.plasticNetwork("{type: STDP_Song2000, A1: 0.01, A2: 0.0105, W_min: 0, W_max: 0.1}")
                .replace("delay: 0.5", "delay: {type: Uniform, min_val: 0.1, max_val: 4}");
        var parsed = Sims.ENGINE.parse(yaml, "test", io.spikeforge.core.config.Overrides.NONE);
        Network whole = Sims.ENGINE.build(parsed);
        short[] all = whole.projection("p").blocks().getFirst().delaySteps();
        Network[] split = new Network[2];
        for (int t = 0; t < 2; t++) {
            split[t] = Sims.ENGINE.build(Sims.ENGINE.parse(yaml, "test", io.spikeforge.core.config.Overrides.NONE), 4000);
            Sims.ENGINE.run(split[t], new io.spikeforge.core.backend.JvmBackend(t + 1, 1, Sims.TILE),
                    io.spikeforge.spi.RunListener.NONE);
        }
        var blocks = split[0].projection("p").blocks();
        assertEquals(5, blocks.size());
        short[] joined = new short[all.length];
        for (var b : blocks) {
            System.arraycopy(b.delaySteps(), 0, joined, (int) b.firstSynapse(), b.delaySteps().length);
        }
        assertArrayEquals(all, joined);
        int[] spikes = Sims.spikes(split[0], "n.spike");
        assertTrue(spikes.length > 200, "post neurons fire: " + spikes.length / 2);
        assertArrayEquals(spikes, Sims.spikes(split[1], "n.spike"));
        assertArrayEquals(Sims.weights(split[0], "p"), Sims.weights(split[1], "p"));
    }

    /** A run resumed from a checkpoint keeps the spikes in flight and the kept pre trace: the same files. */
    @Test
    void aResumedRunGivesTheFilesOfTheUninterruptedOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path config = tmp.resolve("net.yaml");
        java.nio.file.Files.writeString(config, Sims.plasticNetwork(
                        "{type: STDP_Song2000, A1: 0.01, A2: 0.0105, W_min: 0, W_max: 0.1}")
                .replace("delay: 0.5", "delay: {type: Uniform, min_val: 0.1, max_val: 6}")
                + "  - {target: p, var: weight, indices: [0, 5, 17]}\n  - {target: n, var: V, every: 10}\n");
        java.nio.file.Path whole = tmp.resolve("whole");
        Cli.Result run = Cli.run("run", config.toString(), "--out", whole.toString(), "--checkpoint-every", "100",
                "--quiet");
        assertEquals(0, run.code(), run.err());
        java.nio.file.Path resumed = tmp.resolve("resumed");
        Cli.Result resume = Cli.run("resume", whole.resolve("checkpoint.sfck").toString(), "--out",
                resumed.toString(), "--threads", "2", "--quiet");
        assertEquals(0, resume.code(), resume.err());
        Outputs.assertSameOutputs(whole, resumed);
        assertEquals(2000, Outputs.summary(resumed).get("resumed_from_step").asLong());
    }

    private static String timing(String comm) {
        return String.format(Locale.ROOT, """
                dt: 0.1
                duration: 10
                seed: 11
                inputs:
                  - {name: src, type: SpikeTimes, size: 1, times: [2.0]}
                populations:
                  - {name: a, size: 60, neuron: LifRef}
                  - {name: b, size: 60, neuron: LifRef}
                  - {name: c, size: 60, neuron: LifRef}
                projections:
                  - {name: now, pre: src, post: b, comm: {type: EventCSRLinear, conn: All2All, weight: 0.5}, syn: Expon, out: CUBA}
                  - name: late
                    pre: src
                    post: a
                    delay: {type: Uniform, min_val: 0, max_val: 3}
                    comm: {type: %s, conn: All2All, weight: {type: Uniform, min_val: 0.1, max_val: 0.9}}
                    syn: Expon
                    out: CUBA
                  - name: jump
                    pre: src
                    post: c
                    delay: {type: Uniform, min_val: 0, max_val: 3}
                    comm: {type: %s, conn: All2All, weight: 0.5}
                    on_pre: V += w
                monitors:
                  - {target: c, var: V}
                  - {target: now, var: g}
                  - {target: late, var: g}
                """, comm, comm);
    }

    /** @return the first recorded row in which column {@code col} is not 0 */
    private static int firstRise(Network net, String monitor, int col) {
        float[] g = Sims.column(net, monitor, col);
        for (int r = 0; r < g.length; r++) {
            if (g[r] != 0f) {
                return r;
            }
        }
        return -1;
    }

    private static float[] flatten(Network net, String monitor, int cols) {
        float[][] c = new float[cols][];
        int rows = Sims.column(net, monitor, 0).length;
        float[] out = new float[rows * cols];
        for (int k = 0; k < cols; k++) {
            System.arraycopy(Sims.column(net, monitor, k), 0, out, k * rows, rows);
        }
        return out;
    }

    private static int[] toInts(short[] s) {
        int[] out = new int[s.length];
        for (int k = 0; k < s.length; k++) {
            out[k] = s[k];
        }
        return out;
    }
}
