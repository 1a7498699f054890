package io.spikeforge.core.backend;

import io.spikeforge.spi.RangeBody;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gets a fused loop ({@link LoopFusion}) compiled before a run uses it. A fused class is new to each
 * JVM, so its first few hundred calls run in the interpreter and then in C1's profiling code, several
 * times slower than the members' kernels, which {@code KernelWarmup} had C2 compile while the command
 * line started. The fusing thread (not the run's) calls the class on arrays of its own until its calls
 * have become several times faster than they were in C1's code and stay so; only then does the run
 * switch to it.
 */
final class FusedWarmup {

    /** Items per warm-up call: the arrays a warm-up instance gets (4 KB each). */
    private static final int ITEMS = 1024;
    private static final int BATCH = 32;
    /** Calls before C2 has been asked to compile (HotSpot's tier-4 thresholds count calls and loop trips). */
    private static final int MIN_CALLS = 20_000;
    /** The speed-up over the code of the first calls that says C2's code is in place. */
    private static final double FASTER = 1.5;
    private static final long GIVE_UP_NANOS = 3_000_000_000L;
    /**
     * Calls that run in C1's code: after the interpreter's first hundred or so (tier 3 is compiled after
     * 100 to 200 calls) and before C2's, which is asked for after 600 and takes milliseconds.
     */
    private static final int C1_FROM = 300;
    private static final int C1_TO = 600;

    private static final Map<Class<?>, Boolean> READY = new ConcurrentHashMap<>();

    private FusedWarmup() {
    }

    /**
     * {@return whether the fused class is compiled and faster than its first calls}: the first caller for
     * a class warms it on arrays of its own (up to a few seconds), later callers get its answer
     *
     * @param c    the fused class
     * @param args the arguments its instances take, arrays and boxed scalars
     */
    static boolean await(Class<?> c, List<Object> args) {
        return READY.computeIfAbsent(c, k -> {
            try {
                return warm((RangeBody) k.getConstructor(Object[].class).newInstance((Object) scratch(args)));
            } catch (ReflectiveOperationException e) {
                return false;
            }
        });
    }

    /** The arguments with each distinct array replaced by a zeroed one of {@link #ITEMS} elements. */
    private static Object[] scratch(List<Object> args) {
        Map<Object, Object> copies = new IdentityHashMap<>();
        Object[] out = new Object[args.size()];
        for (int k = 0; k < out.length; k++) {
            Object a = args.get(k);
            out[k] = a.getClass().isArray() ? copies.computeIfAbsent(a,
                    x -> java.lang.reflect.Array.newInstance(x.getClass().getComponentType(), ITEMS)) : a;
        }
        return out;
    }

    /**
     * Calls the scratch instance in batches. The slowest batch of C1's calls sets the mark; once past {@link #MIN_CALLS} and {@link #FASTER} times under the mark for three batches in a
     * row, the class is ready. A class that never gets there is left to the members' kernels.
     */
    private static boolean warm(RangeBody scratch) {
        long start = System.nanoTime();
        double early = 0;
        int fast = 0;
        for (int calls = 0; System.nanoTime() - start < GIVE_UP_NANOS; calls += BATCH) {
            long t0 = System.nanoTime();
            for (int k = 0; k < BATCH; k++) {
                scratch.run(0, ITEMS);
            }
            long t = System.nanoTime() - t0;
            if (calls >= C1_FROM && calls < C1_TO) {
                early = Math.max(early, t);
            }
            if (calls >= MIN_CALLS && early > 0) {
                fast = t * FASTER < early ? fast + 1 : 0;
                if (fast >= 3) {
                    return true;
                }
            }
        }
        return false;
    }
}
