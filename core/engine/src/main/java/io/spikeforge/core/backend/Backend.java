package io.spikeforge.core.backend;

import io.spikeforge.core.sim.Network;

/** Runs a network's step tasks. */
public interface Backend {

    /** @return the backend's name, for example {@code jvm} */
    String name();

    /** @return what runs where and what is transferred when, for {@code --verbose}; empty if nothing to add */
    default String describe(Network network) {
        return "";
    }

    /** @return the number of worker threads (or 1 for a device backend) */
    int threads();

    /**
     * Runs {@code steps} steps from the network's current step, advancing its clock.
     *
     * @param listener told of progress; may ask to stop at the end of a step
     * @return the number of steps completed
     */
    long run(Network network, long steps, RunListener listener);
}
