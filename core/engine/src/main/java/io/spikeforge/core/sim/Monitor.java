package io.spikeforge.core.sim;

import io.spikeforge.spi.StepTask;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;

/** Records something every step (or every few) and writes it as a NumPy file. */
public interface Monitor {

    /** @return the file base name */
    String name();

    /** @return the recording task, run at the end of each step */
    StepTask task();

    /** Writes {@code dir/<name>.npy} with what was recorded so far; returns the file. */
    Path write(Path dir) throws IOException;

    /** @return a one-line description of the layout, with units, for summary.json */
    String layout();

    /** Saves what was recorded so far, for a checkpoint. */
    void save(DataOutput out) throws IOException;

    /**
     * Replaces the recording with one that {@link #save} wrote for the same monitor of the same
     * network.
     *
     * @throws IOException if the saved recording does not fit this monitor
     */
    void restore(DataInput in) throws IOException;
}
