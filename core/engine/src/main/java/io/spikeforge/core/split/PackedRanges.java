package io.spikeforge.core.split;

/**
 * Where each process's spike flags of each group lie in an exchange's messages: process {@code p}'s
 * neurons {@code [first(p, g), end(p, g))} of group {@code g}, packed 32 to an int, {@code copies}
 * times in a row (the steps of a window), the groups one after another. Every process's message has
 * the same length, {@link #size()}, the most any process's ranges need, so that one fixed-size
 * all-gather carries them all.
 */
final class PackedRanges {

    private final int[][] first;
    private final int[][] end;
    /** Where group {@code g}'s words start in process {@code p}'s message. */
    private final int[][] offset;
    private final int size;

    /**
     * @param split  the processes
     * @param sizes  each group's number of neurons, in the same order in every process
     * @param copies how many times each range is sent (1 for a step, the window's steps for a window)
     */
    PackedRanges(Split split, int[] sizes, int copies) {
        int processes = split.processes();
        first = new int[processes][sizes.length];
        end = new int[processes][sizes.length];
        offset = new int[processes][sizes.length];
        long largest = 0;
        for (int p = 0; p < processes; p++) {
            long at = 0;
            for (int g = 0; g < sizes.length; g++) {
                NeuronPartition part = split.partition(sizes[g]);
                first[p][g] = part.first(p);
                end[p][g] = part.end(p);
                offset[p][g] = (int) Math.min(at, Integer.MAX_VALUE);
                at += (long) copies * words(p, g);
            }
            largest = Math.max(largest, at);
        }
        if (largest * processes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the groups hold too many neurons for one exchange buffer of "
                    + processes + " x " + largest + " ints");
        }
        size = (int) Math.max(1, largest);
    }

    /** @return the first neuron of group {@code g} that process {@code p} owns */
    int first(int p, int g) {
        return first[p][g];
    }

    /** @return one past the last neuron of group {@code g} that process {@code p} owns */
    int end(int p, int g) {
        return end[p][g];
    }

    /** @return the ints one copy of process {@code p}'s flags of group {@code g} takes */
    int words(int p, int g) {
        return (end[p][g] - first[p][g] + 31) / 32;
    }

    /** @return where group {@code g}'s words start in process {@code p}'s message */
    int offset(int p, int g) {
        return offset[p][g];
    }

    /** @return the length of every process's message, in ints */
    int size() {
        return size;
    }
}
