package io.spikeforge.core;

import io.spikeforge.core.run.NumericalFault;

/**
 * What a run did.
 *
 * @param steps       steps completed in this run
 * @param wallSeconds wall time of the simulation loop in s
 * @param partial     true when the network stopped before the config's last step
 * @param outcome     how it ended
 * @param message     why it stopped early, or null when it completed
 * @param fault       the NaN or infinity that stopped it, or null
 */
public record RunResult(long steps, double wallSeconds, boolean partial, Outcome outcome, String message, NumericalFault fault) {

    /** How a run ended. */
    public enum Outcome {
        /** Every step ran. */
        COMPLETED,
        /** A stop was requested (a signal) and the run ended after a step. */
        STOPPED,
        /** A NaN or infinity appeared in the state. */
        NUMERICAL_FAULT,
        /** A checkpoint could not be written. */
        CHECKPOINT_FAILED
    }
}
