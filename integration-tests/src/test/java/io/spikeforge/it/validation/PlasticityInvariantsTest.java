package io.spikeforge.it.validation;

import io.spikeforge.core.sim.Network;
import io.spikeforge.it.Sims;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants that must hold exactly, in a busy plastic network recorded at every step. */
class PlasticityInvariantsTest {

    private static String network(double lo, double hi, String plasticity) {
        return """
                dt: 0.1
                duration: 500
                seed: 11
                inputs:
                  - {name: src, type: PoissonSpikes, size: 60, rate: 30}
                populations:
                  - {name: n, size: 20, neuron: {type: LifRef, V_rest: -70, V_reset: -65, V_th: -55, tau: 10}}
                projections:
                  - name: p
                    pre: src
                    post: n
                    comm: {type: EventCSRLinear, conn: {type: FixedProb, prob: 0.5}, weight: {type: Uniform, min_val: %s, max_val: %s}}
                    syn: {type: Expon, tau: 5}
                    out: COBA
                    plasticity: %s
                monitors:
                  - {target: n, var: spike}
                  - {target: p, var: weight}
                """.formatted(lo, hi, plasticity);
    }

    @Test
    void withA1AndA2ZeroTheWeightsNeverChange() {
        Network net = Sims.run(network(0, 0.3, "{type: STDP_Song2000, A1: 0, A2: 0}"), 2);
        assertTrue(net.group("n").spikeTotal()[0] > 100, "post neurons fire");
        float[] initial = net.projection("p").initialWeights();
        var m = (io.spikeforge.core.sim.ValueMonitor) net.monitor("p.weight");
        assertEquals(5000, m.rows());
        for (int r = 0; r < m.rows(); r++) {
            for (int k = 0; k < initial.length; k++) {
                assertEquals(initial[k], m.value(r, k), "synapse " + k + " after step " + r);
            }
        }
        assertArrayEquals(initial, Sims.weights(net, "p"));
    }

    @Test
    void boundedWeightsStayWithinWMinAndWMaxAtEveryStep() {
        Network net = Sims.run(network(0.02, 0.25, "{type: STDP_Song2000, A1: 0.05, A2: 0.06, W_min: 0.02, W_max: 0.25}"), 2);
        var m = (io.spikeforge.core.sim.ValueMonitor) net.monitor("p.weight");
        int atMin = 0;
        int atMax = 0;
        for (int r = 0; r < m.rows(); r++) {
            for (int k = 0; k < net.projection("p").comm().synapses(); k++) {
                float w = m.value(r, k);
                assertTrue(w >= 0.02f && w <= 0.25f, "synapse " + k + " after step " + r + ": " + w);
                atMin += w == 0.02f ? 1 : 0;
                atMax += w == 0.25f ? 1 : 0;
            }
        }
        assertTrue(atMin > 0 && atMax > 0, "the bounds are reached: " + atMin + " at W_min, " + atMax + " at W_max");
    }

    @Test
    void initialWeightsOutsideTheBoundsAreRefusedNotClipped() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.spikeforge.core.config.ConfigException.class,
                () -> Sims.run(network(0, 0.3, "{type: STDP_Song2000, W_min: 0.02, W_max: 0.25}"), 1));
        String msg = e.errors().get(0).toString();
        assertTrue(msg.startsWith("projections[0].plasticity: STDP_Song2000: ") && msg.contains(
                "initial weights lie outside the plasticity bounds [0.02, 0.25]"), msg);
    }
}
