package io.spikeforge.cli;

import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.ConfigException;

import java.util.ArrayList;
import java.util.List;

/**
 * The mistakes found in a command's options before anything is built, each blamed on its option and
 * reported with the config's own in one message (exit code 2): a user fixes them all in one go.
 */
final class InputErrors {

    private final List<ConfigError> options = new ArrayList<>();

    /** Reports {@code message} against {@code option}, for example {@code --check-every}. */
    void add(String option, String message) {
        options.add(new ConfigError(option, message));
    }

    /**
     * @param config the config's refusal, or null when it was read
     * @throws ConfigException holding every error, the options' first, when there is any
     */
    void throwIfAny(ConfigException config) {
        if (config != null) {
            throw config.withOptions(options);
        }
        if (!options.isEmpty()) {
            throw new ConfigException("the command line", options, List.of());
        }
    }
}
