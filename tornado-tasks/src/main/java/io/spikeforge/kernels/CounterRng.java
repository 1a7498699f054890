package io.spikeforge.kernels;

import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.Local;
import io.spikeforge.spi.Read;
import io.spikeforge.spi.Write;

/**
 * A counter-based random number generator: the value for (seed, step, index) is a pure function of
 * those three numbers (SplitMix64's finalizer over a Weyl sequence). Any split of the work across
 * threads or devices therefore draws the same numbers.
 */
public final class CounterRng {

    private CounterRng() {
    }

    /** @return 64 well-mixed bits for (seed, stream, index) */
    public static long bits(long seed, long stream, long index) {
        long z = seed + stream * 0x9E3779B97F4A7C15L + index * 0xD1B54A32D192ED03L;
        z = (z ^ ushr(z, 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ ushr(z, 27)) * 0x94D049BB133111EBL;
        z = z ^ ushr(z, 31);
        z = (z ^ ushr(z, 33)) * 0xFF51AFD7ED558CCDL;
        return z ^ ushr(z, 33);
    }

    /**
     * z &gt;&gt;&gt; k for 0 &lt; k &lt; 64, written as an arithmetic shift and a mask because TornadoVM 5.2's
     * OpenCL code generator emits {@code >>>} as an arithmetic shift (checked on PoCL), which would give
     * the device other random numbers than the JVM.
     */
    static long ushr(long z, int k) {
        return (z >> k) & ((1L << (64 - k)) - 1);
    }

    /** @return a uniform double in [0, 1) with 53 random bits */
    public static double uniform(long seed, long stream, long index) {
        return ushr(bits(seed, stream, index), 11) * 0x1.0p-53;
    }

    /**
     * @return a standard normal value for (seed, stream, index), by Box-Muller over the uniforms of
     *         indices 2 index and 2 index + 1 of the stream ({@link PortableMath#boxMuller}, the same
     *         double on the JVM and on a device)
     */
    public static double normal(long seed, long stream, long index) {
        double u1 = 1.0 - uniform(seed, stream, 2 * index);
        double u2 = uniform(seed, stream, 2 * index + 1);
        return PortableMath.boxMuller(u1, u2);
    }

    /** Poisson spikes: flags[i] = 1 with probability p, drawn from (seed, step, i). */
    @Kernel
    public static void bernoulli(int from, int to, @Write @Local int[] flags, long seed, @Read int[] clock, double p) {
        long step = clock[0];
        for (int i = from; i < to; i++) {
            flags[i] = uniform(seed, step, i) < p ? 1 : 0;
        }
    }
}
