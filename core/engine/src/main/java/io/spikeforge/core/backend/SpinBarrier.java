package io.spikeforge.core.backend;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A reusable barrier for a fixed set of threads that spins first, since the wait between two stages of
 * a step is usually microseconds; it backs off to yielding and parking when the machine is
 * oversubscribed. The last thread to arrive may run an action before releasing the others.
 */
final class SpinBarrier {

    private static final int SPINS = 20_000;
    private static final int YIELDS = 200;

    private final int parties;
    /** With more threads than cores a spinning waiter holds the core its partner needs: yield at once. */
    private final int spins;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;

    SpinBarrier(int parties) {
        this.parties = parties;
        this.spins = parties <= Runtime.getRuntime().availableProcessors() ? SPINS : 0;
    }

    /** Waits for all parties; the last to arrive runs {@code action} (may be null) first. */
    void await(Runnable action) {
        int gen = generation;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            if (action != null) {
                action.run();
            }
            generation = gen + 1;
            return;
        }
        int waited = 0;
        while (generation == gen) {
            if (waited < spins) {
                Thread.onSpinWait();
            } else if (waited < spins + YIELDS) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(20_000);
            }
            waited++;
        }
    }
}
