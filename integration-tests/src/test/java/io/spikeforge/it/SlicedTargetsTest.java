package io.spikeforge.it;

import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inputs and monitors whose target is a slice of a group, {@code P[from:to]} as Python slices it. */
class SlicedTargetsTest {

    private static final String NET = """
            dt: 0.1
            duration: 50
            seed: 4
            populations:
              - {name: P, size: 8, neuron: {type: Lif, V_rest: 0, V_reset: 0, V_th: 15, tau: 10}}
            inputs:
              - {name: drive, type: ConstantCurrent, target: "%s", value: 20}
              - {name: more, type: ConstantCurrent, target: "P[-2:]", value: 5}
            monitors:
              - {target: P, var: V}
              - {target: P, var: spike}
              - {target: "P[3:6]", var: spike}
              - {target: "P[:4]", var: V}
            """;

    @Test
    void aCurrentOntoASliceReachesItsNeuronsAlone() {
        Network net = Sims.run(NET.formatted("P[2:5]"), 2);
        for (int k = 0; k < 8; k++) {
            float[] v = Sims.column(net, "P.V", k);
            // V_inf = 20 mV inside [2:5], 5 mV for the last two (P[-2:]), 0 elsewhere: V = V_inf (1 - exp(-t/10)).
            double vInf = k >= 2 && k < 5 ? 20 : k >= 6 ? 5 : 0;
            assertEquals(vInf * (1 - Math.exp(-0.5 / 10)), v[4], 1e-4, "neuron " + k + " after 0.5 ms");
        }
        int[] all = Sims.spikes(net, "P.spike");
        assertTrue(all.length > 0);
        for (int s = 0; s < all.length; s += 2) {
            assertTrue(all[s + 1] >= 2 && all[s + 1] < 5, "only the slice fires: neuron " + all[s + 1]);
        }
        // The slice's monitor records neurons 3..5 under their index in P, and nothing else.
        int[] kept = new int[all.length];
        int n = 0;
        for (int s = 0; s < all.length; s += 2) {
            if (all[s + 1] >= 3 && all[s + 1] < 6) {
                kept[n++] = all[s];
                kept[n++] = all[s + 1];
            }
        }
        assertArrayEquals(Arrays.copyOf(kept, n), Sims.spikes(net, "P_3_6.spike"));
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(Sims.column(net, "P.V", k), Sims.column(net, "P_0_4.V", k), "column " + k);
        }
    }

    @Test
    void aSliceOfTheWholeGroupGivesTheFloatsOfTheGroup() {
        Network whole = Sims.run(NET.formatted("P"), 1);
        Network sliced = Sims.run(NET.formatted("P[:]"), 2);
        for (int k = 0; k < 8; k++) {
            assertArrayEquals(Sims.column(whole, "P.V", k), Sims.column(sliced, "P.V", k), "neuron " + k);
        }
    }

    private static List<String> errors(String yaml) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Sims.ENGINE.build(Sims.ENGINE.parse(yaml, "bad.yaml", Overrides.NONE)));
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void badSlicesAreNamedAtTheirTargets() {
        String yaml = """
                dt: 0.1
                duration: 10
                populations:
                  - {name: P, size: 8, neuron: Lif}
                inputs:
                  - {name: a, type: ConstantCurrent, target: "P[5:3]", value: 1}
                  - {name: b, type: ConstantCurrent, target: "P[4]", value: 1}
                  - {name: c, type: ConstantCurrent, target: "Q[0:2]", value: 1}
                projections:
                  - {name: pp, pre: P, post: P, comm: {type: Dense, weight: 0.1}, syn: Expon, out: CUBA}
                monitors:
                  - {target: "P[0:9]", var: spike}
                  - {target: "pp[0:2]", var: weight}
                  - {target: "P[0:2]", var: V, indices: [0]}
                """;
        assertEquals(List.of(
                "inputs[0].target: 'P[5:3]' is not a slice of the 8 neurons of P: [from:to] needs 0 <= from < to <= 8"
                        + " (a negative bound counts from the end)",
                "inputs[1].target: 'P[4]' names no population, nor a slice of one; write a name, or NAME[from:to] with"
                        + " whole numbers, as Python slices are written (P[:3200], P[100:200])",
                "inputs[2].target: unknown population 'Q'. Did you mean 'P'? Known: P",
                "monitors[0].target: 'P[0:9]' is not a slice of the 8 neurons of P: [from:to] needs 0 <= from < to <= 8"
                        + " (a negative bound counts from the end)",
                "monitors[1].target: 'pp' is a projection: only the neurons of a population or spike source can be"
                        + " sliced; record some of its synapses with indices",
                "monitors[2].indices: the target is a slice, which says the neurons to record; give the slice or"
                        + " indices, not both"), errors(yaml));
    }
}
