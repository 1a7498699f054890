package io.spikeforge.core.split;

import io.spikeforge.spi.SpikeBuffer;
import io.spikeforge.spi.StepTask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The step's one exchange of a split network, between the groups' update and the compaction of their
 * spikes: each process sends the spike flags of its own neurons, packed 32 to an int, and sets the
 * flags of every other process's neurons from what they sent, so that the compaction, the delays, the
 * plasticity and the monitors then see the whole network's spikes, in every process alike. Packed
 * flags make one fixed-size all-gather a step (a collective's latency, not two) of N/32 ints for N
 * neurons whatever the rate; nothing is allocated.
 */
public final class SpikeExchangeTask {

    /** The task's name, by which a split network's outputs know that every process saw every spike. */
    public static final String NAME = "split.spikes.exchange";

    private final SpikeExchange exchange;
    private final SpikeBuffer[] groups;
    private final PackedRanges ranges;
    private final int[] send;
    private final int[] recv;

    /**
     * @param split  this process's part
     * @param groups every group's spikes, in the same order in every process
     */
    public SpikeExchangeTask(Split split, List<SpikeBuffer> groups) {
        this.exchange = split.exchange();
        this.groups = groups.toArray(SpikeBuffer[]::new);
        this.ranges = new PackedRanges(split, groups.stream().mapToInt(SpikeBuffer::size).toArray(), 1);
        this.send = new int[ranges.size()];
        this.recv = new int[ranges.size() * split.processes()];
    }

    /** @return the serial task that exchanges one step's spikes */
    public StepTask task() {
        List<Object> flags = new ArrayList<>();
        for (SpikeBuffer b : groups) {
            flags.add(b.flags);
        }
        return StepTask.serial(NAME, 1).reads(flags.toArray()).writes(flags.toArray())
                .body((lo, hi) -> exchange());
    }

    private void exchange() {
        int me = exchange.rank();
        int n = 0;
        for (int g = 0; g < groups.length; g++) {
            int[] f = groups[g].flags;
            int hi = ranges.end(me, g);
            for (int w = ranges.first(me, g); w < hi; w += 32) {
                int word = 0;
                int top = Math.min(32, hi - w);
                for (int b = 0; b < top; b++) {
                    word |= (f[w + b] & 1) << b;
                }
                send[n++] = word;
            }
        }
        exchange.allGather(send, ranges.size(), recv);
        for (int g = 0; g < groups.length; g++) {
            int[] f = groups[g].flags;
            Arrays.fill(f, 0, ranges.first(me, g), 0);
            Arrays.fill(f, ranges.end(me, g), f.length, 0);
        }
        for (int p = 0; p < exchange.processes(); p++) {
            if (p == me) {
                continue;
            }
            int at = p * ranges.size();
            for (int g = 0; g < groups.length; g++) {
                int[] f = groups[g].flags;
                for (int w = ranges.first(p, g); w < ranges.end(p, g); w += 32) {
                    int word = recv[at++];
                    while (word != 0) {
                        f[w + Integer.numberOfTrailingZeros(word)] = 1;
                        word &= word - 1;
                    }
                }
            }
        }
    }
}
