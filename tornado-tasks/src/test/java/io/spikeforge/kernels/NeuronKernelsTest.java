package io.spikeforge.kernels;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NeuronKernelsTest {

    private static final double DT = 0.1;

    /** Steps at which a LIF under constant current spikes, by running the kernel. */
    private static List<Integer> lifSpikeSteps(float current, int steps, int refSteps, float vRest, float vReset,
                                               float vTh, float tau) {
        float[] v = {vRest};
        int[] ref = {0};
        float[] in = new float[1];
        int[] spikes = new int[1];
        float decay = (float) Math.exp(-DT / tau);
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            in[0] = current;
            NeuronKernels.lif(0, 1, v, ref, in, spikes, vRest, vReset, vTh, 1f, decay, refSteps);
            assertEquals(0f, in[0], "the kernel consumes its input current");
            if (spikes[0] == 1) {
                out.add(s);
            }
        }
        return out;
    }

    @Test
    void lifSpikesWhereTheExactSolutionCrossesThreshold() {
        // V(t) = V_inf + (V0 - V_inf) exp(-t/tau); time to threshold T = tau ln((V_inf - V0) / (V_inf - V_th)).
        float vRest = 0f, vReset = -5f, vTh = 20f, tau = 10f, current = 30f;
        int refSteps = 20;
        double first = tau * Math.log((current - vRest) / (current - vTh));     // 10.986 ms
        double cycle = tau * Math.log((current - vReset) / (current - vTh));    // 12.528 ms
        int firstStep = (int) Math.ceil(first / DT) - 1;
        int isi = refSteps + (int) Math.ceil(cycle / DT);
        List<Integer> spikes = lifSpikeSteps(current, 10_000, refSteps, vRest, vReset, vTh, tau);
        assertEquals(firstStep, spikes.get(0));
        for (int k = 1; k < spikes.size(); k++) {
            assertEquals(isi, spikes.get(k) - spikes.get(k - 1), "inter-spike interval in steps");
        }
        // The rate agrees with the continuous one, 1 / (tau_ref + T), up to one step per interval.
        double rateHz = 1000.0 / (refSteps * DT + cycle);
        double measured = (spikes.size() - 1) / ((spikes.get(spikes.size() - 1) - spikes.get(0)) * DT / 1000.0);
        assertTrue(Math.abs(measured - rateHz) <= rateHz * DT / (refSteps * DT + cycle),
                () -> "rate " + measured + " Hz vs analytic " + rateHz + " Hz");
    }

    @Test
    void lifBelowRheobaseNeverSpikesAndRelaxesToVInf() {
        float[] v = {0f};
        int[] ref = {0};
        float[] in = new float[1];
        int[] spikes = new int[1];
        float decay = (float) Math.exp(-DT / 10);
        for (int s = 1; s <= 500; s++) {
            in[0] = 15f;
            NeuronKernels.lif(0, 1, v, ref, in, spikes, 0f, -5f, 20f, 1f, decay, 0);
            assertEquals(0, spikes[0]);
            double exact = 15.0 * (1 - Math.exp(-s * DT / 10));
            assertEquals(exact, v[0], 1e-5 * 15, "V after " + s + " steps");
        }
    }

    /** Spikes of a regular-spiking Izhikevich neuron in 2 s under constant I; V and u end in v, u. */
    private static int izhikevich(float current, float[] v, float[] u) {
        int[] ref = {0};
        float[] in = new float[1];
        int[] spikes = new int[1];
        int count = 0;
        for (int s = 0; s < 20_000; s++) {
            in[0] = current;
            NeuronKernels.izhikevich(0, 1, v, u, ref, in, spikes, 0.02f, 0.2f, -65f, 8f, 30f, 1f, (float) DT, 0);
            count += spikes[0];
        }
        return count;
    }

    @Test
    void izhikevichRestsAtTheStableFixedPointAndFiresPastTheSaddleNode() {
        // Fixed points: u = bV and 0.04 V^2 + (5 - b) V + 140 + I = 0; the lower root is stable while the
        // Jacobian's trace 0.08 V + 5 - a is negative, and the roots vanish for I > (5 - b)^2 / 0.16 - 140 = 4.
        for (float current : new float[] {0f, 2f}) {
            double vStar = (-4.8 - Math.sqrt(4.8 * 4.8 - 0.16 * (140 + current))) / 0.08;
            float[] v = {-70f};
            float[] u = {-14f};
            assertEquals(0, izhikevich(current, v, u), "no spike at I = " + current);
            assertEquals(vStar, v[0], 1e-3, "rests at the stable fixed point, I = " + current);
            assertEquals(0.2 * vStar, u[0], 1e-3);
        }
        assertTrue(izhikevich(10f, new float[] {-70f}, new float[] {-14f}) > 10, "tonic spiking without a fixed point");
    }
}
