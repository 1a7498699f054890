package io.spikeforge.kernels;

import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.Read;
import io.spikeforge.spi.Write;

/**
 * Monitors that record on the device: each call appends this step's record to a buffer that the host
 * drains after a batch of steps, so that monitored runs need not copy state back every step.
 */
public final class MonitorKernels {

    private MonitorKernels() {
    }

    /**
     * Serial: at the first step of each batch of {@code batch} steps, the steps whose clock leaves
     * {@code phase} when divided by {@code batch} (a batch starts on the run's first step, and the run's
     * length is a multiple of the batch), sets {@code fill[0]} to 0, so that a recorder's buffer starts
     * each batch empty on the device. A device backend runs one step's graph {@code batch} times per
     * round trip, and the host, which drains the buffer after each batch, has no other way to reset the
     * counter there. The phase is a scalar, so that the reset adds no argument to a fused kernel that
     * already takes the clock and the fill counter.
     */
    @Kernel(serial = true)
    public static void startBatch(int from, int to, @Read int[] clock, int phase, int batch, @Write int[] fill) {
        if (clock[0] % batch == phase) {
            fill[0] = 0;
        }
    }

    /**
     * Serial: appends (step, index) for each spike of this step, of the selected neurons only when
     * {@code selected} is not empty, to {@code buf} from {@code fill[0]}.
     */
    @Kernel(serial = true)
    public static void appendSpikes(int from, int to, @Read int[] list, @Read int[] count, @Read int[] selected,
                                    @Read int[] clock, @Write int[] buf, @Write int[] fill) {
        int n = count[0];
        int f = fill[0];
        int step = clock[0];
        boolean all = selected.length == 0;
        for (int s = 0; s < n; s++) {
            int i = list[s];
            if (all || selected[i] != 0) {
                buf[f] = step;
                buf[f + 1] = i;
                f += 2;
            }
        }
        fill[0] = f;
    }

    /**
     * out[c] = src[indices[c]]: the values a monitor that records at the start of a step ({@code when:
     * start}) takes after the step's deliveries and before its update, held until the end of the step,
     * when the monitor's host task or {@link #appendFloats} records them.
     */
    @Kernel
    public static void gatherFloats(int from, int to, @Read float[] src, @Read int[] indices, @Write float[] out) {
        for (int c = from; c < to; c++) {
            out[c] = src[indices[c]];
        }
    }

    /** As {@link #gatherFloats} for an int array, stored as floats. */
    @Kernel
    public static void gatherInts(int from, int to, @Read int[] src, @Read int[] indices, @Write float[] out) {
        for (int c = from; c < to; c++) {
            out[c] = src[indices[c]];
        }
    }

    /** Serial: on steps that are multiples of {@code every}, appends src[indices[c]] for every c. */
    @Kernel(serial = true)
    public static void appendFloats(int from, int to, @Read float[] src, @Read int[] indices, @Read int[] clock,
                                    int every, @Write float[] buf, @Write int[] fill) {
        append(false, src, indices, indices, clock, every, buf, fill);
    }

    /** As {@link #appendFloats} for an int array (a refractory counter, say), stored as floats. */
    @Kernel(serial = true)
    public static void appendInts(int from, int to, @Read int[] src, @Read int[] indices, @Read int[] clock,
                                  int every, @Write float[] buf, @Write int[] fill) {
        append(true, buf, src, indices, clock, every, buf, fill);
    }

    /**
     * The append of {@link #appendFloats} and {@link #appendInts}, written once: from {@code ints} when
     * {@code fromInts} (a constant in each kernel, so it folds away), else from {@code floats}.
     */
    private static void append(boolean fromInts, float[] floats, int[] ints, int[] indices, int[] clock, int every,
                               float[] buf, int[] fill) {
        if (clock[0] % every != 0) {
            return;
        }
        int f = fill[0];
        for (int c = 0; c < indices.length; c++) {
            buf[f + c] = fromInts ? ints[indices[c]] : floats[indices[c]];
        }
        fill[0] = f + indices.length;
    }
}
