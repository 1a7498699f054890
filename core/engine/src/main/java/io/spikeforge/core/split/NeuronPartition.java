package io.spikeforge.core.split;

/**
 * How a group's neurons are dealt out to processes: process {@code p} of {@code P} owns one contiguous
 * range of neurons, the first {@code size % P} processes one neuron more than the rest, so that the
 * ranges tile the group in order. A group smaller than {@code P} leaves the last processes none of its
 * neurons (as NEST does with a population of one neuron), which costs them nothing of its work.
 * Contiguous ranges keep each process's synapses onto its own neurons one run of post columns per
 * row, and make the union of the processes' spike lists, read in process order, the single run's list
 * in neuron order.
 *
 * @param size      number of neurons in the group, at least 0
 * @param processes number of processes, at least 1
 */
public record NeuronPartition(int size, int processes) {

    /** Refuses a count of processes below 1, in the project's error style. */
    public NeuronPartition {
        if (processes < 1) {
            throw new IllegalArgumentException("--processes: " + refusal(processes));
        }
        if (size < 0) {
            throw new IllegalArgumentException("a group of " + size + " neurons");
        }
    }

    /**
     * @param processes the count asked for
     * @return the refusal of that count, without its source, or null when it is allowed
     */
    public static String refusal(int processes) {
        return processes < 1 ? processes + " processes; allowed: a whole number from 1 up" : null;
    }

    /** @return the first neuron process {@code p} owns */
    public int first(int p) {
        int base = size / processes;
        int extra = size % processes;
        return p * base + Math.min(p, extra);
    }

    /** @return one past the last neuron process {@code p} owns */
    public int end(int p) {
        return first(p + 1);
    }

    /** @return the process that owns neuron {@code i} */
    public int owner(int i) {
        int base = size / processes;
        int extra = size % processes;
        int bigOnes = extra * (base + 1);
        return i < bigOnes ? i / (base + 1) : extra + (i - bigOnes) / base;
    }
}
