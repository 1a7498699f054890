package io.spikeforge.it;

import io.spikeforge.core.sim.Network;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
