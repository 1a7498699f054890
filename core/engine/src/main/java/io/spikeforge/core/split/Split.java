package io.spikeforge.core.split;

/**
 * One process's part of a network split over processes, as NEST splits one: every group's neurons are
 * dealt out by {@link NeuronPartition}, the process updates its own neurons and holds the synapses onto
 * them, and each step's spikes are all-gathered so that every process sees every group's spikes.
 *
 * @param exchange the engine that carries the spikes between the processes
 */
public record Split(SpikeExchange exchange) {

    /** @return this process's rank */
    public int rank() {
        return exchange.rank();
    }

    /** @return the number of processes */
    public int processes() {
        return exchange.processes();
    }

    /** @return how a group of {@code size} neurons is dealt out to the processes */
    public NeuronPartition partition(int size) {
        return new NeuronPartition(size, processes());
    }

    /** @return the first neuron of a group of {@code size} this process owns */
    public int first(int size) {
        return partition(size).first(rank());
    }

    /** @return one past the last neuron of a group of {@code size} this process owns */
    public int end(int size) {
        return partition(size).end(rank());
    }
}
