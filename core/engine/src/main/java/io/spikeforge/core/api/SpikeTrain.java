package io.spikeforge.core.api;

import java.util.Arrays;

/**
 * Recorded spikes in the order they happened: spike k was emitted by neuron {@code indices[k]} in the
 * step that starts at {@code timesMs[k]} (step * dt, BrainPy's convention).
 *
 * @param timesMs spike times in ms
 * @param indices the index of the neuron (or source) that spiked
 */
public record SpikeTrain(double[] timesMs, int[] indices) {

    /** @return the number of spikes */
    public int count() {
        return timesMs.length;
    }

    /** @return the spike times of one neuron, in ms */
    public double[] timesOf(int neuron) {
        return java.util.stream.IntStream.range(0, count()).filter(k -> indices[k] == neuron)
                .mapToDouble(k -> timesMs[k]).toArray();
    }

    @Override
    public String toString() {
        return count() + " spikes at " + Arrays.toString(timesMs) + " ms";
    }
}
