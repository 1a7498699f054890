package io.spikeforge.core;

/**
 * What a run did.
 *
 * @param steps       steps completed
 * @param wallSeconds wall time of the simulation loop in s
 * @param partial     true when the run stopped before its last step
 */
public record RunResult(long steps, double wallSeconds, boolean partial) {
}
