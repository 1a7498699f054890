package io.spikeforge.cli.plot;

/** A results directory that cannot be plotted: the CLI prints the message and exits with code 2. */
public final class PlotInputException extends RuntimeException {

    /** @param message what is wrong and how to fix it, in one line */
    public PlotInputException(String message) {
        super(message);
    }
}
