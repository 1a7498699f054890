package io.spikeforge.kernels;

import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.Local;
import io.spikeforge.spi.Read;
import io.spikeforge.spi.Write;

/** External inputs: currents added to a population (nA) and given spike times. */
public final class InputKernels {

    private InputKernels() {
    }

    /** current[i] += value. */
    @Kernel(elementwise = true)
    public static void addConstant(int from, int to, @Write float[] current, float value) {
        for (int i = from; i < to; i++) {
            current[i] += value;
        }
    }

    /**
     * An input onto a slice of a group: {@code current[first + i] += own[i]}, then {@code own[i] = 0}, for the
     * slice's items i.
     */
    @Kernel
    public static void addToSlice(int from, int to, @Write @Local float[] own, @Write float[] current, int first) {
        for (int i = from; i < to; i++) {
            current[first + i] += own[i];
            own[i] = 0f;
        }
    }

    /** current[i] += perStep[step], or nothing once the sections are over. */
    @Kernel
    public static void addSection(int from, int to, @Write @Local float[] current, @Read float[] perStep,
                                  @Read int[] clock) {
        int step = clock[0];
        float value = step < perStep.length ? perStep[step] : 0f;
        for (int i = from; i < to; i++) {
            current[i] += value;
        }
    }

    /**
     * Serial: writes the spike flags of this step from {@code events}, sorted non-negative (step &lt;&lt; 32 | index)
     * values, advancing {@code cursor[0]} past the events of earlier steps.
     */
    @Kernel(serial = true)
    public static void spikeTimes(int from, int to, @Write int[] spikes, @Read long[] events, @Write int[] cursor,
                                  @Read int[] clock) {
        for (int i = from; i < to; i++) {
            spikes[i] = 0;
        }
        long step = clock[0];
        int n = events.length;
        int c = cursor[0];
        while (c < n && (events[c] >> 32) < step) {
            c++;
        }
        while (c < n && (events[c] >> 32) == step) {
            spikes[(int) (events[c] & 0xffffffffL)] = 1;
            c++;
        }
        cursor[0] = c;
    }
}
