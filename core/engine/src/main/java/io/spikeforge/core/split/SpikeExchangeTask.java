package io.spikeforge.core.split;

import io.spikeforge.spi.SpikeBuffer;
import io.spikeforge.spi.StepTask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The step's one exchange of a split network, between the groups' update and the compaction of their
 * spikes: each process sends the neurons of its own ranges that spiked, and sets the flags of every
 * other process's neurons from what they sent, so that the compaction, the delays, the plasticity and
 * the monitors then see the whole network's spikes, in every process alike. One all-gather a step
 * for all groups; nothing is allocated.
 */
public final class SpikeExchangeTask {

    private final SpikeExchange exchange;
    private final SpikeBuffer[] groups;
    private final int[] first;
    private final int[] end;
    private final int[] send;
    private final int[] counts;
    private final int[] recv;

    /**
     * @param split  this process's part
     * @param groups every group's spikes, in the same order in every process
     */
    public SpikeExchangeTask(Split split, List<SpikeBuffer> groups) {
        this.exchange = split.exchange();
        this.groups = groups.toArray(SpikeBuffer[]::new);
        this.first = new int[this.groups.length];
        this.end = new int[this.groups.length];
        long all = 0;
        int mine = 0;
        for (int g = 0; g < this.groups.length; g++) {
            int size = this.groups[g].size();
            first[g] = split.first(size);
            end[g] = split.end(size);
            mine += end[g] - first[g] + 1;
            all += size + (long) split.processes();
        }
        if (all > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the groups hold " + all + " neurons, more than one exchange buffer holds");
        }
        this.send = new int[mine];
        this.counts = new int[split.processes()];
        this.recv = new int[(int) all];
    }

    /** @return the serial task that exchanges one step's spikes */
    public StepTask task() {
        List<Object> flags = new ArrayList<>();
        for (SpikeBuffer b : groups) {
            flags.add(b.flags);
        }
        return StepTask.serial("split.spikes.exchange", 1).reads(flags.toArray()).writes(flags.toArray())
                .body((lo, hi) -> exchange());
    }

    private void exchange() {
        // This process's message: per group, the count of its spikes, then their indices.
        int n = 0;
        for (int g = 0; g < groups.length; g++) {
            int[] f = groups[g].flags;
            int at = n++;
            for (int i = first[g]; i < end[g]; i++) {
                if (f[i] != 0) {
                    send[n++] = i;
                }
            }
            send[at] = n - at - 1;
        }
        exchange.allGather(send, n, counts, recv);
        for (int g = 0; g < groups.length; g++) {
            int[] f = groups[g].flags;
            Arrays.fill(f, 0, first[g], 0);
            Arrays.fill(f, end[g], f.length, 0);
        }
        int at = 0;
        for (int p = 0; p < counts.length; p++) {
            int next = at + counts[p];
            if (p != exchange.rank()) {
                for (int g = 0; g < groups.length; g++) {
                    int c = recv[at++];
                    for (int k = 0; k < c; k++) {
                        groups[g].flags[recv[at++]] = 1;
                    }
                }
            }
            at = next;
        }
    }
}
