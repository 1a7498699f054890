package io.spikeforge.core.sim;

import io.spikeforge.core.sim.StateRegistry;
import io.spikeforge.kernels.SpikeKernelsCalls;
import io.spikeforge.spi.SpikeBuffer;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.SynapseDelays;

/**
 * The spike history of one group for axonal delays: slot {@code n mod slots} holds the spike list of
 * step n. A projection with a delay of D steps reads, in step n, the spikes of step n - 1 - D (the
 * extra step is the one every spike takes to reach a synapse, as in BrainPy and Brian2).
 */
public final class DelayRing {

    private final int size;
    private final int slots;
    private final int[] ring;
    private final int[] ringCount;

    /**
     * @param size     group size
     * @param maxDelay the longest delay read from this group, in steps (&gt;= 1)
     */
    public DelayRing(int size, int maxDelay) {
        this.size = size;
        this.slots = maxDelay + 1;
        this.ring = new int[Math.multiplyExact(slots, size)];
        this.ringCount = new int[slots];
    }

    /** @return the spike lists, slot {@code s} at {@code [s * size(), (s + 1) * size())} (the live array) */
    public int[] lists() {
        return ring;
    }

    /** @return the length of each slot's list (the live array) */
    public int[] counts() {
        return ringCount;
    }

    /** @return the number of slots: the steps of history kept */
    public int slots() {
        return slots;
    }

    /** @return the group's size */
    public int size() {
        return size;
    }

    /** @return the task that stores this step's spikes, run after the group updated */
    public StepTask push(String group, SpikeBuffer spikes, int[] clock) {
        return StepTask.of(group + ".delay.push", 1, SpikeKernelsCalls.pushRingAt(ring, ringCount, slots, size,
                spikes.list, spikes.count, clock));
    }

    /** @return the task that fills {@code out} with the spikes of step (clock - 1 - delay) */
    public StepTask read(String projection, int delay, SpikeBuffer out, int[] clock) {
        return StepTask.of(projection + ".delay.read", 1, SpikeKernelsCalls.readRingAt(ring, ringCount, slots, size,
                delay, out.flags, out.list, out.count, clock));
    }

    /** @return the per-synapse delays {@code steps} of a projection from this ring's group, read from this ring */
    public SynapseDelays synapseDelays(SpikeBuffer spikes, short[] steps, int[] clock) {
        return new SynapseDelays(spikes, steps, ring, ringCount, clock);
    }

    /**
     * A delay in ms as whole steps of dt: the nearest step, halves rounded up, {@code floor(ms / dt + 0.5)}
     * in double, which is what Brian2 2.5's spike queue computes ({@code (int)(delay / dt + 0.5)}, checked
     * in integration-tests/REFERENCES.md) and NEST's rounding to the nearest step.
     */
    public static long steps(double ms, double dt) {
        return (long) Math.floor(ms / dt + 0.5);
    }

    /** Registers the ring's arrays as state of {@code group}, so that checkpoints save them. */
    public void register(StateRegistry states, String group) {
        states.register(group, "delay_ring", "1", ring);
        states.register(group, "delay_ring_count", "1", ringCount);
    }
}
