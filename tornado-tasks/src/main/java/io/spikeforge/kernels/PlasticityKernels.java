package io.spikeforge.kernels;

import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.Read;
import io.spikeforge.spi.Write;

/**
 * The state of plasticity rules: spike traces, as STDP keeps them (A_pre, A_post), exact for their
 * linear decay. A pack's rule may use them too: packs see this package.
 */
public final class PlasticityKernels {

    private PlasticityKernels() {
    }

    /**
     * A trace: dx/dt = -x/tau, +1 per spike; exact: x' = x * decay + flag, decay = exp(-dt/tau). The
     * decay factor is a double because a float one is off by up to 3e-8 and the error compounds: after
     * 1000 steps (100 ms at dt = 0.1) the trace would be off by up to 3e-5, while the STDP window must
     * hold to 1e-5.
     */
    @Kernel(elementwise = true)
    public static void trace(int from, int to, @Write float[] x, @Read int[] flags, double decay) {
        for (int i = from; i < to; i++) {
            x[i] = (float) (x[i] * decay + flags[i]);
        }
    }
}
