package io.spikeforge.samplepack;

/**
 * The pack's trace updates: static, allocation-free loops over primitive arrays, each item
 * independent of the others, so any split over threads gives the same floats.
 */
final class TraceKernels {

    private TraceKernels() {
    }

    /**
     * A trace: x = x * decay + flag, one per spike (all-to-all interaction). The decay is a double, as
     * in the built-in STDP_Song2000: a float factor is off by up to 3e-8 and the error compounds.
     */
    static void trace(int from, int to, float[] x, int[] flags, double decay) {
        for (int i = from; i < to; i++) {
            x[i] = (float) (x[i] * decay + flags[i]);
        }
    }

    /**
     * The two traces of one side of the triplet rule. Both decay over the step; {@code scale} takes
     * {@code pairAmp + tripletAmp * slow} with the slow trace as it stands just before a spike of this
     * step (the rule's {@code t - epsilon}); then both traces gain 1 per spike.
     */
    static void tripletTraces(int from, int to, float[] fast, float[] slow, int[] flags, double decayFast,
                              double decaySlow, float[] scale, float pairAmp, float tripletAmp) {
        for (int i = from; i < to; i++) {
            int spike = flags[i];
            float s = (float) (slow[i] * decaySlow);
            scale[i] = pairAmp + tripletAmp * s;
            fast[i] = (float) (fast[i] * decayFast + spike);
            slow[i] = (float) (slow[i] * decaySlow + spike);
        }
    }
}
