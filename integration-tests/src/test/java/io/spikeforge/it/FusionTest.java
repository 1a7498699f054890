package io.spikeforge.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spikeforge.core.RunResult;
import io.spikeforge.core.backend.JvmBackend;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.config.RowBlocks;
import io.spikeforge.core.network.NetworkBuilder;
import io.spikeforge.core.output.Summary;
import io.spikeforge.core.sim.Group;
import io.spikeforge.core.sim.Monitor;
import io.spikeforge.core.sim.Network;
import io.spikeforge.spi.RunListener;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Small populations of one model fused into one storage population give what the unfused network gives:
 * the same spikes of every group, the same monitors under the same names, the same summary; only the
 * number of tasks per step changes.
 */
class FusionTest {

    /**
     * Twelve LifRef populations of three neurons, tau differing (exact in float), V drawn per population;
     * one 15 nA input each (alike, merged) and an extra 3 nA onto two of them (breaking the run of alike
     * inputs); one of them projects with a delay onto a population too large to fuse.
     */
    private static String network() {
        StringBuilder b = new StringBuilder("""
                dt: 0.1
                duration: 300
                seed: 11
                populations:
                  - {name: post, size: 300, neuron: {type: Lif, V_rest: -60, V_reset: -60, V_th: -50, tau: 20}}
                """);
        for (int k = 0; k < 12; k++) {
            b.append(String.format(Locale.ROOT, "  - {name: a%d, size: 3, neuron: {type: LifRef, V_rest: -60,"
                    + " V_reset: -60, V_th: -50, tau: %s, tau_ref: 2}, init: {V: {type: Normal, mean: -55, scale: 4}}}%n",
                    k, Double.toString(10 + k * 0.5)));
        }
        b.append("inputs:\n");
        for (int k = 0; k < 12; k++) {
            b.append(String.format(Locale.ROOT, "  - {name: in%d, type: ConstantCurrent, target: a%d, value: 15}%n",
                    k, k));
            if (k == 4 || k == 9) {
                b.append(String.format(Locale.ROOT, "  - {name: extra%d, type: ConstantCurrent, target: \"a%d[1:]\","
                        + " value: 3}%n", k, k));
            }
        }
        b.append("""
                projections:
                  - {name: p, pre: a3, post: post, delay: 1.0, syn: {type: Expon, tau: 5}, out: {type: COBA, E: 0},
                     comm: {type: EventCSRLinear, conn: {type: All2All}, weight: 0.5}}
                monitors:
                  - {target: a5, var: spike}
                  - {target: a2, var: V, indices: [1, 2], every: 7}
                  - {target: "a9[1:]", var: spike}
                  - {target: post, var: spike}
                """);
        return b.toString();
    }

    private record Ran(Network net, Map<String, Object> summary) {
    }

    private static Ran run(boolean fuse) {
        return run(network(), fuse);
    }

    private static Ran run(String yaml, boolean fuse) {
        NetworkSpec spec = Sims.ENGINE.parse(yaml, "fusion", Overrides.NONE);
        Network net = NetworkBuilder.build(spec, RowBlocks.MAX_SYNAPSES, fuse);
        JvmBackend backend = new JvmBackend(2, 1, Sims.TILE);
        RunResult result = Sims.ENGINE.run(net, backend, RunListener.NONE);
        Map<String, Object> summary = new java.util.LinkedHashMap<>(Summary.of(net, backend, result, -1));
        summary.remove("wall_s");
        summary.remove("build_s");
        return new Ran(net, summary);
    }

    @Test
    void fusedAndUnfusedGiveTheSameSpikesMonitorsAndSummary() throws Exception {
        Ran fused = run(true);
        Ran plain = run(false);
        assertTrue(fused.net().tasks().size() * 2 < plain.net().tasks().size(), "fusion made fewer tasks: "
                + fused.net().tasks().size() + " against " + plain.net().tasks().size());
        assertEquals(plain.net().groups().stream().map(Group::name).toList(),
                fused.net().groups().stream().map(Group::name).toList());
        for (Group g : plain.net().groups()) {
            Group f = fused.net().group(g.name());
            assertEquals(g.spikeTotal()[0], f.spikeTotal()[0], g.name() + " spikes");
            assertArrayEquals(g.spikeCounts(), f.spikeCounts(), g.name() + " spikes per neuron");
        }
        long active = plain.net().groups().stream().filter(g -> g.name().startsWith("a"))
                .filter(g -> g.spikeTotal()[0] > 0).count();
        assertEquals(12, active, "every small population fires");
        assertTrue(plain.net().group("post").spikeTotal()[0] > 0, "the projection from a3 drives post");
        assertEquals(plain.net().monitors().stream().map(Monitor::name).toList(),
                fused.net().monitors().stream().map(Monitor::name).toList());
        for (String m : new String[] {"a5.spike", "a9_1_3.spike", "post.spike"}) {
            assertArrayEquals(Sims.spikes(plain.net(), m), Sims.spikes(fused.net(), m), m);
        }
        for (int col = 0; col < 2; col++) {
            assertArrayEquals(Sims.column(plain.net(), "a2.V", col), Sims.column(fused.net(), "a2.V", col));
        }
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.writeValueAsString(plain.summary()), json.writeValueAsString(fused.summary()));
    }

    /**
     * Noisy current inputs (OUCurrent draws from a seed of its own name) onto fused populations keep their
     * own draws: they are moved onto the slices, never merged, and give the same spikes.
     */
    @Test
    void inputsThatDrawNumbersAreMovedOntoTheSlicesButNotMerged() {
        StringBuilder b = new StringBuilder("dt: 0.1\nduration: 200\nseed: 5\npopulations:\n");
        for (int k = 0; k < 6; k++) {
            b.append(String.format(Locale.ROOT, "  - {name: p%d, size: 5, neuron: {type: Lif, V_rest: -60, V_reset: -60,"
                    + " V_th: -50, tau: 10}}%n", k));
        }
        b.append("inputs:\n");
        for (int k = 0; k < 6; k++) {
            b.append(String.format(Locale.ROOT, "  - {name: ou%d, type: OUCurrent, target: p%d, mean: 9, sigma: 4}%n",
                    k, k));
        }
        b.append("monitors:\n  - {target: p4, var: spike}\n");
        Ran fused = run(b.toString(), true);
        Ran plain = run(b.toString(), false);
        assertEquals(2 * 6 + 4, fused.net().tasks().size(), "one update, scan, join and split for the six"
                + " populations; each noisy input and its slice copy on its own");
        int[] spikes = Sims.spikes(plain.net(), "p4.spike");
        assertTrue(spikes.length > 20, "the noise drives spikes: " + spikes.length / 2);
        assertArrayEquals(spikes, Sims.spikes(fused.net(), "p4.spike"));
        for (Group g : plain.net().groups()) {
            assertArrayEquals(g.spikeCounts(), fused.net().group(g.name()).spikeCounts(), g.name());
        }
    }
}
