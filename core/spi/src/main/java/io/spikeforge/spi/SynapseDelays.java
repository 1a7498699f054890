package io.spikeforge.spi;

/**
 * The axonal delays of one projection whose synapses each have their own, and the spike history of its
 * pre group they are read from. Synapse k of pre neuron i, with a delay of {@code steps[k]} steps,
 * receives in step n the spike that i emitted in step {@code n - 1 - steps[k]}: the extra step is the
 * one every spike takes to reach a synapse, as with one delay for the whole projection.
 *
 * <p>Slot {@code m % slots} of the ring holds the list of the neurons that spiked in step m
 * ({@code ring[slot * size + s]}, {@code s < ringCount[slot]}); {@code slots > max}, so a step's list
 * is there until its longest delay has passed. The engine stores each step's spikes there after the
 * pre group updates.
 */
public final class SynapseDelays {

    /** The pre group's spikes of the last step, before any delay (what a delay of 0 delivers). */
    public final SpikeBuffer spikes;
    /** Each synapse's delay in steps of dt, in connectivity order, in [{@link #min}, {@link #max}]. */
    public final short[] steps;
    /** The shortest delay, in steps. */
    public final int min;
    /** The longest delay, in steps. */
    public final int max;
    /** The spike lists of the last {@link #slots} steps. */
    public final int[] ring;
    /** The length of each slot's list. */
    public final int[] ringCount;
    /** The number of slots, more than {@link #max}. */
    public final int slots;
    /** The step counter: {@code clock[0]} is the step being run. */
    public final int[] clock;

    /**
     * Takes the delays and the ring the engine keeps for them.
     *
     * @param spikes    the pre group's undelayed spikes
     * @param steps     each synapse's delay in steps, connectivity order
     * @param ring      spike lists, {@code slots} of {@code spikes.size()} entries
     * @param ringCount list lengths, one per slot
     * @param clock     the step counter
     */
    public SynapseDelays(SpikeBuffer spikes, short[] steps, int[] ring, int[] ringCount, int[] clock) {
        this.spikes = spikes;
        this.steps = steps;
        int lo = Integer.MAX_VALUE;
        int hi = 0;
        for (short s : steps) {
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
        }
        this.min = steps.length == 0 ? 0 : lo;
        this.max = hi;
        this.ring = ring;
        this.ringCount = ringCount;
        this.slots = ringCount.length;
        this.clock = clock;
        if (slots <= max || ring.length != (long) slots * spikes.size()) {
            throw new IllegalArgumentException("a ring of " + slots + " slots cannot hold delays of " + max + " steps");
        }
    }

    /** {@return the pre group size} */
    public int preSize() {
        return spikes.size();
    }
}
