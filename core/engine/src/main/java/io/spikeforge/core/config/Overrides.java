package io.spikeforge.core.config;

/**
 * Command-line values that replace the config's before validation; null leaves the config's value.
 *
 * @param duration simulated time in ms
 * @param dt       time step in ms
 * @param seed     seed
 * @param threads  JVM backend threads
 * @param backend  backend name
 * @param device   device of a device backend, for example 0:0
 */
public record Overrides(Double duration, Double dt, Long seed, Integer threads, String backend, String device) {

    /** No overrides. */
    public static final Overrides NONE = new Overrides(null, null, null, null, null, null);

    /** Overrides without a device. */
    public Overrides(Double duration, Double dt, Long seed, Integer threads, String backend) {
        this(duration, dt, seed, threads, backend, null);
    }
}
