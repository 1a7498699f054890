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
    /** Each process's first neuron and end of each group: {@code first[p][g]}, {@code end[p][g]}. */
    private final int[][] first;
    private final int[][] end;
    private final int[] send;
    private final int[] recv;
    /** Every process's message length: the most words any process's ranges pack into, the same everywhere. */
    private final int size;

    /**
     * @param split  this process's part
     * @param groups every group's spikes, in the same order in every process
     */
    public SpikeExchangeTask(Split split, List<SpikeBuffer> groups) {
        this.exchange = split.exchange();
        this.groups = groups.toArray(SpikeBuffer[]::new);
        int processes = split.processes();
        this.first = new int[processes][this.groups.length];
        this.end = new int[processes][this.groups.length];
        long largest = 0;
        for (int p = 0; p < processes; p++) {
            long words = 0;
            for (int g = 0; g < this.groups.length; g++) {
                NeuronPartition part = split.partition(this.groups[g].size());
                first[p][g] = part.first(p);
                end[p][g] = part.end(p);
                words += (end[p][g] - first[p][g] + 31) / 32;
            }
            largest = Math.max(largest, words);
        }
        if (largest * processes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the groups hold too many neurons for one exchange buffer of "
                    + processes + " x " + largest + " ints");
        }
        this.size = (int) largest;
        this.send = new int[size];
        this.recv = new int[size * processes];
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
            int lo = first[me][g];
            int hi = end[me][g];
            for (int w = lo; w < hi; w += 32) {
                int word = 0;
                int top = Math.min(32, hi - w);
                for (int b = 0; b < top; b++) {
                    word |= (f[w + b] & 1) << b;
                }
                send[n++] = word;
            }
        }
        exchange.allGather(send, size, recv);
        for (int g = 0; g < groups.length; g++) {
            int[] f = groups[g].flags;
            Arrays.fill(f, 0, first[me][g], 0);
            Arrays.fill(f, end[me][g], f.length, 0);
        }
        for (int p = 0; p < exchange.processes(); p++) {
            if (p == me) {
                continue;
            }
            int at = p * size;
            for (int g = 0; g < groups.length; g++) {
                int[] f = groups[g].flags;
                for (int w = first[p][g]; w < end[p][g]; w += 32) {
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
