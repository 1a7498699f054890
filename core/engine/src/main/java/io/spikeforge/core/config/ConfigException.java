package io.spikeforge.core.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in a config, reported together. The CLI prints them and exits with 2. */
public final class ConfigException extends RuntimeException {

    private final String source;
    private final List<ConfigError> errors;

    public ConfigException(String source, List<ConfigError> errors) {
        super(format(source, errors));
        this.source = source;
        this.errors = List.copyOf(errors);
    }

    /** @return the config file (or other source) the errors refer to */
    public String source() {
        return source;
    }

    /** @return the errors, in the order they were found */
    public List<ConfigError> errors() {
        return errors;
    }

    private static String format(String source, List<ConfigError> errors) {
        String head = errors.size() == 1 ? "1 configuration error" : errors.size() + " configuration errors";
        return head + " in " + source + ":\n" + errors.stream()
                .map(e -> "  " + e)
                .collect(Collectors.joining("\n"));
    }
}
