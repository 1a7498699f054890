package io.spikeforge.spi;

/**
 * The index a comm delivers through when its synapses each have their own delay, for a synapse model that
 * walks them itself: each row's synapses in (delay, post) order, entries p in
 * [rowPtr[i], rowPtr[i + 1]) of row i (see {@code io.spikeforge.kernels.DelayKernels}).
 *
 * @param rowPtr   where each pre neuron's entries start, and the end after the last
 * @param segPtr   where row i's entries of delay d start, at {@code i * (max - min + 1) + d - min}, or empty
 *                 (the row is then searched)
 * @param segDelay each entry's delay in steps
 * @param segCols  each entry's post neuron
 * @param segCell  each entry's place in {@code weights}
 * @param segSynapse each entry's synapse index, connectivity order (where its per-synapse state lies)
 * @param weights  the live weights (uS or nA), for reading
 */
public record DelayedRows(int[] rowPtr, int[] segPtr, short[] segDelay, int[] segCols, int[] segCell,
                          int[] segSynapse, float[] weights) {
}
