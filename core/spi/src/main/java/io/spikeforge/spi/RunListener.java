package io.spikeforge.spi;

/** Hears about a run as it goes; a backend calls it between steps, never while a task runs. */
public interface RunListener {

    /** Asks for nothing. */
    RunListener NONE = new RunListener() {
    };

    /**
     * Called every few steps; keep it cheap.
     *
     * @param done  the steps done in this run so far
     * @param total the steps this run will take
     */
    default void progress(long done, long total) {
    }

    /**
     * Called after a step, on one thread while no task runs, with the network's state complete,
     * consistent and on the host: the place to check or save it. The JVM backend calls it after every
     * step; a device backend, which keeps the state on the device, at least at every multiple of
     * {@link #checkInterval()}, after the run's last step, and after the step at which
     * {@link #stopRequested()} turned true. It runs on the critical path, so it must be cheap unless it
     * acts.
     *
     * @param step the network's clock after the step, that is the number of steps done since step 0
     * @return true to stop the run after this step
     */
    default boolean afterStep(long step) {
        return stopRequested();
    }

    /**
     * {@return how many steps may pass between two calls of {@link #afterStep}}: a device backend that
     * runs several steps per round trip makes its batch a divisor of this interval (so a check every
     * 1000 steps still sees step 1000), and brings the state back to the host only then. The JVM
     * backend calls it after every step anyway.
     */
    default long checkInterval() {
        return Long.MAX_VALUE;
    }

    /** {@return true to stop at the end of the current step} It is read after every step: keep it a field read. */
    default boolean stopRequested() {
        return false;
    }
}
