package io.spikeforge.spi;

/**
 * The spikes of one group in one step, in two forms: a flag per neuron and the ascending list of the
 * indices that spiked. Both are kept in step by the engine; kernels read whichever suits them (a flag
 * scan for per-neuron work, the list for event-driven work proportional to the number of spikes).
 */
public final class SpikeBuffer {

    /** {@code flags[i] == 1} when neuron {@code i} spiked, else 0. */
    public final int[] flags;
    /** {@code list[0 .. count[0])}: the indices that spiked, ascending. */
    public final int[] list;
    /** A one-element array holding the number of valid entries in {@link #list}. */
    public final int[] count;

    /**
     * Creates an empty buffer.
     *
     * @param size the number of neurons
     */
    public SpikeBuffer(int size) {
        this.flags = new int[size];
        this.list = new int[size];
        this.count = new int[1];
    }

    /** {@return the number of neurons} */
    public int size() {
        return flags.length;
    }
}
