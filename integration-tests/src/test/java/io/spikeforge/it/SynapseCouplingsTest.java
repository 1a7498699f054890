package io.spikeforge.it;

import io.spikeforge.core.backend.JvmBackend;
import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import io.spikeforge.spi.RunListener;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The synapses without state, through the engine from config text: Delta jumps the post potential by
 * exactly w in the arrival step (delay included), and gap junctions between two passive cells make their
 * potential difference decay at the analytic rate (1 + 2 g R)/tau while the sum relaxes as without
 * coupling. Also the kinetic receptors' alignment and the couplings' refusals.
 */
class SynapseCouplingsTest {

    private static final double DT = 0.1;

    private static List<String> errors(String yaml) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Sims.ENGINE.build(Sims.ENGINE.parse(yaml, "bad.yaml", Overrides.NONE)));
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void deltaJumpsThePostPotentialByExactlyWInTheArrivalStep() {
        // The spike of step 10 (t = 1 ms) arrives in step 11 without delay and in step 31 with 2 ms; the
        // neurons relax towards V_rest = 5 from 0, so a jump shows only against the free twin.
        Network net = Sims.run("""
                dt: 0.1
                duration: 10
                inputs:
                  - {name: src, type: SpikeTimes, size: 1, times: [1.0]}
                populations:
                  - {name: now, size: 1, neuron: {type: Lif, V_rest: 5, V_th: 1000, tau: 10}}
                  - {name: later, size: 1, neuron: {type: Lif, V_rest: 5, V_th: 1000, tau: 10}}
                  - {name: free, size: 1, neuron: {type: Lif, V_rest: 5, V_th: 1000, tau: 10}}
                projections:
                  - {name: d0, pre: src, post: now, comm: {type: EventCSRLinear, conn: All2All, weight: 0.75}, syn: Delta}
                  - {name: d2, pre: src, post: later, delay: 2.0, comm: {type: Dense, weight: -1.5}, syn: Delta}
                monitors:
                  - {target: now, var: V}
                  - {target: later, var: V}
                  - {target: free, var: V}
                """, 2);
        float[] now = Sims.column(net, "now.V", 0);
        float[] later = Sims.column(net, "later.V", 0);
        float[] free = Sims.column(net, "free.V", 0);
        float decay = (float) Math.exp(-DT / 10);
        for (int step = 0; step < free.length; step++) {
            if (step < 11) {
                assertEquals(free[step], now[step], 0f, "before the arrival, step " + step);
            }
            if (step < 31) {
                assertEquals(free[step], later[step], 0f, "before the delayed arrival, step " + step);
            }
        }
        assertEquals(0.75, now[11] - free[11], 1e-6, "the jump in the arrival step");
        assertEquals(-1.5, later[31] - free[31], 1e-6, "the jump 2 ms (20 steps) later");
        for (int step = 12; step < free.length; step++) {
            double jump = 0.75 * Math.pow(decay, step - 11);
            assertEquals(jump, now[step] - free[step], 1e-5, "then it relaxes with tau, step " + step);
        }
    }

    private static String twoCells(String populations, String projection) {
        return """
                dt: 0.1
                duration: 20
                seed: 4
                populations:
                %s
                projections:
                  - %s
                monitors:
                  - {target: a, var: V}
                  - {target: b, var: V}
                """.formatted(populations, projection);
    }

    /** D' = D (d - 2 g R (1 - d)) per step for the exact LIF step with I held; S' = S d (V_rest = 0). */
    private static void gapDecaysAtTheAnalyticRate(float[] a, float[] b, double g, double r, double tau) {
        double d = Math.exp(-DT / tau);
        double perStep = d - 2 * g * r * (1 - d);
        double d0 = a[0] - b[0];
        double s0 = a[0] + b[0];
        assertTrue(Math.abs(d0) > 1, "the cells start apart: " + a[0] + ", " + b[0]);
        for (int k = 1; k < a.length; k++) {
            double expected = d0 * Math.pow(perStep, k);
            assertEquals(expected, a[k] - b[k], 1e-5 * Math.abs(d0), "V_a - V_b after step " + k);
            assertEquals(s0 * Math.pow(d, k), a[k] + b[k], 1e-5 * Math.abs(s0) + 1e-6, "V_a + V_b, step " + k);
        }
        // The continuous solution, D(t) = D0 exp(-(1 + 2 g R) t / tau), to within the step's O(dt) error.
        int last = a.length - 1;
        double rate = -Math.log((a[last] - b[last]) / d0) / (last * DT);
        assertEquals((1 + 2 * g * r) / tau, rate, 0.01 * (1 + 2 * g * r) / tau, "decay rate of V_a - V_b, 1/ms");
    }

    @Test
    void aGapJunctionWithinOneGroupCouplesBothWays() {
        // Neurons 0 and 1 of one group, connected 0 -> 1 only: the coupling is symmetric all the same.
        Network net = Sims.ENGINE.build(Sims.ENGINE.parse("""
                dt: 0.1
                duration: 20
                seed: 4
                populations:
                  - name: n
                    size: 2
                    neuron: {type: Lif, V_th: 1000, tau: 10, R: 2}
                    init: {V: {type: Uniform, min_val: -20, max_val: 20}}
                projections:
                  - name: gap
                    pre: "n[0:1]"
                    post: "n[1:2]"
                    comm: {type: EventCSRLinear, conn: All2All, weight: 0.25}
                    syn: GapJunction
                monitors:
                  - {target: n, var: V}
                """, "test", Overrides.NONE));
        float[] init = net.group("n").v().clone();
        Sims.ENGINE.run(net, new JvmBackend(2, 1, Sims.TILE), RunListener.NONE);
        gapDecaysAtTheAnalyticRate(withStart(init[0], Sims.column(net, "n.V", 0)),
                withStart(init[1], Sims.column(net, "n.V", 1)), 0.25, 2, 10);
    }

    private static float[] withStart(float start, float[] after) {
        float[] all = new float[after.length + 1];
        all[0] = start;
        System.arraycopy(after, 0, all, 1, after.length);
        return all;
    }

    @Test
    void aGapJunctionBetweenTwoGroupsCouplesBothWays() {
        Network net = Sims.run(twoCells("""
                  - {name: a, size: 1, neuron: {type: Lif, V_th: 1000, tau: 10}, init: {V: 12}}
                  - {name: b, size: 1, neuron: {type: Lif, V_th: 1000, tau: 10}, init: {V: -4}}""",
                "{name: gap, pre: a, post: b, comm: {type: Dense, weight: 0.5}, syn: GapJunction}"), 1);
        gapDecaysAtTheAnalyticRate(withStart(12, Sims.column(net, "a.V", 0)), withStart(-4, Sims.column(net, "b.V",
                0)), 0.5, 1, 10);
    }

    @Test
    void aGapJunctionBetweenGroupsOfUnequalSizesGivesEachSideItsCurrents() {
        // a (1 cell) coupled to both cells of b: I_a = g sum_j (V_bj - V_a), I_bj = g (V_a - V_bj), replayed.
        Network net = Sims.run("""
                dt: 0.1
                duration: 10
                populations:
                  - {name: a, size: 1, neuron: {type: Lif, V_th: 1000, tau: 10}, init: {V: 15}}
                  - {name: b, size: 2, neuron: {type: Lif, V_th: 1000, tau: 5, R: 3}, init: {V: -6}}
                projections:
                  - {name: gap, pre: a, post: b, comm: {type: EventCSRLinear, conn: All2All, weight: 0.2}, syn: GapJunction}
                monitors:
                  - {target: a, var: V}
                  - {target: b, var: V}
                """, 2);
        float[] a = Sims.column(net, "a.V", 0);
        float[] b0 = Sims.column(net, "b.V", 0);
        float[] b1 = Sims.column(net, "b.V", 1);
        double g = 0.2;
        double va = 15;
        double vb = -6;
        for (int k = 0; k < a.length; k++) {
            double ia = g * 2 * (vb - va);
            double ib = g * (va - vb);
            va = ia + (va - ia) * Math.exp(-DT / 10);
            vb = 3 * ib + (vb - 3 * ib) * Math.exp(-DT / 5);
            assertEquals(va, a[k], 1e-4, "V_a after step " + k);
            assertEquals(vb, b0[k], 1e-4, "V_b0 after step " + k);
            assertEquals(b0[k], b1[k], 0f, "both cells of b alike, step " + k);
        }
    }

    @Test
    void kineticReceptorsAlignPreAndFeedTheirOutput() {
        Network net = Sims.run("""
                dt: 0.1
                duration: 30
                inputs:
                  - {name: src, type: SpikeTimes, size: 1, times: [1.0]}
                populations:
                  - {name: n, size: 2, neuron: {type: Lif, V_rest: -60, V_th: 1000, tau: 20}, init: {V: -60}}
                projections:
                  - {name: ampa, pre: src, post: n, comm: {type: Dense, weight: 0.5}, syn: AMPA, out: COBA}
                monitors:
                  - {target: ampa, var: g}
                  - {target: n, var: V}
                """, 1);
        float[] g = Sims.column(net, "ampa.g", 0);
        assertEquals(0f, g[10], "the spike of step 10 arrives in step 11");
        double rate = 0.98 * 0.5 + 0.18;
        assertEquals(0.98 * 0.5 / rate * (1 - Math.exp(-rate * DT)), g[11], 1e-6, "the pulse's first step");
        // The post potential replayed from the recorded g: each step's COBA current 0.5 g (0 - V) enters the
        // exact LIF step with V from before the update, so the wiring (per pre -> Dense -> COBA) is checked.
        float[] v = Sims.column(net, "n.V", 1);
        double d = Math.exp(-DT / 20);
        double expected = -60;
        for (int step = 1; step < v.length; step++) {
            double vInf = -60 + 0.5 * g[step] * (0 - expected);
            expected = vInf + (expected - vInf) * d;
            assertEquals(expected, v[step], 1e-4, "V after step " + step);
        }
        assertTrue(v[60] > -60 + 0.5, "0.5 uS of AMPA depolarises towards E = 0 by about a mV: " + v[60]);
    }

    @Test
    void theShortTermPlasticityExampleGivesTheSameSpikesAndWeightsOnOneAndTwoThreads() {
        Network one = Sims.runExample("short_term_plasticity.yaml", Overrides.NONE, 1);
        Network two = Sims.runExample("short_term_plasticity.yaml", Overrides.NONE, 2);
        int[] spikes = Sims.spikes(one, "exc.spike");
        assertTrue(spikes.length / 2 > 2000, "the example's neurons fire: " + spikes.length / 2 + " spikes");
        org.junit.jupiter.api.Assertions.assertArrayEquals(spikes, Sims.spikes(two, "exc.spike"));
        for (String p : List.of("learning", "learning_heterogeneous", "gap")) {
            int n = (int) one.projection(p).synapses();
            float[] w1 = new float[n];
            float[] w2 = new float[n];
            one.projection(p).comm().copyWeights(w1);
            two.projection(p).comm().copyWeights(w2);
            org.junit.jupiter.api.Assertions.assertArrayEquals(w1, w2, p + " weights");
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(Sims.column(one, "facilitating.u", 7),
                Sims.column(two, "facilitating.u", 7));
        // One tile over every neuron: the gap junctions' gather reads every potential before any neuron updates,
        // however the elementwise passes around it are tiled.
        Network untiled = Sims.ENGINE.build(Sims.ENGINE.load(Sims.root().resolve("examples/short_term_plasticity.yaml"),
                Overrides.NONE));
        Sims.ENGINE.run(untiled, new JvmBackend(1, 1, 1 << 20), RunListener.NONE);
        org.junit.jupiter.api.Assertions.assertArrayEquals(spikes, Sims.spikes(untiled, "exc.spike"), "untiled");
    }

    @Test
    void theCouplingsAndReceptorsRefuseWhatTheyCannotDo() {
        String base = """
                dt: 0.1
                duration: 1
                populations:
                  - {name: n, size: 2, neuron: LifRef}
                inputs:
                  - {name: src, type: PoissonSpikes, size: 2, rate: 10}
                projections:
                  - %s
                """;
        assertEquals(List.of("projections[0].out: GapJunction acts on the neurons' potentials directly, with no"
                        + " synaptic state, so the projection has no out; leave it out",
                "projections[0].align: GapJunction acts on the neurons' potentials directly, with no synaptic state,"
                        + " so the projection has no state to align; leave align out"),
                errors(base.formatted("{name: p, pre: n, post: n, align: pre, comm: {type: Dense, weight: 0.1},"
                        + " syn: GapJunction, out: COBA}")));
        assertEquals(List.of("projections[0].plasticity: Delta takes no plasticity rule (its weights are fixed);"
                        + " use a synapse model with an output, such as Expon and CUBA"),
                errors(base.formatted("{name: p, pre: n, post: n, comm: {type: EventCSRLinear, conn: All2All,"
                        + " weight: 0.1}, syn: Delta, plasticity: STDP_Song2000}")));
        assertEquals(List.of("projections[0].align: NMDA keeps its state per pre neuron (BrainPy's align-pre"
                        + " projections), so it cannot align post; leave align out or set it to pre"),
                errors(base.formatted("{name: p, pre: n, post: n, align: post, comm: {type: Dense, weight: 0.1},"
                        + " syn: NMDA, out: MgBlock}")));
        assertEquals(List.of("projections[0].syn: GapJunction: a gap junction couples two potentials, and the pre"
                        + " side is a spike source, which has none; use a population"),
                errors(base.formatted("{name: p, pre: src, post: n, comm: {type: Dense, weight: 0.1},"
                        + " syn: GapJunction}")));
        assertEquals(List.of("projections[0].syn: GapJunction: a gap junction is electrical and acts at once: it"
                        + " takes no axonal delay; leave delay out"),
                errors(base.formatted("{name: p, pre: n, post: n, delay: 1.0, comm: {type: Dense, weight: 0.1},"
                        + " syn: GapJunction}")));
    }
}
