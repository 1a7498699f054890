package io.spikeforge.core.config;

/**
 * One problem in a config, located by its YAML path.
 *
 * @param path    for example {@code projections[0].plasticity.tau_s}, or empty for the file itself
 * @param message what is wrong, the bad value and what is allowed
 */
public record ConfigError(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
