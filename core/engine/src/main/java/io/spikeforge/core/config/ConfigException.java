package io.spikeforge.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every problem found in a config and in the command-line values it is read with, reported together.
 * A problem of the command line is blamed on its option ({@code --threads}), one of the config on its
 * YAML path. The CLI prints them and exits with 2.
 */
public final class ConfigException extends RuntimeException {

    private final String source;
    private final List<ConfigError> options;
    private final List<ConfigError> errors;

    /** Problems of the config {@code source} alone. */
    public ConfigException(String source, List<ConfigError> errors) {
        this(source, List.of(), errors);
    }

    /**
     * @param source  the config file (or other source) the errors refer to
     * @param options problems of command-line values, each at its option, for example {@code --dt}
     * @param errors  problems of the config, each at its YAML path
     */
    public ConfigException(String source, List<ConfigError> options, List<ConfigError> errors) {
        super(format(source, options, errors));
        this.source = source;
        this.options = List.copyOf(options);
        this.errors = List.copyOf(errors);
    }

    /** @return the config file (or other source) the errors refer to */
    public String source() {
        return source;
    }

    /** @return the config's errors, in the order they were found */
    public List<ConfigError> errors() {
        return errors;
    }

    /** @return the command line's errors, each at its option, in the order they were found */
    public List<ConfigError> options() {
        return options;
    }

    /** @return this report with {@code more} command-line errors before those it holds */
    public ConfigException withOptions(List<ConfigError> more) {
        List<ConfigError> all = new ArrayList<>(more);
        all.addAll(options);
        return new ConfigException(source, all, errors);
    }

    private static String format(String source, List<ConfigError> options, List<ConfigError> errors) {
        String lines = Stream.concat(options.stream(), errors.stream()).map(e -> "  " + e)
                .collect(Collectors.joining("\n"));
        if (options.isEmpty()) {
            return count(errors.size(), "configuration error") + " in " + source + ":\n" + lines;
        }
        if (errors.isEmpty()) {
            // One line, as a single bad option has always been reported.
            return options.size() == 1 ? options.getFirst().toString()
                    : count(options.size(), "command-line error") + ":\n" + lines;
        }
        return count(options.size(), "command-line error") + " and " + count(errors.size(), "configuration error")
                + " in " + source + ":\n" + lines;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
