package io.spikeforge.kernels;

import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.Read;
import io.spikeforge.spi.Write;

/**
 * Neuron updates. Each reads the input current (nA, so that R*I is in mV), writes spike flags, and
 * zeroes the current it consumed. Refractoriness is counted in whole steps: after a spike a neuron is
 * held for {@code refSteps} steps, which equals BrainPy's {@code t - t_last_spike <= tau_ref} with
 * refSteps = floor(tau_ref / dt).
 */
public final class NeuronKernels {

    private NeuronKernels() {
    }

    /**
     * Leaky integrate-and-fire, exact exponential integration with the current held constant over
     * the step: V' = V_inf + (V - V_inf) * decay, V_inf = V_rest + R*I, decay = exp(-dt/tau).
     *
     * <p>Written so that the JIT vectorizes it (0.27 against 1.1 ns per neuron for a branching loop, in
     * COBA 4000; see BENCHMARKS.md):
     * no branches, and two short loops, since HotSpot's C2 does not unroll, and so does not vectorize,
     * a loop body above its default size limit ({@code -XX:LoopUnrollLimit=60}). The first loop leaves
     * V' in the current array, which the second consumes and zeroes. Choices are made by multiplying
     * with 0/1 flags, which is exact (1*x + 0*y is x for finite values). The threshold test
     * {@code V' >= V_th} is a clamp of (V' - V_th) scaled by 2^200, plus 1: no nonzero float difference
     * is small enough to stay above -1 once scaled. A NaN V' stays NaN and never fires, so the
     * finite-value check still sees it.
     */
    @Kernel(elementwise = true)
    public static void lif(int from, int to, @Write float[] v, @Write int[] refractory, @Write float[] current,
                           @Write int[] spikes, float vRest, float vReset, float vTh, float r, float decay,
                           int refSteps) {
        for (int i = from; i < to; i++) {
            float vInf = vRest + r * current[i];
            current[i] = vInf + (v[i] - vInf) * decay;
        }
        for (int i = from; i < to; i++) {
            float vn = current[i];
            current[i] = 0f;
            int ref = refractory[i];
            float free = Math.max(0, 1 - ref);
            float fires = Math.min(free, Math.max(0f, (vn - vTh) * 0x1p100f * 0x1p100f + 1f));
            int fire = (int) fires;
            v[i] = fires * vReset + (1f - fires) * (free * vn + (1f - free) * v[i]);
            refractory[i] = Math.max(ref - 1, 0) + fire * refSteps;
            spikes[i] = fire;
        }
    }

    /**
     * Exponential integrate-and-fire, forward Euler:
     * tau dV/dt = -(V - V_rest) + delta_T exp((V - V_T)/delta_T) + R*I.
     */
    @Kernel(elementwise = true)
    public static void expIf(int from, int to, @Write float[] v, @Write int[] refractory, @Write float[] current,
                             @Write int[] spikes, float vRest, float vReset, float vTh, float vT, float deltaT,
                             float r, float dtOverTau, int refSteps) {
        for (int i = from; i < to; i++) {
            float input = r * current[i];
            current[i] = 0f;
            int ref = refractory[i];
            if (ref > 0) {
                refractory[i] = ref - 1;
                spikes[i] = 0;
                continue;
            }
            float vi = v[i];
            float dv = -(vi - vRest) + deltaT * (float) Math.exp((vi - vT) / deltaT) + input;
            float vn = vi + dtOverTau * dv;
            if (vn >= vTh) {
                v[i] = vReset;
                refractory[i] = refSteps;
                spikes[i] = 1;
            } else {
                v[i] = vn;
                spikes[i] = 0;
            }
        }
    }

    /**
     * Adaptive exponential integrate-and-fire, forward Euler:
     * tau dV/dt = -(V - V_rest) + delta_T exp((V - V_T)/delta_T) - R*w + R*I,
     * tau_w dw/dt = a (V - V_rest) - w; on a spike V = V_reset, w += b.
     */
    @Kernel(elementwise = true)
    public static void adExIf(int from, int to, @Write float[] v, @Write float[] w, @Write int[] refractory,
                              @Write float[] current, @Write int[] spikes, float vRest, float vReset, float vTh,
                              float vT, float deltaT, float r, float a, float b, float dtOverTau, float dtOverTauW,
                              int refSteps) {
        for (int i = from; i < to; i++) {
            float input = r * current[i];
            current[i] = 0f;
            float vi = v[i];
            float wi = w[i];
            float wn = wi + dtOverTauW * (a * (vi - vRest) - wi);
            int ref = refractory[i];
            if (ref > 0) {
                refractory[i] = ref - 1;
                w[i] = wn;
                spikes[i] = 0;
                continue;
            }
            float dv = -(vi - vRest) + deltaT * (float) Math.exp((vi - vT) / deltaT) - r * wi + input;
            float vn = vi + dtOverTau * dv;
            if (vn >= vTh) {
                v[i] = vReset;
                w[i] = wn + b;
                refractory[i] = refSteps;
                spikes[i] = 1;
            } else {
                v[i] = vn;
                w[i] = wn;
                spikes[i] = 0;
            }
        }
    }

    /**
     * Izhikevich (2003), forward Euler with dt in ms:
     * dV/dt = 0.04 V^2 + 5 V + 140 - u + I, du/dt = a (b V - u); on V &gt;= V_th: V = c, u += d.
     */
    @Kernel(elementwise = true)
    public static void izhikevich(int from, int to, @Write float[] v, @Write float[] u, @Write int[] refractory,
                                  @Write float[] current, @Write int[] spikes, float a, float b, float c, float d,
                                  float vTh, float r, float dt, int refSteps) {
        for (int i = from; i < to; i++) {
            float input = r * current[i];
            current[i] = 0f;
            float vi = v[i];
            float ui = u[i];
            float un = ui + dt * (a * (b * vi - ui));
            int ref = refractory[i];
            if (ref > 0) {
                refractory[i] = ref - 1;
                u[i] = un;
                spikes[i] = 0;
                continue;
            }
            float vn = vi + dt * (0.04f * vi * vi + 5f * vi + 140f - ui + input);
            if (vn >= vTh) {
                v[i] = c;
                u[i] = un + d;
                refractory[i] = refSteps;
                spikes[i] = 1;
            } else {
                v[i] = vn;
                u[i] = un;
                spikes[i] = 0;
            }
        }
    }

    // Per-element variants: the same equations as the kernels above, term for term and in the same order
    // (so that every element equal to the scalar gives the scalar kernel's floats, see
    // HeterogeneityTest), with each parameter read per neuron. A model chooses one only when one of its
    // parameters varies, so the scalar kernels stay as fast as before.

    /**
     * {@link #lif} with per-neuron parameters; {@code decay[i] = exp(-dt/tau[i])}. The same operations on
     * the same values, cut into five loops: each reads more arrays than the scalar kernel's, and a loop
     * body above C2's unroll limit is not vectorized (four times slower in COBA 4000). The spike flags
     * carry each neuron's 0/1 from the threshold test to the reset and the refractory count.
     */
    @Kernel(elementwise = true)
    public static void lifPerNeuron(int from, int to, @Write float[] v, @Write int[] refractory,
                                    @Write float[] current, @Write int[] spikes, @Read float[] vRest,
                                    @Read float[] vReset, @Read float[] vTh, @Read float[] r, @Read float[] decay,
                                    @Read int[] refSteps) {
        for (int i = from; i < to; i++) {
            current[i] = vRest[i] + r[i] * current[i];
        }
        for (int i = from; i < to; i++) {
            float vInf = current[i];
            current[i] = vInf + (v[i] - vInf) * decay[i];
        }
        for (int i = from; i < to; i++) {
            float free = Math.max(0, 1 - refractory[i]);
            spikes[i] = (int) Math.min(free, Math.max(0f, (current[i] - vTh[i]) * 0x1p100f * 0x1p100f + 1f));
        }
        for (int i = from; i < to; i++) {
            float free = Math.max(0, 1 - refractory[i]);
            float fires = spikes[i];
            v[i] = fires * vReset[i] + (1f - fires) * (free * current[i] + (1f - free) * v[i]);
        }
        for (int i = from; i < to; i++) {
            current[i] = 0f;
            refractory[i] = Math.max(refractory[i] - 1, 0) + spikes[i] * refSteps[i];
        }
    }

    /** {@link #expIf} with per-neuron parameters; {@code dtOverTau[i] = dt/tau[i]}. */
    @Kernel(elementwise = true)
    public static void expIfPerNeuron(int from, int to, @Write float[] v, @Write int[] refractory,
                                      @Write float[] current, @Write int[] spikes, @Read float[] vRest,
                                      @Read float[] vReset, @Read float[] vTh, @Read float[] vT,
                                      @Read float[] deltaT, @Read float[] r, @Read float[] dtOverTau,
                                      @Read int[] refSteps) {
        for (int i = from; i < to; i++) {
            float input = r[i] * current[i];
            current[i] = 0f;
            int ref = refractory[i];
            if (ref > 0) {
                refractory[i] = ref - 1;
                spikes[i] = 0;
                continue;
            }
            float vi = v[i];
            float dv = -(vi - vRest[i]) + deltaT[i] * (float) Math.exp((vi - vT[i]) / deltaT[i]) + input;
            float vn = vi + dtOverTau[i] * dv;
            if (vn >= vTh[i]) {
                v[i] = vReset[i];
                refractory[i] = refSteps[i];
                spikes[i] = 1;
            } else {
                v[i] = vn;
                spikes[i] = 0;
            }
        }
    }

    /** {@link #adExIf} with per-neuron parameters; {@code dtOverTau[i] = dt/tau[i]}, likewise for tau_w. */
    @Kernel(elementwise = true)
    public static void adExIfPerNeuron(int from, int to, @Write float[] v, @Write float[] w, @Write int[] refractory,
                                       @Write float[] current, @Write int[] spikes, @Read float[] vRest,
                                       @Read float[] vReset, @Read float[] vTh, @Read float[] vT, @Read float[] deltaT,
                                       @Read float[] r, @Read float[] a, @Read float[] b, @Read float[] dtOverTau,
                                       @Read float[] dtOverTauW, @Read int[] refSteps) {
        for (int i = from; i < to; i++) {
            float input = r[i] * current[i];
            current[i] = 0f;
            float vi = v[i];
            float wi = w[i];
            float wn = wi + dtOverTauW[i] * (a[i] * (vi - vRest[i]) - wi);
            int ref = refractory[i];
            if (ref > 0) {
                refractory[i] = ref - 1;
                w[i] = wn;
                spikes[i] = 0;
                continue;
            }
            float dv = -(vi - vRest[i]) + deltaT[i] * (float) Math.exp((vi - vT[i]) / deltaT[i]) - r[i] * wi + input;
            float vn = vi + dtOverTau[i] * dv;
            if (vn >= vTh[i]) {
                v[i] = vReset[i];
                w[i] = wn + b[i];
                refractory[i] = refSteps[i];
                spikes[i] = 1;
            } else {
                v[i] = vn;
                w[i] = wn;
                spikes[i] = 0;
            }
        }
    }

    /** {@link #izhikevich} with per-neuron parameters. */
    @Kernel(elementwise = true)
    public static void izhikevichPerNeuron(int from, int to, @Write float[] v, @Write float[] u,
                                           @Write int[] refractory, @Write float[] current, @Write int[] spikes,
                                           @Read float[] a, @Read float[] b, @Read float[] c, @Read float[] d,
                                           @Read float[] vTh, @Read float[] r, float dt, @Read int[] refSteps) {
        for (int i = from; i < to; i++) {
            float input = r[i] * current[i];
            current[i] = 0f;
            float vi = v[i];
            float ui = u[i];
            float un = ui + dt * (a[i] * (b[i] * vi - ui));
            int ref = refractory[i];
            if (ref > 0) {
                refractory[i] = ref - 1;
                u[i] = un;
                spikes[i] = 0;
                continue;
            }
            float vn = vi + dt * (0.04f * vi * vi + 5f * vi + 140f - ui + input);
            if (vn >= vTh[i]) {
                v[i] = c[i];
                u[i] = un + d[i];
                refractory[i] = refSteps[i];
                spikes[i] = 1;
            } else {
                v[i] = vn;
                u[i] = un;
                spikes[i] = 0;
            }
        }
    }
}
