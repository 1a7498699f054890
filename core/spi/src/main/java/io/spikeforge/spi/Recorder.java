package io.spikeforge.spi;

/**
 * A monitor as a backend sees it: a task that records this step's values on the host, after the
 * step's other tasks, and optionally a way to record on a device in batches of steps.
 */
public interface Recorder {

    /** {@return the recording task, run on the host at the end of each step} */
    StepTask task();

    /**
     * {@return this recorder's device form for batches of {@code batch} steps, or null when it can
     * record only on the host}
     *
     * @param batch the steps per batch; the buffers hold that many steps' records
     */
    default DeviceRecording deviceRecording(int batch) {
        return null;
    }

    /**
     * Recording on a device: the task appends one step's record to {@code buffer} from {@code fill[0]};
     * after each batch the host copies the buffer and the fill counter back and runs {@code drain},
     * which moves the records into the monitor and sets {@code fill[0]} back to 0.
     *
     * @param task   the device task (a kernel task), run once per step of the batch
     * @param buffer the array the task fills (to the host after each batch)
     * @param fill   the one-element fill counter (to the device before, to the host after each batch)
     * @param drain  takes the batch's records
     */
    record DeviceRecording(StepTask task, Object buffer, int[] fill, Runnable drain) {
    }
}
