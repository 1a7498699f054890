package io.spikeforge.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** {@code --verbose} and {@code --quiet}, shared by every command that logs. */
final class LogOptions {

    @Option(names = "--verbose", description = "Log more (debug level); `run` also prints the step's task graph.")
    boolean verbose;

    @Option(names = "--quiet", description = "Log only errors and print no progress.")
    boolean quiet;

    /** Sets the root log level: ERROR when quiet, DEBUG when verbose, else INFO. */
    void apply() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(quiet ? Level.ERROR : verbose ? Level.DEBUG : Level.INFO);
    }
}
