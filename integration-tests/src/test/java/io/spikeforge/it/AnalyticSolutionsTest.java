package io.spikeforge.it;

import io.spikeforge.core.sim.Network;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Models run through the engine from config text, against their analytic solutions. */
class AnalyticSolutionsTest {

    private static final double DT = 0.1;

    @Test
    void lifRefUnderConstantCurrentFiresAtTheAnalyticRate() {
        Network net = Sims.run("""
                dt: 0.1
                duration: 1000
                populations:
                  - {name: n, size: 3, neuron: {type: LifRef, tau_ref: 2}}
                inputs:
                  - {name: drive, type: ConstantCurrent, target: n, value: 30}
                monitors:
                  - {target: n, var: spike}
                """, 2);
        // V_inf = 30 mV; from V_rest = 0 the first crossing of V_th = 20 takes tau ln(30/10); after a spike the
        // neuron is held 20 steps, then climbs from V_reset = -5 for tau ln(35/10).
        int first = (int) Math.ceil(10 * Math.log(3.0) / DT) - 1;
        int isi = 20 + (int) Math.ceil(10 * Math.log(3.5) / DT);
        int[] pairs = Sims.spikes(net, "n.spike");
        int expectedPerNeuron = (10_000 - 1 - first) / isi + 1;
        assertEquals(3 * expectedPerNeuron, pairs.length / 2);
        for (int s = 0; s < pairs.length / 2; s++) {
            assertEquals(first + (s / 3) * isi, pairs[2 * s], "spike " + s + " step");
            assertEquals(s % 3, pairs[2 * s + 1]);
        }
        double analyticHz = 1000 / (2 + 10 * Math.log(3.5));
        double rate = net.group("n").spikeTotal()[0] / 3.0;
        assertEquals(analyticHz, rate, analyticHz * DT / (2 + 10 * Math.log(3.5)) + 1, "rate in Hz");
    }

    @Test
    void exponConductanceDecaysExponentiallyAfterOneSpike() {
        Network net = Sims.run("""
                dt: 0.1
                duration: 40
                inputs:
                  - {name: src, type: SpikeTimes, size: 1, times: [1.0]}
                populations:
                  - {name: n, size: 1, neuron: {type: Lif, V_th: 1000}}
                projections:
                  - name: p
                    pre: src
                    post: n
                    comm: {type: EventCSRLinear, conn: All2All, weight: 0.5}
                    syn: {type: Expon, tau: 8}
                    out: CUBA
                monitors:
                  - {target: p, var: g}
                """, 1);
        float[] g = Sims.column(net, "p.g", 0);
        // The spike of step 10 (t = 1 ms) reaches the synapse in step 11.
        for (int step = 0; step < 11; step++) {
            assertEquals(0f, g[step]);
        }
        for (int step = 11; step < g.length; step++) {
            double exact = 0.5 * Math.exp(-(step - 11) * DT / 8);
            assertEquals(exact, g[step], 1e-5 * exact, "g after step " + step);
        }
    }

    // The STDP pair window (dt = +-5, +-20, +-50 ms and every ms from -100 to 100) is in validation.StdpWindowTest.
}
