package io.spikeforge.kernels;

import io.spikeforge.spi.KernelCall;

import java.util.Optional;

/**
 * Pairs of kernel calls that a step runs one right after the other over the same items, and that have a
 * kernel doing both in one pass: a projection's synapse update and its output, over the post neurons.
 * Each pass over a population's arrays costs a loop and a trip through the cache, and a small network's
 * step is made of such passes; the one-pass kernel calls the same element functions, so its floats are
 * the pair's.
 */
public final class KernelPairs {

    private KernelPairs() {
    }

    /**
     * {@return one call doing {@code first} and then {@code second} over the same items, or empty when the
     * pair has no such kernel} The pair must be run back to back, each over the same items, for the one
     * call to stand for it; the arrays each touches must be distinct apart from the one they share.
     *
     * @param first  the call that runs first (an Expon synapse's update)
     * @param second the call that runs right after it (a COBA output reading that synapse's g)
     */
    public static Optional<KernelCall> fuse(KernelCall first, KernelCall second) {
        if (first.signature() == SynapseKernelsCalls.EXPON && second.signature() == OutputKernelsCalls.COBA) {
            float[] g = (float[]) first.args().get(0);
            float[] input = (float[]) first.args().get(1);
            float[] v = (float[]) second.args().get(1);
            float[] current = (float[]) second.args().get(2);
            if (second.args().get(0) == g && distinct(g, input, v, current)) {
                return Optional.of(OutputKernelsCalls.exponCoba(g, input, v, current, (Float) first.args().get(2),
                        (Float) second.args().get(3)));
            }
        }
        return Optional.empty();
    }

    private static boolean distinct(Object... arrays) {
        for (int a = 0; a < arrays.length; a++) {
            for (int b = a + 1; b < arrays.length; b++) {
                if (arrays[a] == arrays[b]) {
                    return false;
                }
            }
        }
        return true;
    }
}
