package io.spikeforge.kernels;

/**
 * Synapse state updates, exact for these linear equations: the state decays over the step, then the
 * weights that arrived this step are added. Each zeroes the input it consumed.
 */
public final class SynapseKernels {

    private SynapseKernels() {
    }

    /** Expon: dg/dt = -g/tau; g' = g * decay + input, decay = exp(-dt/tau). */
    public static void expon(int from, int to, float[] g, float[] input, float decay) {
        for (int i = from; i < to; i++) {
            g[i] = g[i] * decay + input[i];
            input[i] = 0f;
        }
    }

    /**
     * DualExpon: rise and decay components, each exact; the output is
     * g = a * (decay - rise), with both components incremented by the input.
     */
    public static void dualExpon(int from, int to, float[] g, float[] rise, float[] fall, float[] input,
                                 float riseDecay, float fallDecay, float a) {
        for (int i = from; i < to; i++) {
            float x = input[i];
            input[i] = 0f;
            float rn = rise[i] * riseDecay + x;
            float fn = fall[i] * fallDecay + x;
            rise[i] = rn;
            fall[i] = fn;
            g[i] = a * (fn - rn);
        }
    }

    /**
     * Alpha: dg/dt = -g/tau + h, dh/dt = -h/tau; exact: g' = (g + h*dt) * decay, h' = h * decay,
     * then h += input.
     */
    public static void alpha(int from, int to, float[] g, float[] h, float[] input, float decay, float dt) {
        for (int i = from; i < to; i++) {
            float hi = h[i];
            g[i] = (g[i] + hi * dt) * decay;
            h[i] = hi * decay + input[i];
            input[i] = 0f;
        }
    }

    /**
     * A trace: x' = x * decay + flag (one per spike), as STDP's A_pre and A_post. The decay factor is a
     * double because a float one is off by up to 3e-8 and the error compounds: after 1000 steps
     * (100 ms at dt = 0.1) the trace would be off by up to 3e-5, while the STDP window must hold to 1e-5.
     */
    public static void trace(int from, int to, float[] x, int[] flags, double decay) {
        for (int i = from; i < to; i++) {
            x[i] = (float) (x[i] * decay + flags[i]);
        }
    }
}
