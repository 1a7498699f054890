package io.spikeforge.samplepack;

import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.Read;
import io.spikeforge.spi.Write;

/**
 * The pack's trace updates: static, allocation-free loops over primitive arrays, each item
 * independent of the others, so any split over threads gives the same floats. The plain trace of a
 * pair rule is the built-in {@code PlasticityKernels.trace}; the triplet rule's pair of traces is this
 * pack's own.
 */
final class TraceKernels {

    private TraceKernels() {
    }

    /**
     * The two traces of one side of the triplet rule. Both decay over the step; {@code scale} takes
     * {@code pairAmp + tripletAmp * slow} with the slow trace as it stands just before a spike of this
     * step (the rule's {@code t - epsilon}); then both traces gain 1 per spike.
     */
    @Kernel(elementwise = true)
    static void tripletTraces(int from, int to, @Write float[] fast, @Write float[] slow, @Read int[] flags,
                              double decayFast, double decaySlow, @Write float[] scale, float pairAmp,
                              float tripletAmp) {
        for (int i = from; i < to; i++) {
            int spike = flags[i];
            float s = (float) (slow[i] * decaySlow);
            scale[i] = pairAmp + tripletAmp * s;
            fast[i] = (float) (fast[i] * decayFast + spike);
            slow[i] = (float) (slow[i] * decaySlow + spike);
        }
    }
}
