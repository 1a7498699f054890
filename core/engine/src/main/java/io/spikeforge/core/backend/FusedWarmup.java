package io.spikeforge.core.backend;

import io.spikeforge.spi.RangeBody;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gets a fused loop's class ({@link LoopFusion}) to the JIT's compilers. A hidden class is new to each JVM,
 * and a run's own calls alone do not get it compiled soon: the run calls it only now and then until it is
 * the faster ({@code LoopFusion.Switch}), and while the start-up keeps C2's queue long the JIT profiles it in
 * the interpreter (measured: COBA 4000's fused loop interpreted, 90 us a call against 4 us for the members,
 * through a whole 1 s run). A daemon thread therefore calls an instance of its own, on copies of the run's
 * first {@link #ITEMS} items, {@link #CALLS} times (past the invocation count at which HotSpot asks C1 to
 * compile it, a few ms of the other core's time); then on a few items now and then until
 * the run begins ({@code KernelWarmup.stopped()}), since during start-up C2 compiled only the loops'
 * on-stack-replacement forms and the method itself only once the run called it. It never touches the
 * run's arrays, so results are the same with or without it.
 */
final class FusedWarmup {

    /** Items per call: a few loop trips of a vector each, so that C2's profile shows a loop worth unrolling. */
    static final int ITEMS = 256;
    /**
     * Calls over {@link #ITEMS} items: past HotSpot's thresholds for C1 (200 calls); the trickle then keeps
     * the count going to C2's (5000). 6000 such calls made COBA 4000's command 0.1 s longer end to end.
     */
    static final int CALLS = 500;

    private static final int TRICKLE_ITEMS = 16;
    private static final int TRICKLE_CALLS = 20;
    private static final long TRICKLE_PAUSE_NANOS = 200_000;
    private static final long TRICKLE_LIMIT_NANOS = 3_000_000_000L;

    private static final Map<Class<?>, Boolean> STARTED = new ConcurrentHashMap<>();

    private FusedWarmup() {
    }

    /**
     * Starts the warm-up of {@code c}, once per class and JVM, when the machine has a core to spare.
     *
     * @param c    the fused class
     * @param args the arguments the run's instance took, arrays and boxed scalars
     */
    static void start(Class<?> c, List<Object> args) {
        if (Runtime.getRuntime().availableProcessors() < 2 || STARTED.putIfAbsent(c, true) != null) {
            return;
        }
        RangeBody body;
        try {
            body = (RangeBody) c.getConstructor(Object[].class).newInstance((Object) scratch(args));
        } catch (ReflectiveOperationException | LinkageError e) {
            return;
        }
        Thread.ofPlatform().daemon().name("spikeforge-fused-warmup").start(() -> {
            for (int k = 0; k < CALLS; k++) {
                body.run(0, ITEMS);
            }
            // As KernelWarmup does: a few items every 0.2 ms until the run begins, so that the calls keep
            // counting while C2's queue, long during start-up, puts the compilation of the method off.
            long end = System.nanoTime() + TRICKLE_LIMIT_NANOS;
            while (!io.spikeforge.kernels.KernelWarmup.stopped() && System.nanoTime() < end) {
                for (int k = 0; k < TRICKLE_CALLS; k++) {
                    body.run(0, TRICKLE_ITEMS);
                }
                java.util.concurrent.locks.LockSupport.parkNanos(TRICKLE_PAUSE_NANOS);
            }
        });
    }

    /**
     * The arguments with each distinct array replaced by a copy of its first {@link #ITEMS} elements (the
     * run's own values, so that the branches profiled are the run's), zeros past its end.
     */
    static Object[] scratch(List<Object> args) {
        Map<Object, Object> copies = new IdentityHashMap<>();
        Object[] out = new Object[args.size()];
        for (int k = 0; k < out.length; k++) {
            Object a = args.get(k);
            out[k] = a.getClass().isArray() ? copies.computeIfAbsent(a, x -> {
                Object copy = java.lang.reflect.Array.newInstance(x.getClass().getComponentType(), ITEMS);
                System.arraycopy(x, 0, copy, 0, Math.min(ITEMS, java.lang.reflect.Array.getLength(x)));
                return copy;
            }) : a;
        }
        return out;
    }
}
