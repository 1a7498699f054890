package io.spikeforge.kernels;

import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.Read;
import io.spikeforge.spi.Write;

/**
 * Weight-dependent (soft-bound, multiplicative) plasticity: each change is scaled by a power of the
 * weight's distance from a bound, {@code w = clip(w + (factor * v) * (|w - ref| * invUnit)^mu, wMin,
 * wMax)} (van Rossum et al. 2000: mu = 1 towards 0 for depression; Guetig et al. 2003: any mu in
 * [0, 1], towards W_max for potentiation and W_min for depression). With mu = 0 the change is the
 * additive one, float for float. The CSR and dense forms share {@link #change}, so that swapping one
 * comm for the other gives the same weights; item ranges are post ranges as in {@link CsrKernels}.
 */
public final class SoftBoundKernels {

    private SoftBoundKernels() {
    }

    /** {@return w + change * (|w - ref| * invUnit)^mu, with the power skipped for mu = 0 and 1} */
    public static float change(float w, float change, float ref, float invUnit, float mu) {
        if (mu == 0f) {
            return w + change;
        }
        float d = Math.abs(w - ref) * invUnit;
        float dependence = mu == 1f ? d : (float) Math.pow(d, mu);
        return w + change * dependence;
    }

    /** On pre spikes, CSR: for each spiking row i and synapse (i, j), j in [from, to), the soft-bound change by postValues[j]. */
    @Kernel
    public static void csrRows(int from, int to, @Read int[] rowPtr, @Read int[] cols, @Write float[] w,
                               @Read int[] spikeList, @Read int[] spikeCount, @Read float[] postValues, float factor,
                               float ref, float invUnit, float mu, float wMin, float wMax) {
        WeightUpdates.csrRows(WeightUpdates.SOFT, from, to, rowPtr, cols, w, spikeList, spikeCount, postValues,
                factor, wMin, wMax, ref, invUnit, mu, w, w, w, w, w, w, w);
    }

    /** On post spikes, CSR through the column index: for each spiking j in [from, to) and synapse (i, j), the change by preValues[i]. */
    @Kernel
    public static void csrColumns(int from, int to, @Read int[] colPtr, @Read int[] perm, @Read int[] colRows,
                                  @Write float[] w, @Read int[] spikeList, @Read int[] spikeCount,
                                  @Read float[] preValues, float factor, float ref, float invUnit, float mu,
                                  float wMin, float wMax) {
        WeightUpdates.csrColumns(WeightUpdates.SOFT, from, to, colPtr, perm, colRows, w, spikeList, spikeCount,
                preValues, factor, wMin, wMax, ref, invUnit, mu, w, w, w, w, w, w, w);
    }

    /** On pre spikes, dense {@code w[i * postSize + j]} with the mask of {@link DenseKernels}. */
    @Kernel
    public static void denseRows(int from, int to, @Write float[] w, @Read int[] mask, int postSize,
                                 @Read int[] spikeList, @Read int[] spikeCount, @Read float[] postValues, float factor,
                                 float ref, float invUnit, float mu, float wMin, float wMax) {
        WeightUpdates.denseRows(WeightUpdates.SOFT, from, to, w, mask, postSize, spikeList, spikeCount, postValues,
                factor, wMin, wMax, ref, invUnit, mu, w, w, w, w, w, w, w);
    }

    /** On post spikes, dense: for each spiking j in [from, to), every connected (i, j). */
    @Kernel
    public static void denseColumns(int from, int to, @Write float[] w, @Read int[] mask, int preSize, int postSize,
                                    @Read int[] spikeList, @Read int[] spikeCount, @Read float[] preValues,
                                    float factor, float ref, float invUnit, float mu, float wMin, float wMax) {
        WeightUpdates.denseColumns(WeightUpdates.SOFT, from, to, w, mask, preSize, postSize, spikeList, spikeCount,
                preValues, factor, wMin, wMax, ref, invUnit, mu, w, w, w, w, w, w, w);
    }

    // Per-synapse variants: the same change with each synapse's own factor, reference, unit, exponent and
    // bounds (connectivity order for CSR, the matrix's cells for dense), chosen only when a rule's parameter
    // varies per synapse, so the kernels above stay as they are.

    /** {@link #csrRows} with every coefficient per synapse k. */
    @Kernel
    public static void csrRowsPerSynapse(int from, int to, @Read int[] rowPtr, @Read int[] cols, @Write float[] w,
                                         @Read int[] spikeList, @Read int[] spikeCount, @Read float[] postValues,
                                         @Read float[] factor, @Read float[] ref, @Read float[] invUnit,
                                         @Read float[] mu, @Read float[] wMin, @Read float[] wMax) {
        WeightUpdates.csrRows(WeightUpdates.SOFT_PER_SYNAPSE, from, to, rowPtr, cols, w, spikeList, spikeCount,
                postValues, 0f, 0f, 0f, 0f, 1f, 0f, w, factor, ref, invUnit, mu, wMin, wMax);
    }

    /** {@link #csrColumns} with every coefficient per synapse k. */
    @Kernel
    public static void csrColumnsPerSynapse(int from, int to, @Read int[] colPtr, @Read int[] perm,
                                            @Read int[] colRows, @Write float[] w, @Read int[] spikeList,
                                            @Read int[] spikeCount, @Read float[] preValues, @Read float[] factor,
                                            @Read float[] ref, @Read float[] invUnit, @Read float[] mu,
                                            @Read float[] wMin, @Read float[] wMax) {
        WeightUpdates.csrColumns(WeightUpdates.SOFT_PER_SYNAPSE, from, to, colPtr, perm, colRows, w, spikeList,
                spikeCount, preValues, 0f, 0f, 0f, 0f, 1f, 0f, w, factor, ref, invUnit, mu, wMin, wMax);
    }

    /** {@link #denseRows} with every coefficient per cell. */
    @Kernel
    public static void denseRowsPerSynapse(int from, int to, @Write float[] w, @Read int[] mask, int postSize,
                                           @Read int[] spikeList, @Read int[] spikeCount, @Read float[] postValues,
                                           @Read float[] factor, @Read float[] ref, @Read float[] invUnit,
                                           @Read float[] mu, @Read float[] wMin, @Read float[] wMax) {
        WeightUpdates.denseRows(WeightUpdates.SOFT_PER_SYNAPSE, from, to, w, mask, postSize, spikeList, spikeCount,
                postValues, 0f, 0f, 0f, 0f, 1f, 0f, w, factor, ref, invUnit, mu, wMin, wMax);
    }

    /** {@link #denseColumns} with every coefficient per cell. */
    @Kernel
    public static void denseColumnsPerSynapse(int from, int to, @Write float[] w, @Read int[] mask, int preSize,
                                              int postSize, @Read int[] spikeList, @Read int[] spikeCount,
                                              @Read float[] preValues, @Read float[] factor, @Read float[] ref,
                                              @Read float[] invUnit, @Read float[] mu, @Read float[] wMin,
                                              @Read float[] wMax) {
        WeightUpdates.denseColumns(WeightUpdates.SOFT_PER_SYNAPSE, from, to, w, mask, preSize, postSize, spikeList,
                spikeCount, preValues, 0f, 0f, 0f, 0f, 1f, 0f, w, factor, ref, invUnit, mu, wMin, wMax);
    }
}
