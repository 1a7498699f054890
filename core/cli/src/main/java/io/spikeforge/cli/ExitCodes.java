package io.spikeforge.cli;

/** The command's exit codes, as the README lists them. */
final class ExitCodes {

    /** The command did what was asked. */
    static final int OK = 0;
    /** A bug: in SpikeForge, or in a pack's model or backend (the message names the pack). */
    static final int INTERNAL = 1;
    /** Bad input: the config, the arguments, a pack, a checkpoint, a missing backend. */
    static final int BAD_INPUT = 2;
    /** The simulation produced NaN or infinity; the outputs up to that point are written. */
    static final int NUMERICAL_FAULT = 3;
    /**
     * A file could not be written where it belongs (a full disk): a checkpoint, which stops the run, or
     * the outputs at its end, which then go to a folder in the temporary directory that the message names.
     */
    static final int NOT_WRITTEN = 4;
    /** SIGINT or SIGTERM stopped the run after a step; the outputs are written (the JVM exits 130 or 143). */
    static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
