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
            current[i] = lifDecay(lifTarget(vRest, r, current[i]), v[i], decay);
        }
        for (int i = from; i < to; i++) {
            float vn = current[i];
            current[i] = 0f;
            int ref = refractory[i];
            float free = lifFree(ref);
            float fires = lifFires(free, vn, vTh);
            int fire = (int) fires;
            v[i] = lifReset(fires, vReset, free, vn, v[i]);
            refractory[i] = lifRefractory(ref, fire, refSteps);
            spikes[i] = fire;
        }
    }

    // The LIF update's element functions, shared by lif and lifPerNeuron: tiny, so C2 inlines them before
    // it vectorizes the loops, and the loops stay as fast as with the operations written in place.

    /** {@return V_inf = V_rest + R*I (mV)} */
    public static float lifTarget(float vRest, float r, float current) {
        return vRest + r * current;
    }

    /** {@return V' = V_inf + (V - V_inf) * decay, the exact step} */
    public static float lifDecay(float vInf, float v, float decay) {
        return vInf + (v - vInf) * decay;
    }

    /** {@return 1 when the neuron is not refractory (ref = 0), else 0} */
    public static float lifFree(int ref) {
        return Math.max(0, 1 - ref);
    }

    /** {@return 1 when a free neuron's V' reaches V_th, else 0: the branch-free threshold test of {@link #lif}} */
    public static float lifFires(float free, float vn, float vTh) {
        return Math.min(free, Math.max(0f, (vn - vTh) * 0x1p100f * 0x1p100f + 1f));
    }

    /** {@return V after the step: V_reset on a spike, V' when free, the old V while refractory} */
    public static float lifReset(float fires, float vReset, float free, float vn, float v) {
        return fires * vReset + (1f - fires) * (free * vn + (1f - free) * v);
    }

    /** {@return the refractory count after the step: one less, or refSteps after a spike} */
    public static int lifRefractory(int ref, int fire, int refSteps) {
        return Math.max(ref - 1, 0) + fire * refSteps;
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
            expIfAt(i, v, refractory, current, spikes, vRest, vReset, vTh, vT, deltaT, r, dtOverTau, refSteps);
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
            adExIfAt(i, v, w, refractory, current, spikes, vRest, vReset, vTh, vT, deltaT, r, a, b, dtOverTau,
                    dtOverTauW, refSteps);
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
            izhikevichAt(i, v, u, refractory, current, spikes, a, b, c, d, vTh, r, dt, refSteps);
        }
    }

    // Per-element variants: the kernels above with each parameter read per neuron, through the same element
    // functions (so that every element equal to the scalar gives the scalar kernel's floats, see
    // HeterogeneityTest). A model chooses one only when one of its parameters varies, so the scalar kernels
    // stay as fast as before.

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
            current[i] = lifTarget(vRest[i], r[i], current[i]);
        }
        for (int i = from; i < to; i++) {
            current[i] = lifDecay(current[i], v[i], decay[i]);
        }
        for (int i = from; i < to; i++) {
            spikes[i] = (int) lifFires(lifFree(refractory[i]), current[i], vTh[i]);
        }
        for (int i = from; i < to; i++) {
            v[i] = lifReset(spikes[i], vReset[i], lifFree(refractory[i]), current[i], v[i]);
        }
        for (int i = from; i < to; i++) {
            current[i] = 0f;
            refractory[i] = lifRefractory(refractory[i], spikes[i], refSteps[i]);
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
            expIfAt(i, v, refractory, current, spikes, vRest[i], vReset[i], vTh[i], vT[i], deltaT[i], r[i],
                    dtOverTau[i], refSteps[i]);
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
            adExIfAt(i, v, w, refractory, current, spikes, vRest[i], vReset[i], vTh[i], vT[i], deltaT[i], r[i], a[i],
                    b[i], dtOverTau[i], dtOverTauW[i], refSteps[i]);
        }
    }

    /** {@link #izhikevich} with per-neuron parameters. */
    @Kernel(elementwise = true)
    public static void izhikevichPerNeuron(int from, int to, @Write float[] v, @Write float[] u,
                                           @Write int[] refractory, @Write float[] current, @Write int[] spikes,
                                           @Read float[] a, @Read float[] b, @Read float[] c, @Read float[] d,
                                           @Read float[] vTh, @Read float[] r, float dt, @Read int[] refSteps) {
        for (int i = from; i < to; i++) {
            izhikevichAt(i, v, u, refractory, current, spikes, a[i], b[i], c[i], d[i], vTh[i], r[i], dt, refSteps[i]);
        }
    }

    // The element functions of the forward-Euler models: neuron i's whole step, written once for the kernel
    // with one value per parameter and the one with a value per neuron (which passes neuron i's values).

    /** Neuron i's step of {@link #expIf}. */
    public static void expIfAt(int i, float[] v, int[] refractory, float[] current, int[] spikes, float vRest,
                               float vReset, float vTh, float vT, float deltaT, float r, float dtOverTau,
                               int refSteps) {
        float input = r * current[i];
        current[i] = 0f;
        int ref = refractory[i];
        if (ref > 0) {
            refractory[i] = ref - 1;
            spikes[i] = 0;
            return;
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

    /** Neuron i's step of {@link #adExIf}. */
    public static void adExIfAt(int i, float[] v, float[] w, int[] refractory, float[] current, int[] spikes,
                                float vRest, float vReset, float vTh, float vT, float deltaT, float r, float a,
                                float b, float dtOverTau, float dtOverTauW, int refSteps) {
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
            return;
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

    /** Neuron i's step of {@link #izhikevich}. */
    public static void izhikevichAt(int i, float[] v, float[] u, int[] refractory, float[] current, int[] spikes,
                                    float a, float b, float c, float d, float vTh, float r, float dt, int refSteps) {
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
            return;
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
