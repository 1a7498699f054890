package io.spikeforge.kernels;

/** Spike bookkeeping: compaction of flags into index lists, and the axonal delay ring. */
public final class SpikeKernels {

    private SpikeKernels() {
    }

    /** Writes the ascending indices with flags[i] != 0 into list and their number into count[0]. */
    public static void compact(int[] flags, int size, int[] list, int[] count) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (flags[i] != 0) {
                list[n++] = i;
            }
        }
        count[0] = n;
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
}
