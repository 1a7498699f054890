package io.spikeforge.kernels;

import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.Local;
import io.spikeforge.spi.Read;
import io.spikeforge.spi.Write;

/**
 * Dense weight matrices, row-major {@code w[i * postSize + j]}. Item ranges are post ranges, as in
 * {@link CsrKernels}. {@code mask[i * postSize + j] == 0} marks an absent pair whose weight stays 0
 * and which plasticity never touches; an empty mask means every pair is connected.
 */
public final class DenseKernels {

    private DenseKernels() {
    }

    /** For each spiking pre row i, target[j] += w[i, j] for j in [from, to). */
    @Kernel
    public static void propagateSpikes(int from, int to, @Read float[] w, int postSize, @Read int[] spikeList,
                                       @Read int[] spikeCount, @Write @Local float[] target) {
        int n = spikeCount[0];
        for (int s = 0; s < n; s++) {
            int base = spikeList[s] * postSize;
            for (int j = from; j < to; j++) {
                target[j] += w[base + j];
            }
        }
    }

    /** target[j] += sum_i w[i, j] * values[i] for j in [from, to). */
    @Kernel
    public static void propagateValues(int from, int to, @Read float[] w, int postSize, @Read float[] values,
                                       int preSize, @Write @Local float[] target) {
        for (int i = 0; i < preSize; i++) {
            float x = values[i];
            if (x == 0f) {
                continue;
            }
            int base = i * postSize;
            for (int j = from; j < to; j++) {
                target[j] += w[base + j] * x;
            }
        }
    }

    /** Plasticity on pre spikes: w[i, j] = clip(w + factor * postValues[j]) for j in [from, to). */
    @Kernel
    public static void updateRows(int from, int to, @Write float[] w, @Read int[] mask, int postSize,
                                  @Read int[] spikeList, @Read int[] spikeCount, @Read float[] postValues,
                                  float factor, float wMin, float wMax) {
        WeightUpdates.denseRows(WeightUpdates.UNIFORM, from, to, w, mask, postSize, spikeList, spikeCount, postValues,
                factor, wMin, wMax, 0f, 1f, 0f, w, w, w, w, w, w, w);
    }

    /** Plasticity on post spikes: w[i, j] = clip(w + factor * preValues[i]) for spiking j in [from, to). */
    @Kernel
    public static void updateColumns(int from, int to, @Write float[] w, @Read int[] mask, int preSize, int postSize,
                                     @Read int[] spikeList, @Read int[] spikeCount, @Read float[] preValues,
                                     float factor, float wMin, float wMax) {
        WeightUpdates.denseColumns(WeightUpdates.UNIFORM, from, to, w, mask, preSize, postSize, spikeList, spikeCount,
                preValues, factor, wMin, wMax, 0f, 1f, 0f, w, w, w, w, w, w, w);
    }

    /**
     * {@link #updateRows} with a factor and bounds per cell (the matrix's layout, i * postSize + j):
     * w[i, j] = clip(w + factor[i, j] * postValues[j], wMin[i, j], wMax[i, j]) for j in [from, to).
     */
    @Kernel
    public static void updateRowsPerSynapse(int from, int to, @Write float[] w, @Read int[] mask, int postSize,
                                            @Read int[] spikeList, @Read int[] spikeCount, @Read float[] postValues,
                                            @Read float[] factor, @Read float[] wMin, @Read float[] wMax) {
        WeightUpdates.denseRows(WeightUpdates.PER_SYNAPSE, from, to, w, mask, postSize, spikeList, spikeCount,
                postValues, 0f, 0f, 0f, 0f, 1f, 0f, w, factor, w, w, w, wMin, wMax);
    }

    /**
     * {@link #updateColumns} with a factor and bounds per cell: w[i, j] = clip(w + factor[i, j] * preValues[i],
     * wMin[i, j], wMax[i, j]) for spiking j in [from, to).
     */
    @Kernel
    public static void updateColumnsPerSynapse(int from, int to, @Write float[] w, @Read int[] mask, int preSize,
                                               int postSize, @Read int[] spikeList, @Read int[] spikeCount,
                                               @Read float[] preValues, @Read float[] factor, @Read float[] wMin,
                                               @Read float[] wMax) {
        WeightUpdates.denseColumns(WeightUpdates.PER_SYNAPSE, from, to, w, mask, preSize, postSize, spikeList,
                spikeCount, preValues, 0f, 0f, 0f, 0f, 1f, 0f, w, factor, w, w, w, wMin, wMax);
    }

    /**
     * {@link #updateRowsPerSynapse} with an offset per cell subtracted from the post value, the same floats as
     * {@link CsrKernels#updateRowsOffsetPerSynapse}: w[i, j] = clip(w + factor[i, j] * (postValues[j] -
     * offset[i, j]), wMin[i, j], wMax[i, j]) for j in [from, to).
     */
    @Kernel
    public static void updateRowsOffsetPerSynapse(int from, int to, @Write float[] w, @Read int[] mask, int postSize,
                                                  @Read int[] spikeList, @Read int[] spikeCount,
                                                  @Read float[] postValues, @Read float[] offset, @Read float[] factor,
                                                  @Read float[] wMin, @Read float[] wMax) {
        WeightUpdates.denseRows(WeightUpdates.OFFSET_PER_SYNAPSE, from, to, w, mask, postSize, spikeList, spikeCount,
                postValues, 0f, 0f, 0f, 0f, 1f, 0f, w, factor, offset, w, w, wMin, wMax);
    }

    /**
     * The column form of {@link #updateRowsOffsetPerSynapse}: w[i, j] = clip(w + factor[i, j] * (preValues[i] -
     * offset[i, j]), wMin[i, j], wMax[i, j]) for spiking j in [from, to).
     */
    @Kernel
    public static void updateColumnsOffsetPerSynapse(int from, int to, @Write float[] w, @Read int[] mask, int preSize,
                                                     int postSize, @Read int[] spikeList, @Read int[] spikeCount,
                                                     @Read float[] preValues, @Read float[] offset,
                                                     @Read float[] factor, @Read float[] wMin, @Read float[] wMax) {
        WeightUpdates.denseColumns(WeightUpdates.OFFSET_PER_SYNAPSE, from, to, w, mask, preSize, postSize, spikeList,
                spikeCount, preValues, 0f, 0f, 0f, 0f, 1f, 0f, w, factor, offset, w, w, wMin, wMax);
    }

    /**
     * Scaled plasticity on pre spikes: w[i, j] = clip(w + (factor * preScale[i]) * postValues[j]) for
     * j in [from, to), the same floats as {@link CsrKernels#updateRowsScaled}.
     */
    @Kernel
    public static void updateRowsScaled(int from, int to, @Write float[] w, @Read int[] mask, int postSize,
                                        @Read int[] spikeList, @Read int[] spikeCount, @Read float[] preScale,
                                        @Read float[] postValues, float factor, float wMin, float wMax) {
        WeightUpdates.denseRows(WeightUpdates.SCALED, from, to, w, mask, postSize, spikeList, spikeCount, postValues,
                factor, wMin, wMax, 0f, 1f, 0f, preScale, w, w, w, w, w, w);
    }

    /**
     * Scaled plasticity on post spikes: w[i, j] = clip(w + (factor * postScale[j]) * preValues[i]) for
     * spiking j in [from, to), the same floats as {@link CsrKernels#updateColumnsScaled}.
     */
    @Kernel
    public static void updateColumnsScaled(int from, int to, @Write float[] w, @Read int[] mask, int preSize,
                                           int postSize, @Read int[] spikeList, @Read int[] spikeCount,
                                           @Read float[] preValues, @Read float[] postScale, float factor, float wMin,
                                           float wMax) {
        WeightUpdates.denseColumns(WeightUpdates.SCALED, from, to, w, mask, preSize, postSize, spikeList, spikeCount,
                preValues, factor, wMin, wMax, 0f, 1f, 0f, postScale, w, w, w, w, w, w);
    }

    /**
     * Per-synapse plasticity over synapses [from, to), synapse k at w[index[k]]:
     * w = clip(w + factor[0] * values[k]); nothing is touched while factor[0] is 0.
     */
    @Kernel
    public static void updateSynapses(int from, int to, @Write float[] w, @Read @Local int[] index,
                                      @Read @Local float[] values, @Read float[] factor, float wMin, float wMax) {
        float f = factor[0];
        if (f == 0f) {
            return;
        }
        for (int k = from; k < to; k++) {
            int cell = index[k];
            w[cell] = CsrKernels.clip(w[cell] + f * values[k], wMin, wMax);
        }
    }

    /** One-to-one: target[i] += w[i] for spiking i in [from, to). */
    @Kernel
    public static void oneToOne(int from, int to, @Read float[] w, @Read int[] spikeList, @Read int[] spikeCount,
                                @Write @Local float[] target) {
        int n = spikeCount[0];
        for (int s = 0; s < n; s++) {
            int i = spikeList[s];
            if (i >= from && i < to) {
                target[i] += w[i];
            }
        }
    }

    /** One-to-one with values: target[i] += w[i] * values[i] for i in [from, to). */
    @Kernel(elementwise = true)
    public static void oneToOneValues(int from, int to, @Read float[] w, @Read float[] values, @Write float[] target) {
        for (int i = from; i < to; i++) {
            target[i] += w[i] * values[i];
        }
    }
}
