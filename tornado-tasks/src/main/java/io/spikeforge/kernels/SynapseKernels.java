package io.spikeforge.kernels;

import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.Read;
import io.spikeforge.spi.Write;

/**
 * Synapse state updates, exact for these linear equations: the state decays over the step, then the
 * weights that arrived this step are added. Each zeroes the input it consumed.
 */
public final class SynapseKernels {

    private SynapseKernels() {
    }

    /** Expon: dg/dt = -g/tau; g' = g * decay + input, decay = exp(-dt/tau). */
    @Kernel(elementwise = true)
    public static void expon(int from, int to, @Write float[] g, @Write float[] input, float decay) {
        for (int i = from; i < to; i++) {
            g[i] = exponStep(g[i], decay, input[i]);
            input[i] = 0f;
        }
    }

    /**
     * {@return one step of {@link #expon} for one slot: g decayed, plus the weight that arrived} Its
     * math, written once for the kernels that run it ({@link #expon}, {@link OutputKernels#exponCoba}).
     */
    public static float exponStep(float g, float decay, float input) {
        return g * decay + input;
    }

    /**
     * DualExpon: rise and decay components, each exact; the output is
     * g = a * (decay - rise), with both components incremented by the input.
     */
    @Kernel(elementwise = true)
    public static void dualExpon(int from, int to, @Write float[] g, @Write float[] rise, @Write float[] fall,
                                 @Write float[] input, float riseDecay, float fallDecay, float a) {
        for (int i = from; i < to; i++) {
            dualExponAt(i, g, rise, fall, input, riseDecay, fallDecay, a);
        }
    }

    /**
     * Alpha: dg/dt = -g/tau + h, dh/dt = -h/tau; exact: g' = (g + h*dt) * decay, h' = h * decay,
     * then h += input.
     */
    @Kernel(elementwise = true)
    public static void alpha(int from, int to, @Write float[] g, @Write float[] h, @Write float[] input, float decay,
                             float dt) {
        for (int i = from; i < to; i++) {
            alphaAt(i, g, h, input, decay, dt);
        }
    }

    // Per-slot variants: the kernels above with each parameter read per slot, through the same element
    // functions; chosen only when one varies, so the kernels above stay as they are.

    /** {@link #expon} with {@code decay[i] = exp(-dt/tau[i])} per slot. */
    @Kernel(elementwise = true)
    public static void exponPerSlot(int from, int to, @Write float[] g, @Write float[] input, @Read float[] decay) {
        for (int i = from; i < to; i++) {
            g[i] = exponStep(g[i], decay[i], input[i]);
            input[i] = 0f;
        }
    }

    /** {@link #dualExpon} with its three factors per slot. */
    @Kernel(elementwise = true)
    public static void dualExponPerSlot(int from, int to, @Write float[] g, @Write float[] rise, @Write float[] fall,
                                        @Write float[] input, @Read float[] riseDecay, @Read float[] fallDecay,
                                        @Read float[] a) {
        for (int i = from; i < to; i++) {
            dualExponAt(i, g, rise, fall, input, riseDecay[i], fallDecay[i], a[i]);
        }
    }

    /** {@link #alpha} with {@code decay[i] = exp(-dt/tau[i])} per slot. */
    @Kernel(elementwise = true)
    public static void alphaPerSlot(int from, int to, @Write float[] g, @Write float[] h, @Write float[] input,
                                    @Read float[] decay, float dt) {
        for (int i = from; i < to; i++) {
            alphaAt(i, g, h, input, decay[i], dt);
        }
    }

    /** Slot i's step of {@link #dualExpon}, written once for it and {@link #dualExponPerSlot}. */
    public static void dualExponAt(int i, float[] g, float[] rise, float[] fall, float[] input, float riseDecay,
                                   float fallDecay, float a) {
        float x = input[i];
        input[i] = 0f;
        float rn = rise[i] * riseDecay + x;
        float fn = fall[i] * fallDecay + x;
        rise[i] = rn;
        fall[i] = fn;
        g[i] = a * (fn - rn);
    }

    /** Slot i's step of {@link #alpha}, written once for it and {@link #alphaPerSlot}. */
    public static void alphaAt(int i, float[] g, float[] h, float[] input, float decay, float dt) {
        float hi = h[i];
        g[i] = (g[i] + hi * dt) * decay;
        h[i] = hi * decay + input[i];
        input[i] = 0f;
    }
}
