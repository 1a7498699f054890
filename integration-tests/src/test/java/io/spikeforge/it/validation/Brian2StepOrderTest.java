package io.spikeforge.it.validation;

import io.spikeforge.core.sim.Network;
import io.spikeforge.it.Sims;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Brian2 runs the synapses' on_pre before the resets: an input that reaches a neuron in the step it
 * spikes is lost to a reset that sets a constant ({@code v = 0*mV}). A neuron written as equations
 * keeps that order: Brian2 2.5's trace of the same network ({@code integration-tests/peers/step_order.py})
 * row for row, where adding the input after the reset would leave v 5 mV higher from step 10 on.
 */
class Brian2StepOrderTest {

    private static final String CONFIG = """
            dt: 0.1
            duration: 1.5
            models:
              - name: Ramp
                kind: neuron
                equations: "dv/dt = 100*mV/ms : volt"
                threshold: v > 95*mV
                reset: v = 0*mV
                method: euler
            inputs:
              - {name: src, type: SpikeTimes, size: 1, times: [0.9]}
            populations:
              - {name: n, size: 1, neuron: Ramp}
            projections:
              - {name: p, pre: src, post: n, comm: {type: EventCSRLinear, conn: All2All}, on_pre: v += 5*mV}
            monitors:
              - {target: n, var: v}
              - {target: n, var: spike}
            """;

    /** Brian2 2.5.1's StateMonitor(when='end') of v, mV (step_order.py). */
    private static final float[] BRIAN2 = {10, 20, 30, 40, 50, 60, 70, 80, 90, 0, 10, 20, 30, 40, 50};

    @Test
    void onPreActsBeforeTheResetAsInBrian2() {
        Network net = Sims.run(CONFIG, 1);
        assertArrayEquals(new int[] {9, 0}, Sims.spikes(net, "n.spike"), "the neuron spikes in step 9");
        float[] v = Sims.column(net, "n.v", 0);
        float[] rounded = new float[v.length];
        for (int r = 0; r < v.length; r++) {
            // Euler in float: 10 mV steps carry round-off of a few ulps.
            rounded[r] = Math.round(v[r] * 1e4f) / 1e4f;
        }
        assertArrayEquals(BRIAN2, rounded, java.util.Arrays.toString(v));
    }
}
