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
    private final PackedRanges ranges;
    private final int[] send;
    private final int[] recv;
    private final int[] merged;

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
        for (DelayRing r : this.rings) {
            if (r.slots() < window) {
                throw new IllegalArgumentException("a ring of " + r.slots() + " slots in a window of " + window
                        + " steps");
            }
        }
        this.ranges = new PackedRanges(split, rings.stream().mapToInt(DelayRing::size).toArray(), window);
        this.send = new int[ranges.size()];
        this.recv = new int[ranges.size() * split.processes()];
        this.merged = new int[Math.max(1, rings.stream().mapToInt(DelayRing::size).max().orElse(1))];
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
        for (int r = 0; r < rings.length; r++) {
            DelayRing ring = rings[r];
            int words = ranges.words(me, r);
            int lo = ranges.first(me, r);
            for (int w = 0; w < window; w++) {
                int s = last - window + 1 + w;
                if (s < 0) {
                    continue;
                }
                int at = ranges.offset(me, r) + w * words;
                int slot = s % ring.slots();
                for (int k = 0; k < ring.counts()[slot]; k++) {
                    int i = ring.lists()[slot * ring.size() + k] - lo;
                    send[at + (i >>> 5)] |= 1 << (i & 31);
                }
            }
        }
        exchange.allGather(send, ranges.size(), recv);
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
                    int words = ranges.words(p, r);
                    int base = p * ranges.size() + ranges.offset(p, r) + w * words;
                    int lo = ranges.first(p, r);
                    for (int k = 0; k < words; k++) {
                        int word = recv[base + k];
                        while (word != 0) {
                            merged[m++] = lo + (k << 5) + Integer.numberOfTrailingZeros(word);
                            word &= word - 1;
                        }
                    }
                }
                System.arraycopy(merged, 0, ring.lists(), slot * ring.size(), m);
                ring.counts()[slot] = m;
            }
        }
    }
}
