package io.spikeforge.kernels;

import io.spikeforge.spi.HostForm;
import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.Read;
import io.spikeforge.spi.Write;

/** Spike bookkeeping: spike flags into index lists (scan and join), and the axonal delay ring. */
public final class SpikeKernels {

    private SpikeKernels() {
    }

    /**
     * Stores this step's spike list in ring slot {@code slot} ({@code ring} holds {@code slots}
     * lists of {@code size} entries; {@code ringCount[slot]} their lengths).
     */
    public static void pushRing(int[] ring, int[] ringCount, int slot, int size, int[] list, int[] count) {
        int n = count[0];
        int base = slot * size;
        for (int s = 0; s < n; s++) {
            ring[base + s] = list[s];
        }
        ringCount[slot] = n;
    }

    /**
     * Makes (flags, list, count) the spikes stored in ring slot {@code slot}, clearing the flags of
     * the spikes it held before. A negative slot means no spikes (before the first delayed step).
     */
    public static void readRing(int[] ring, int[] ringCount, int slot, int size, int[] flags, int[] list,
                                int[] count) {
        int old = count[0];
        for (int s = 0; s < old; s++) {
            flags[list[s]] = 0;
        }
        int n = slot < 0 ? 0 : ringCount[slot];
        int base = slot * size;
        for (int s = 0; s < n; s++) {
            int i = ring[base + s];
            list[s] = i;
            flags[i] = 1;
        }
        count[0] = n;
    }

    /**
     * Compacts the flags of [from, to) into runs[from, ...) in ascending order, adds one to each
     * spiking neuron's count, and records the run: runLength[from] spikes, next run at runEnd[from].
     * It touches only indices in [from, to), so ranges run in parallel, each right after the neuron
     * update of the same range; {@link #joinRuns} then gathers the runs. On a device each item is its
     * own run. The JVM runs {@link Simd#scanRun}, which gives the same arrays faster.
     */
    @Kernel(elementwise = true)
    public static void scanRun(int from, int to, @Read int[] flags, @Write int[] runs, @Write int[] counts,
                               @Write int[] runLength, @Write int[] runEnd) {
        if (from >= to) {
            return;
        }
        int n = from;
        for (int i = from; i < to; i++) {
            if (flags[i] != 0) {
                runs[n++] = i;
                counts[i]++;
            }
        }
        runLength[from] = n - from;
        runEnd[from] = to;
    }

    /** The JVM's forms of kernels above: the same results through SIMD intrinsics a device cannot compile. */
    static final class Simd {

        private static final int[] ZEROS = new int[4096];

        private Simd() {
        }

        /**
         * {@link SpikeKernels#scanRun} for the JVM. Spikes are rare (a few per thousand neurons per step),
         * so the scan for the next one is {@link java.util.Arrays#mismatch(int[], int, int, int[], int, int)}
         * against zeros, which the JIT turns into SIMD compares: three to four times faster than the
         * kernel's loop.
         */
        @HostForm
        static void scanRun(int from, int to, int[] flags, int[] runs, int[] counts, int[] runLength, int[] runEnd) {
            if (from >= to) {
                return;
            }
            int n = from;
            int i = from;
            while (i < to) {
                int len = Math.min(to - i, ZEROS.length);
                int m = java.util.Arrays.mismatch(flags, i, i + len, ZEROS, 0, len);
                if (m < 0) {
                    i += len;
                    continue;
                }
                i += m;
                runs[n++] = i;
                counts[i]++;
                i++;
            }
            runLength[from] = n - from;
            runEnd[from] = to;
        }
    }

    /**
     * Serial: gathers the runs that {@link #scanRun} left in [from, to), following runEnd from
     * {@code from}, into list[0, count), and adds the count to the running total. The runs are a
     * separate array so that the scan can overwrite them while this step's deliveries still read the
     * list of the step before.
     */
    @Kernel(serial = true)
    public static void joinRuns(int from, int to, @Read int[] runs, @Read int[] runLength, @Read int[] runEnd,
                                @Write int[] list, @Write int[] count, @Write long[] total) {
        int n = 0;
        for (int r = from; r < to; r = runEnd[r]) {
            int len = runLength[r];
            for (int k = 0; k < len; k++) {
                list[n + k] = runs[r + k];
            }
            n += len;
        }
        count[0] = n;
        total[0] += n;
    }

    /** Serial: {@link #pushRing} into the slot of the current step. */
    @Kernel(serial = true)
    public static void pushRingAt(int from, int to, @Write int[] ring, @Write int[] ringCount, int slots, int size,
                                  @Read int[] list, @Read int[] count, @Read int[] clock) {
        pushRing(ring, ringCount, clock[0] % slots, size, list, count);
    }

    /** Serial: {@link #readRing} of the spikes emitted delay + 1 steps ago (none before the first). */
    @Kernel(serial = true)
    public static void readRingAt(int from, int to, @Read int[] ring, @Read int[] ringCount, int slots, int size,
                                  int delay, @Write int[] flags, @Write int[] list, @Write int[] count,
                                  @Read int[] clock) {
        int step = clock[0] - 1 - delay;
        readRing(ring, ringCount, step < 0 ? -1 : step % slots, size, flags, list, count);
    }

    /** input[i] += flags[i]: each spike drives its own (align-pre) synapse with weight 1. */
    @Kernel(elementwise = true)
    public static void flagsToInput(int from, int to, @Read int[] flags, @Write float[] input) {
        for (int i = from; i < to; i++) {
            input[i] += flags[i];
        }
    }

    /** array[i] = 0. */
    @Kernel(elementwise = true)
    public static void clear(int from, int to, @Write float[] array) {
        for (int i = from; i < to; i++) {
            array[i] = 0f;
        }
    }

    /** Serial: advances the step clock (a device keeps its own copy). */
    @Kernel(serial = true)
    public static void tick(int from, int to, @Write int[] clock) {
        clock[0]++;
    }
}
