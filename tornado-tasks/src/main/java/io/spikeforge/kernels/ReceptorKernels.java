package io.spikeforge.kernels;

import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.Local;
import io.spikeforge.spi.Read;
import io.spikeforge.spi.Write;

/**
 * Kinetic receptor synapses (BrainPy's AMPA, GABAa, NMDA, BioNMDA) and short-term plasticity (BrainPy's
 * STD and STP), each with its state per pre neuron. {@code input[i]} holds the number of spikes of pre
 * neuron i arriving this step; each kernel consumes it (sets it to 0).
 *
 * <p>Transmitter pulses are counted in whole steps: a spike arriving in step n releases transmitter of
 * concentration T in steps n .. n + onSteps - 1, onSteps = ceil(T_dur / dt), which is BrainPy's
 * {@code (t - t_arrival) < T_dur} on the step grid. {@code pulse[i]} counts the pulse's steps still to
 * come. Integration is BrainPy's {@code exp_auto}: exponential Euler, which is exact for an equation
 * linear in its own variable with the other variables held over the step.
 */
public final class ReceptorKernels {

    private ReceptorKernels() {
    }

    /**
     * AMPA and GABAa: dg/dt = alpha [T] (1 - g) - beta g. With the pulse on, g' = gInf + (g - gInf) decayOn,
     * gInf = alpha T / (alpha T + beta), decayOn = exp(-(alpha T + beta) dt); with it off, g' = g decayOff,
     * decayOff = exp(-beta dt). A spike (re)starts the pulse in the step it arrives.
     */
    @Kernel(elementwise = true)
    public static void transmitterGated(int from, int to, @Write float[] g, @Write int[] pulse, @Write float[] input,
                                        int onSteps, float gInf, float decayOn, float decayOff) {
        for (int i = from; i < to; i++) {
            int left = input[i] > 0f ? onSteps : pulse[i];
            input[i] = 0f;
            float on = Math.min(left, 1);
            float gi = g[i];
            g[i] = on * (gInf + (gi - gInf) * decayOn) + (1f - on) * (gi * decayOff);
            pulse[i] = Math.max(left - 1, 0);
        }
    }

    /**
     * BioNMDA, second-order kinetics: dx/dt = alpha2 [T] (1 - x) - beta2 x (as {@link #transmitterGated}),
     * dg/dt = alpha1 x (1 - g) - beta1 g, exponential Euler with x at the step's start:
     * g' = gInf + (g - gInf) exp(-(alpha1 x + beta1) dt), gInf = alpha1 x / (alpha1 x + beta1).
     */
    @Kernel(elementwise = true)
    public static void bioNmda(int from, int to, @Write float[] g, @Write float[] x, @Write int[] pulse,
                               @Write float[] input, int onSteps, float xInf, float xDecayOn, float xDecayOff,
                               float alpha1, float beta1, float dt) {
        for (int i = from; i < to; i++) {
            int left = input[i] > 0f ? onSteps : pulse[i];
            input[i] = 0f;
            float on = Math.min(left, 1);
            float xi = x[i];
            float rate = alpha1 * xi + beta1;
            float gInf = alpha1 * xi / rate;
            g[i] = gInf + (g[i] - gInf) * (float) Math.exp(-rate * dt);
            x[i] = on * (xInf + (xi - xInf) * xDecayOn) + (1f - on) * (xi * xDecayOff);
            pulse[i] = Math.max(left - 1, 0);
        }
    }

    /**
     * NMDA (BrainPy's abstract model): dg/dt = -g/tau_decay + a x (1 - g), dx/dt = -x/tau_rise, each
     * arriving spike adds 1 to x after the step's integration. g by exponential Euler with x at the step's
     * start: g' = gInf + (g - gInf) exp(-(1/tau_decay + a x) dt), gInf = a x / (1/tau_decay + a x);
     * x' = x decayRise + spikes, decayRise = exp(-dt/tau_rise).
     */
    @Kernel(elementwise = true)
    public static void nmda(int from, int to, @Write float[] g, @Write float[] x, @Write float[] input,
                            float invTauDecay, float a, float decayRise, float dt) {
        for (int i = from; i < to; i++) {
            float xi = x[i];
            float rate = invTauDecay + a * xi;
            float gInf = a * xi / rate;
            g[i] = gInf + (g[i] - gInf) * (float) Math.exp(-rate * dt);
            x[i] = xi * decayRise + input[i];
            input[i] = 0f;
        }
    }

    /**
     * STD (BrainPy): dx/dt = (1 - x)/tau, exact: x_new = 1 - (1 - x) decayX; on a spike x = x_new - U x
     * (BrainPy depletes by U times x before the step's recovery). Each spike then adds the x it leaves
     * (its efficacy, the value BrainPy's STD returns) to g, which decays as an Expon synapse:
     * g' = g decaySyn + spikes x.
     */
    @Kernel(elementwise = true)
    public static void std(int from, int to, @Write float[] g, @Write float[] x, @Write float[] input, float u,
                           float decayX, float decaySyn) {
        for (int i = from; i < to; i++) {
            float s = input[i];
            input[i] = 0f;
            float xi = x[i];
            float xn = 1f - (1f - xi) * decayX - s * u * xi;
            x[i] = xn;
            g[i] = g[i] * decaySyn + s * xn;
        }
    }

    /**
     * STP (BrainPy, Tsodyks-Markram with facilitation): du/dt = -u/tau_f, dx/dt = (1 - x)/tau_d, exact over
     * the step; then on a spike u += U (1 - u) and x -= u x (the new u). Each spike adds its efficacy
     * u x (the values after the spike, what BrainPy's STP returns) to g, which decays as an Expon synapse:
     * g' = g decaySyn + spikes u x.
     */
    @Kernel(elementwise = true)
    public static void stp(int from, int to, @Write float[] g, @Write float[] u, @Write float[] x,
                           @Write float[] input, float bigU, float decayF, float decayD, float decaySyn) {
        for (int i = from; i < to; i++) {
            float s = input[i];
            input[i] = 0f;
            float ui = u[i] * decayF;
            float xi = 1f - (1f - x[i]) * decayD;
            ui = ui + s * bigU * (1f - ui);
            xi = xi - s * ui * xi;
            u[i] = ui;
            x[i] = xi;
            g[i] = g[i] * decaySyn + s * ui * xi;
        }
    }

    /**
     * Tsodyks-Markram with state per synapse, delivering the arriving spikes through a CSR (in place of the
     * comm's propagation). For each spiking pre neuron i and each synapse k = (i, j) with j in [from, to),
     * with e = (step - last[k]) dt the time since that synapse's previous spike:
     * u = u exp(-e/tau_f), x = 1 - (1 - x) exp(-e/tau_d) (exact between spikes); u += U (1 - u);
     * r = u x (the released fraction); x -= r; target[j] += w[k] r; last[k] = step. Each synapse belongs to
     * the range of its column, so its state is written by one work-item only.
     */
    @Kernel
    public static void tsodyksMarkram(int from, int to, @Read int[] rowPtr, @Read int[] cols, @Read float[] w,
                                      @Read int[] spikeList, @Read int[] spikeCount, @Write float[] u,
                                      @Write float[] x, @Write int[] last, @Read int[] clock, float bigU,
                                      float invTauF, float invTauD, float dt, @Write @Local float[] target) {
        int n = spikeCount[0];
        int step = clock[0];
        for (int s = 0; s < n; s++) {
            int row = spikeList[s];
            int end = rowPtr[row + 1];
            int k = from == 0 ? rowPtr[row] : CsrKernels.lowerBound(cols, rowPtr[row], end, from, target.length);
            for (; k < end; k++) {
                int j = cols[k];
                if (j >= to) {
                    break;
                }
                float elapsed = (step - last[k]) * dt;
                float uk = u[k] * (float) Math.exp(-elapsed * invTauF);
                float xk = 1f - (1f - x[k]) * (float) Math.exp(-elapsed * invTauD);
                uk = uk + bigU * (1f - uk);
                float r = uk * xk;
                u[k] = uk;
                x[k] = xk - r;
                last[k] = step;
                target[j] += w[k] * r;
            }
        }
    }
}
