package io.spikeforge.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGINT and SIGTERM into a clean stop. The JVM runs shutdown hooks on those signals and then
 * exits with 128 + the signal number (130, 143); this hook asks the run to stop after its current step
 * and holds the JVM until the outputs, the summary and the checkpoint are written, or until
 * {@link #MAX_WAIT_S} pass. A shutdown hook, not a signal handler, because it needs no internal API and
 * keeps the exit codes shells expect. While the JVM shuts down it ignores further signals; kill -9
 * ends it at once.
 */
final class SignalStop implements AutoCloseable {

    /** How long the hook waits for outputs before it lets the JVM exit anyway. */
    static final long MAX_WAIT_S = 300;

    private final CountDownLatch written = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;

    private SignalStop() {
        this.hook = new Thread(() -> {
            requested = true;
            try {
                written.await(MAX_WAIT_S, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "spikeforge-stop-on-signal");
    }

    /** @return a stop that hears SIGINT and SIGTERM until closed */
    static SignalStop install() {
        SignalStop stop = new SignalStop();
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** @return whether a signal asked the run to stop */
    boolean requested() {
        return requested;
    }

    /** The outputs are written: lets a signalled JVM exit, and stops listening otherwise. */
    @Override
    public void close() {
        written.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it returns now that the latch is open.
        }
    }
}
