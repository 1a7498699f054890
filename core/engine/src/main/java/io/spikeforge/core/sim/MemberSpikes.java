package io.spikeforge.core.sim;

import io.spikeforge.spi.SpikeBuffer;
import io.spikeforge.spi.StepTask;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands a storage population's spikes of this step to the user populations that live as its slices
 * (see the engine's fusion of small populations): each member's spike flags, ascending list, count,
 * running total and per-neuron counts become what its own group would have made. A step costs one pass
 * over this step's and the last step's spikes, whatever the number of members: the last step's spikes
 * (which members to clear) are kept in two arrays the caller registers as state, so that a checkpoint
 * resumes exactly.
 */
public final class MemberSpikes {

    private final SpikeBuffer storage;
    /** The member of each storage neuron. */
    private final int[] memberOf;
    private final int[] from;
    private final SpikeBuffer[] members;
    private final long[][] totals;
    private final int[][] counts;
    /** The storage indices that spiked in the last step, and their number. */
    private final int[] last;
    private final int[] lastCount;

    /**
     * @param storage the storage population's spikes
     * @param groups  the member groups, in storage order
     * @param from    each member's first neuron in the storage
     * @param last    the storage's size: the storage indices that spiked in the last step (state)
     * @param lastCount one element: their number (state)
     */
    public MemberSpikes(SpikeBuffer storage, List<Group> groups, int[] from, int[] last, int[] lastCount) {
        this.storage = storage;
        this.last = last;
        this.lastCount = lastCount;
        this.from = from.clone();
        this.memberOf = new int[storage.size()];
        this.members = new SpikeBuffer[groups.size()];
        this.totals = new long[groups.size()][];
        this.counts = new int[groups.size()][];
        for (int m = 0; m < groups.size(); m++) {
            Group g = groups.get(m);
            members[m] = g.spikes();
            totals[m] = g.spikeTotal();
            counts[m] = g.spikeCounts();
            for (int i = 0; i < g.size(); i++) {
                memberOf[from[m] + i] = m;
            }
        }
    }

    /** @return the serial task that splits each step's spikes, after the storage's spikes are joined */
    public StepTask task(String name) {
        List<Object> writes = new ArrayList<>();
        for (int m = 0; m < members.length; m++) {
            writes.add(members[m].flags);
            writes.add(members[m].list);
            writes.add(members[m].count);
            writes.add(totals[m]);
            writes.add(counts[m]);
        }
        writes.add(last);
        writes.add(lastCount);
        return StepTask.serial(name, 1).reads(storage.list, storage.count).writes(writes.toArray())
                .body((lo, hi) -> split());
    }

    private void split() {
        for (int s = 0; s < lastCount[0]; s++) {
            int i = last[s];
            SpikeBuffer b = members[memberOf[i]];
            b.flags[i - from[memberOf[i]]] = 0;
            b.count[0] = 0;
        }
        int[] list = storage.list;
        int n = storage.count[0];
        for (int s = 0; s < n; s++) {
            int i = list[s];
            int m = memberOf[i];
            SpikeBuffer b = members[m];
            int j = i - from[m];
            b.list[b.count[0]++] = j;
            b.flags[j] = 1;
            totals[m][0]++;
            counts[m][j]++;
            last[s] = i;
        }
        lastCount[0] = n;
    }
}
