package io.spikeforge.core.sim;

import io.spikeforge.spi.SpikeBuffer;

/**
 * A group that emits spikes: a neuron population or a spike-source input.
 *
 * @param name       unique name
 * @param size       number of neurons
 * @param spikes     this step's spikes
 * @param current    input current in nA (null for a spike source)
 * @param v          membrane potential in mV (null for a spike source)
 * @param spikeTotal a one-element running count of all spikes
 * @param spikeCounts spikes per neuron so far
 * @param source     whether this is a spike-source input
 */
public record Group(String name, int size, SpikeBuffer spikes, float[] current, float[] v, long[] spikeTotal,
                    int[] spikeCounts, boolean source) {
}
