package io.spikeforge.core.split;

import java.util.ArrayList;
import java.util.List;

/**
 * How a group's neurons are dealt out to processes: process {@code p} of {@code P} owns one contiguous
 * range of neurons, the first {@code size % P} processes one neuron more than the rest, so that the
 * ranges tile the group in order. Contiguous ranges keep each process's synapses onto its own neurons
 * one block of post columns, and make the union of the processes' spike lists, read in process order,
 * the single run's list in neuron order.
 *
 * @param size      number of neurons in the group
 * @param processes number of processes, at least 1 and at most {@code size}
 */
public record NeuronPartition(int size, int processes) {

    /** Refuses a partition that leaves a process with no neuron, in the project's error style. */
    public NeuronPartition {
        List<String> errors = check("--processes", processes, size);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", errors));
        }
    }

    /**
     * Checks a process count against a group's size.
     *
     * @param source    where the count came from, for the message (an option or a config path)
     * @param processes the count asked for
     * @param size      the group's number of neurons
     * @return one message per problem; empty when the count is allowed
     */
    public static List<String> check(String source, int processes, int size) {
        List<String> errors = new ArrayList<>();
        if (processes < 1) {
            errors.add(source + ": " + processes + " processes; allowed: a whole number from 1 up");
        } else if (processes > size) {
            errors.add(source + ": " + processes + " processes for " + size
                    + " neurons would leave a process without neurons; allowed: 1 to " + size);
        }
        return errors;
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
