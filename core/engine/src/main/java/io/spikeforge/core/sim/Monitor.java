package io.spikeforge.core.sim;

import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.spi.Recorder;
import io.spikeforge.spi.StepTask;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;

/** Records something every step (or every few) and writes it as a NumPy file. */
public interface Monitor extends Recorder {

    /** @return the file base name */
    default String name() {
        return spec().name();
    }

    /** @return what the config asked for: target, variable, indices and interval */
    NetworkSpec.Monitor spec();

    /**
     * {@return a task the network runs within each step, after the deliveries and before the inputs,
     * synapses and neurons update (a monitor that records at the start of the step takes its values
     * there), or null}
     */
    default StepTask startTask() {
        return null;
    }

    /** Writes {@code dir/<name>.npy} with what was recorded so far; returns the file. */
    Path write(Path dir) throws IOException;

    /** @return a one-line description of the layout, with units, for summary.json */
    String layout();

    /** @return the NumPy dtype of the file: {@code int32} or {@code float32} */
    String dtype();

    /** @return the shape of the array that {@link #write} writes now */
    long[] shape();

    /** @return the unit of the recorded values; spike pairs (step, index) are counts, {@code 1} */
    String unit();

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
