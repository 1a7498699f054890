package io.spikeforge.core.sim;

import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.spi.StepTask;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;

/** Records something every step (or every few) and writes it as a NumPy file. */
public interface Monitor {

    /** @return the file base name */
    default String name() {
        return spec().name();
    }

    /** @return what the config asked for: target, variable, indices and interval */
    NetworkSpec.Monitor spec();

    /** @return the recording task, run at the end of each step */
    StepTask task();

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

    /**
     * {@return this monitor's recording on a device, a batch of steps at a time, or null when it can
     * record only on the host}
     *
     * @param batch the steps per batch; the buffers hold that many steps' records
     */
    default DeviceRecording deviceRecording(int batch) {
        return null;
    }

    /**
     * Recording on a device: the task appends one step's record to {@code buffer} from {@code fill[0]};
     * after each batch the host calls {@link #drain}, which moves the records into the monitor and sets
     * {@code fill[0]} back to 0.
     *
     * @param task    the device task (with its kernel call), run once per step of the batch
     * @param buffer  the array the task fills (to the host after each batch)
     * @param fill    the one-element fill counter (to the device before, to the host after each batch)
     * @param drain   takes the batch's records
     */
    record DeviceRecording(StepTask task, Object buffer, int[] fill, Runnable drain) {
    }
}
