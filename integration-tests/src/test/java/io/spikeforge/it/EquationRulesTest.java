package io.spikeforge.it;

import io.spikeforge.core.sim.Network;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tsodyks-Markram short-term plasticity written as a rule with u and x per synapse
 * (examples/equations/plasticity_rules.yaml's TsodyksMarkramRule: {@code u += U*(1 - u); w = A*u*x;
 * x -= u*x}, the weight then delivered into an Expon synapse) against the built-in TsodyksMarkram synapse
 * with the same parameters, on the same spike trains: the conductances agree step for step, and each
 * jump of a 50 Hz train is the Tsodyks-Markram recursion's A u x.
 */
class EquationRulesTest {

    private static final String CONFIG = """
            dt: 0.1
            duration: 400
            models:
              - name: TsodyksMarkramRule
                kind: plasticity
                equations: |
                  w : siemens
                  du/dt = -u / tau_f : 1 (event-driven)
                  dx/dt = (1 - x) / tau_d : 1 (event-driven)
                on_pre: |
                  u += U*(1 - u)
                  w = A*u*x
                  x -= u*x
                parameters: {U: 0.15, tau_f: 1500 ms, tau_d: 200 ms, A: 30 nS}
                initial: {x: 1}
            inputs:
              - name: src
                type: SpikeTimes
                size: 2
                times: [10, 30, 50, 70, 300, 20, 21.5, 120, 121, 122, 390]
                indices: [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]
            populations:
              - {name: a, size: 3, neuron: {type: LifRef, V_th: 1000}}
              - {name: b, size: 3, neuron: {type: LifRef, V_th: 1000}}
            projections:
              - {name: builtin, pre: src, post: a, comm: {type: EventCSRLinear, conn: All2All, weight: 0.03},
                 syn: {type: TsodyksMarkram, U: 0.15, tau_f: 1500, tau_d: 200, tau_syn: 5}, out: CUBA}
              - {name: rule, pre: src, post: b, comm: {type: EventCSRLinear, conn: All2All, weight: 0},
                 syn: {type: Expon, tau: 5}, out: CUBA, plasticity: TsodyksMarkramRule}
            monitors:
              - {target: builtin, var: g}
              - {target: rule, var: g}
            """;

    @Test
    void tsodyksMarkramAsEquationsGivesTheBuiltInConductances() {
        for (int threads : new int[] {1, 2}) {
            Network net = Sims.run(CONFIG, threads);
            for (int j = 0; j < 3; j++) {
                float[] builtin = Sims.column(net, "builtin.g", j);
                float[] rule = Sims.column(net, "rule.g", j);
                for (int r = 0; r < builtin.length; r++) {
                    assertEquals(builtin[r], rule[r], 1e-6 * Math.max(1e-3, Math.abs(builtin[r])),
                            "g of post " + j + " after step " + r + " on " + threads + " thread(s)");
                }
                // Pre 0 spikes at 10, 30, 50 and 70 ms (alone in their steps): each jump is A u x by the
                // Tsodyks-Markram recursion over the 20 ms between them, read the step after the spike.
                double u = 0;
                double x = 1;
                for (int k = 0; k < 4; k++) {
                    u = u * Math.exp(-20.0 / 1500 * (k == 0 ? 0 : 1));
                    u += 0.15 * (1 - u);
                    x = k == 0 ? 1 : 1 + (x - 1) * Math.exp(-20.0 / 200);
                    double expected = 0.03 * u * x;
                    int r = 101 + 200 * k;
                    double jump = rule[r] - rule[r - 1] * Math.exp(-0.1 / 5);
                    assertEquals(expected, jump, 1e-5 * expected, "the jump of spike " + k + " of pre 0");
                    x -= u * x;
                }
            }
        }
    }

    /**
     * The rule with its amplitude A given per synapse (an expression of the synapse's index i): each synapse's
     * jump is its own A u x (synapse k of pre 0 is the one onto post k, connectivity order), the same A for all
     * gives the scalar form's conductances bit for bit, and a time constant of an event-driven variable cannot
     * vary, with the reason.
     */
    @Test
    void aParameterGivenPerSynapseActsOnItsOwnSynapse() {
        String perSynapse = CONFIG.replace("plasticity: TsodyksMarkramRule}",
                "plasticity: {type: TsodyksMarkramRule, A: '0.03*(1 + i)'}}");
        for (int threads : new int[] {1, 2}) {
            Network net = Sims.run(perSynapse, threads);
            for (int j = 0; j < 3; j++) {
                float[] rule = Sims.column(net, "rule.g", j);
                double u = 0;
                double x = 1;
                for (int k = 0; k < 4; k++) {
                    u = u * Math.exp(-20.0 / 1500 * (k == 0 ? 0 : 1));
                    u += 0.15 * (1 - u);
                    x = k == 0 ? 1 : 1 + (x - 1) * Math.exp(-20.0 / 200);
                    double expected = 0.03 * (1 + j) * u * x;
                    int r = 101 + 200 * k;
                    double jump = rule[r] - rule[r - 1] * Math.exp(-0.1 / 5);
                    assertEquals(expected, jump, 1e-5 * expected, "the jump of spike " + k + " of pre 0 onto post " + j
                            + " on " + threads + " thread(s)");
                    x -= u * x;
                }
            }
        }
        Network scalar = Sims.run(CONFIG, 1);
        Network uniform = Sims.run(CONFIG.replace("plasticity: TsodyksMarkramRule}",
                "plasticity: {type: TsodyksMarkramRule, A: {type: Constant, value: 0.03}}}"), 2);
        for (int j = 0; j < 3; j++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(Sims.column(scalar, "rule.g", j),
                    Sims.column(uniform, "rule.g", j), "post " + j);
        }
        io.spikeforge.core.config.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.spikeforge.core.config.ConfigException.class, () -> Sims.ENGINE.parse(CONFIG.replace(
                        "plasticity: TsodyksMarkramRule}", "plasticity: {type: TsodyksMarkramRule, tau_f: '1000 +"
                                + " i'}}"), "test", io.spikeforge.core.config.Overrides.NONE));
        assertEquals(java.util.List.of("projections[1].plasticity.tau_f: expected a number in ms, got '1000 + i';"
                + " TsodyksMarkramRule takes one value of tau_f for all its synapses: it is in du/dt, which is integrated exactly between events with one rate for all"
                + " synapses (it may vary A, U per synapse)"),
                e.errors().stream().map(Object::toString).toList());
    }

    /**
     * A {@code (summed)} variable onto the pre neurons, Brian2's {@code I_syn_pre = ... (summed)}: each pre neuron's
     * I_syn is the sum over its row, here G_i (E - v_i) with G_i the sum of its synapses' weights, held over the
     * step; the neuron then integrates dv/dt = (El - v)/tau + I_syn/C exactly, which this recursion follows in double.
     */
    @Test
    void aSummedVariableOntoThePreNeuronsSumsEachRow() {
        String yaml = """
                dt: 0.1
                duration: 50
                seed: 4
                models:
                  - name: Passive
                    kind: neuron
                    equations: |
                      dv/dt = (El - v)/tau + I_syn/C : volt
                      I_syn : amp
                    parameters: {El: -65 mV, tau: 20 ms, C: 200 pF}
                    threshold: v > 1000*mV
                    reset: v = El
                    method: exact
                    initial: {v: El}
                  - name: Backward
                    kind: plasticity
                    equations: |
                      w : siemens
                      I_syn_pre = w*(E - v_pre) : amp (summed)
                    parameters: {E: 0 mV}
                populations:
                  - {name: a, size: 3, neuron: Passive}
                  - {name: b, size: 2, neuron: Passive}
                projections:
                  - {name: back, pre: a, post: b, comm: {type: EventCSRLinear, conn: All2All,
                     weight: {type: Uniform, min_val: 0.001, max_val: 0.01}}, plasticity: Backward}
                monitors:
                  - {target: a, var: v}
                  - {target: b, var: v}
                """;
        float[][] first = new float[3][];
        for (int threads : new int[] {1, 2}) {
            Network net = Sims.run(yaml, threads);
            float[] w = Sims.weights(net, "back");
            for (int i = 0; i < 3; i++) {
                double g = (double) w[2 * i] + w[2 * i + 1];
                float[] v = Sims.column(net, "a.v", i);
                double expected = -65;
                double decay = Math.exp(-0.1 / 20);
                for (int r = 0; r < v.length; r++) {
                    double current = g * (0 - expected);
                    double inf = -65 + 20 * current / 0.2;
                    expected = inf + (expected - inf) * decay;
                    assertEquals(expected, v[r], 1e-4, "v of pre neuron " + i + " after step " + r);
                }
                assertTrue(v[v.length - 1] > -64, "the current moved v: " + v[v.length - 1]);
                if (threads == 1) {
                    first[i] = v;
                } else {
                    org.junit.jupiter.api.Assertions.assertArrayEquals(first[i], v, "1 and 2 threads");
                }
            }
            // Nothing flows onto the post neurons.
            assertEquals(-65f, Sims.column(net, "b.v", 1)[Sims.column(net, "b.v", 1).length - 1]);
        }
    }
}
