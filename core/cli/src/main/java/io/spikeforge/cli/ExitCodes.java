package io.spikeforge.cli;

/** The command's exit codes, as the README lists them. */
final class ExitCodes {

    /** The command did what was asked. */
    static final int OK = 0;
    /** A bug: in SpikeForge, or in a pack's model (the message names the pack). */
    static final int INTERNAL = 1;
    /** Bad input: the config, the arguments, a pack, a checkpoint, a missing backend. */
    static final int BAD_INPUT = 2;
    /** The simulation produced NaN or infinity; the outputs up to that point are written. */
    static final int NUMERICAL_FAULT = 3;
    /** SIGINT or SIGTERM stopped the run after a step; the outputs are written (the JVM exits 130 or 143). */
    static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
