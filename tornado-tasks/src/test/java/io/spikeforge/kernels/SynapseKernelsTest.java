package io.spikeforge.kernels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SynapseKernelsTest {

    @Test
    void exponDecaysExponentiallyAfterOneInput() {
        double dt = 0.1;
        double tau = 8;
        float[] g = new float[1];
        float[] in = {0.75f};
        float decay = (float) Math.exp(-dt / tau);
        SynapseKernels.expon(0, 1, g, in, decay);
        assertEquals(0.75f, g[0]);
        assertEquals(0f, in[0]);
        for (int k = 1; k <= 400; k++) {
            SynapseKernels.expon(0, 1, g, in, decay);
            assertEquals(0.75 * Math.exp(-k * dt / tau), g[0], 1e-5 * 0.75 * Math.exp(-k * dt / tau), "step " + k);
        }
    }

    @Test
    void traceAddsOnePerSpikeAndDecays() {
        float[] x = new float[2];
        int[] flags = {1, 0};
        double decay = Math.exp(-0.1 / 16.8);
        PlasticityKernels.trace(0, 2, x, flags, decay);
        assertEquals(1f, x[0]);
        assertEquals(0f, x[1]);
        flags[0] = 0;
        for (int k = 1; k <= 1000; k++) {
            PlasticityKernels.trace(0, 2, x, flags, decay);
            assertEquals(Math.exp(-k * 0.1 / 16.8), x[0], 1e-5 * Math.exp(-k * 0.1 / 16.8), "step " + k);
        }
    }

    @Test
    void alphaPeaksAtTauWithHeightTauOverE() {
        double dt = 0.01;
        double tau = 5;
        float[] g = new float[1];
        float[] h = new float[1];
        float[] in = {1f};
        float decay = (float) Math.exp(-dt / tau);
        SynapseKernels.alpha(0, 1, g, h, in, decay, (float) dt);
        float best = 0;
        int bestStep = 0;
        for (int k = 1; k <= 2000; k++) {
            SynapseKernels.alpha(0, 1, g, h, in, decay, (float) dt);
            if (g[0] > best) {
                best = g[0];
                bestStep = k;
            }
        }
        // g(t) = t exp(-t/tau): peak at t = tau, height tau/e.
        assertEquals(tau, bestStep * dt, dt);
        assertEquals(tau / Math.E, best, 1e-4);
    }
}
