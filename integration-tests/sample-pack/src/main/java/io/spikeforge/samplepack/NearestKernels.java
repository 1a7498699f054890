package io.spikeforge.samplepack;

import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.Read;
import io.spikeforge.spi.Write;

/**
 * The pack's own kernel: a trace that a spike resets to 1 instead of raising by 1, so that it always
 * holds exp(-(t - t_last)/tau) of the latest spike alone. Static and allocation-free over primitive
 * arrays, each item independent: any split over threads, or a device, gives the same floats.
 */
final class NearestKernels {

    private NearestKernels() {
    }

    /** x' = 1 on a spike, else x * decay (decay = exp(-dt/tau), in double as the built-in traces). */
    @Kernel(elementwise = true)
    static void nearestTrace(int from, int to, @Write float[] x, @Read int[] flags, double decay) {
        for (int i = from; i < to; i++) {
            x[i] = flags[i] != 0 ? 1f : (float) (x[i] * decay);
        }
    }
}
