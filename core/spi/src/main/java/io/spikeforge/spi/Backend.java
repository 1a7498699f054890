package io.spikeforge.spi;

/**
 * Runs a network's steps: the JVM's worker threads, or a device through TornadoVM. A
 * {@link BackendProvider} creates one for a network; the engine then calls {@link #run} with that
 * network, once or several times (a run in pieces), each call carrying on from the network's clock.
 */
public interface Backend {

    /** {@return the backend's name, for example {@code jvm}} */
    String name();

    /**
     * {@return what runs where and what is transferred when, for {@code --verbose}; empty if nothing to add}
     *
     * @param network the network the backend was created for
     */
    default String describe(NetworkView network) {
        return "";
    }

    /** {@return the number of worker threads, or 1 for a device backend} */
    int threads();

    /**
     * {@return what the backend measured in its last run, by name with units in the name (for
     * {@code bench}): a device backend's {@code compile_s} and {@code launches_per_step}, say}; empty if
     * nothing
     */
    default java.util.Map<String, Object> stats() {
        return java.util.Map.of();
    }

    /**
     * Gets ready to run {@code steps} steps, before the run's clock starts: a device backend compiles
     * its kernels here, so that a run's wall time is its loop's. {@link #run} prepares what this did
     * not.
     *
     * @param network  the network the backend was created for
     * @param steps    the number of steps the next run will take
     * @param listener the next run's listener (its check interval may shape the plan)
     */
    default void prepare(NetworkView network, long steps, RunListener listener) {
    }

    /**
     * Runs {@code steps} steps from the network's current step, advancing its clock by one per step.
     *
     * @param network  the network the backend was created for
     * @param steps    the number of steps to run
     * @param listener told of progress; may ask to stop at the end of a step
     * @return the number of steps completed
     * @throws BackendUnavailableException when the device fails to run the network
     */
    long run(NetworkView network, long steps, RunListener listener);
}
