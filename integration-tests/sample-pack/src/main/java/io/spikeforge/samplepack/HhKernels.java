package io.spikeforge.samplepack;

import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.Write;

/**
 * The Hodgkin-Huxley (1952) membrane, in the modern convention (V in mV, rest near -65 mV), integrated
 * with the exponential Euler method: over a step every gate relaxes exactly towards its steady state
 * with the rates of the start-of-step V, and V relaxes exactly towards the potential the start-of-step
 * conductances and current set. The arithmetic is in double and the state is stored as float.
 */
final class HhKernels {

    private HhKernels() {
    }

    /** x / (1 - exp(-x / 10)), with its limit 10 at x = 0 (the alpha_m and alpha_n singularities). */
    static double exprel10(double x) {
        if (Math.abs(x) < 1e-6) {
            return 10 + x / 2;
        }
        return x / (1 - Math.exp(-x / 10));
    }

    static double alphaM(double v) {
        return 0.1 * exprel10(v + 40);
    }

    static double betaM(double v) {
        return 4 * Math.exp(-(v + 65) / 18);
    }

    static double alphaH(double v) {
        return 0.07 * Math.exp(-(v + 65) / 20);
    }

    static double betaH(double v) {
        return 1 / (1 + Math.exp(-(v + 35) / 10));
    }

    static double alphaN(double v) {
        return 0.01 * exprel10(v + 55);
    }

    static double betaN(double v) {
        return 0.125 * Math.exp(-(v + 65) / 80);
    }

    /** One gate over dt: x' = x_inf + (x - x_inf) exp(-dt (alpha + beta)). */
    static double gate(double x, double alpha, double beta, double dt) {
        double sum = alpha + beta;
        double inf = alpha / sum;
        return inf + (x - inf) * Math.exp(-dt * sum);
    }

    /**
     * Advances neurons [from, to) by dt ms. The input current density (uA/cm^2) is consumed and zeroed;
     * a spike is an upward crossing of vTh.
     */
    @Kernel(elementwise = true)
    static void update(int from, int to, @Write float[] v, @Write float[] m, @Write float[] h, @Write float[] n,
                       @Write float[] current, @Write int[] spikes, double gNa, double gK, double gL, double eNa,
                       double eK, double eL, double c, double vTh, double dt) {
        for (int i = from; i < to; i++) {
            double vi = v[i];
            double mi = m[i];
            double hi = h[i];
            double ni = n[i];
            double input = current[i];
            current[i] = 0f;
            double gNaNow = gNa * mi * mi * mi * hi;
            double n2 = ni * ni;
            double gKNow = gK * n2 * n2;
            double gTotal = gNaNow + gKNow + gL;
            double vInf = (gNaNow * eNa + gKNow * eK + gL * eL + input) / gTotal;
            double vNew = vInf + (vi - vInf) * Math.exp(-dt * gTotal / c);
            m[i] = (float) gate(mi, alphaM(vi), betaM(vi), dt);
            h[i] = (float) gate(hi, alphaH(vi), betaH(vi), dt);
            n[i] = (float) gate(ni, alphaN(vi), betaN(vi), dt);
            v[i] = (float) vNew;
            spikes[i] = vi < vTh && vNew >= vTh ? 1 : 0;
        }
    }
}
