package io.spikeforge.core.split;

import io.spikeforge.core.sim.DelayRing;
import io.spikeforge.spi.StepTask;

import java.util.ArrayList;
import java.util.List;

/**
 * The exchange of a split network whose every spike takes at least {@code window} steps to reach a
 * synapse (one step plus the shortest delay), made once per window as NEST makes it once per minimum
 * delay: in the window each process runs on its own spikes alone, and at its last step every delay
 * ring's slots of the window, which hold this process's spike lists, are filled with every process's,
 * in rank order (the ranks' ranges ascend, so the lists stay ascending). No ring slot of the window is
 * read before the window ends, so every synapse receives what it would in one process. Each window's
 * lists travel as flags packed 32 to an int, in one fixed-size all-gather; nothing is allocated.
 */
public final class SpikeWindowTask {

    /** The task's name, by which a split network's outputs know that each process saw its own spikes only. */
    public static final String NAME = "split.spikes.window";

    private final SpikeExchange exchange;
    private final int window;
    private final DelayRing[] rings;
    private final int[] clock;
    private final int[][] first;
    private final int[][] end;
    private final int[] send;
    private final int[] recv;
    private final int[] merged;
    private final int size;

    /**
     * @param split  this process's part
     * @param window the steps between exchanges, at least 2 and at most each ring's slots
     * @param rings  the delay rings of every group whose spikes reach a synapse, the same order everywhere
     * @param clock  the step counter
     */
    public SpikeWindowTask(Split split, int window, List<DelayRing> rings, int[] clock) {
        this.exchange = split.exchange();
        this.window = window;
        this.rings = rings.toArray(DelayRing[]::new);
        this.clock = clock;
        int processes = split.processes();
        first = new int[processes][this.rings.length];
        end = new int[processes][this.rings.length];
        long largest = 0;
        int longest = 1;
        for (int p = 0; p < processes; p++) {
            long words = 0;
            for (int r = 0; r < this.rings.length; r++) {
                if (this.rings[r].slots() < window) {
                    throw new IllegalArgumentException("a ring of " + this.rings[r].slots() + " slots in a window of "
                            + window + " steps");
                }
                NeuronPartition part = split.partition(this.rings[r].size());
                first[p][r] = part.first(p);
                end[p][r] = part.end(p);
                words += (long) window * ((end[p][r] - first[p][r] + 31) / 32);
                longest = Math.max(longest, this.rings[r].size());
            }
            largest = Math.max(largest, words);
        }
        if (largest * processes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the groups hold too many neurons for one exchange buffer of "
                    + processes + " x " + largest + " ints");
        }
        size = (int) Math.max(1, largest);
        send = new int[size];
        recv = new int[size * processes];
        merged = new int[longest];
    }

    /** @return the serial task, after the rings store the step's spikes */
    public StepTask task() {
        List<Object> arrays = new ArrayList<>();
        for (DelayRing r : rings) {
            arrays.add(r.lists());
            arrays.add(r.counts());
        }
        List<Object> reads = new ArrayList<>(arrays);
        reads.add(clock);
        return StepTask.serial(NAME, 1).reads(reads.toArray()).writes(arrays.toArray()).body((lo, hi) -> {
            if ((clock[0] + 1) % window == 0) {
                exchange();
            }
        });
    }

    private void exchange() {
        int me = exchange.rank();
        int last = clock[0];
        java.util.Arrays.fill(send, 0);
        int n = 0;
        for (int r = 0; r < rings.length; r++) {
            DelayRing ring = rings[r];
            int words = (end[me][r] - first[me][r] + 31) / 32;
            for (int s = last - window + 1; s <= last; s++) {
                if (s >= 0) {
                    int slot = (s % ring.slots()) * ring.size();
                    int count = ring.counts()[s % ring.slots()];
                    for (int k = 0; k < count; k++) {
                        int i = ring.lists()[slot + k] - first[me][r];
                        send[n + (i >>> 5)] |= 1 << (i & 31);
                    }
                }
                n += words;
            }
        }
        exchange.allGather(send, size, recv);
        for (int r = 0; r < rings.length; r++) {
            DelayRing ring = rings[r];
            for (int w = 0; w < window; w++) {
                int s = last - window + 1 + w;
                if (s < 0) {
                    continue;
                }
                int slot = s % ring.slots();
                int m = 0;
                for (int p = 0; p < exchange.processes(); p++) {
                    if (p == me) {
                        System.arraycopy(ring.lists(), slot * ring.size(), merged, m, ring.counts()[slot]);
                        m += ring.counts()[slot];
                        continue;
                    }
                    int words = (end[p][r] - first[p][r] + 31) / 32;
                    int base = p * size + offset(p, r) + w * words;
                    for (int k = 0; k < words; k++) {
                        int word = recv[base + k];
                        while (word != 0) {
                            merged[m++] = first[p][r] + (k << 5) + Integer.numberOfTrailingZeros(word);
                            word &= word - 1;
                        }
                    }
                }
                System.arraycopy(merged, 0, ring.lists(), slot * ring.size(), m);
                ring.counts()[slot] = m;
            }
        }
    }

    /** @return where ring {@code r}'s words start in process {@code p}'s message */
    private int offset(int p, int r) {
        int n = 0;
        for (int q = 0; q < r; q++) {
            n += window * ((end[p][q] - first[p][q] + 31) / 32);
        }
        return n;
    }
}
