package io.spikeforge.kernels;

import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.Local;
import io.spikeforge.spi.Read;
import io.spikeforge.spi.Write;

/**
 * The state of the built-in rules beyond a plain trace ({@link PlasticityKernels#trace}): the two
 * traces per side of triplet STDP, and the eligibility trace per synapse of reward-modulated STDP with
 * its reward schedule. Static, allocation-free loops over primitive arrays; each item independent of
 * the others, so any split over threads gives the same floats.
 */
public final class LearningKernels {

    private LearningKernels() {
    }

    /**
     * The two traces of one side of the triplet rule (Pfister and Gerstner 2006). Both decay over the
     * step; {@code scale} takes {@code pairAmp + tripletAmp * slow} with the slow trace as it stands
     * just before a spike of this step (the rule's {@code t - epsilon}); then both gain 1 per spike.
     */
    @Kernel(elementwise = true)
    public static void tripletTraces(int from, int to, @Write float[] fast, @Write float[] slow, @Read int[] flags,
                                     double decayFast, double decaySlow, @Write float[] scale, float pairAmp,
                                     float tripletAmp) {
        for (int i = from; i < to; i++) {
            int spike = flags[i];
            float s = (float) (slow[i] * decaySlow);
            scale[i] = pairAmp + tripletAmp * s;
            fast[i] = (float) (fast[i] * decayFast + spike);
            slow[i] = (float) (slow[i] * decaySlow + spike);
        }
    }

    /** Eligibility decay, e[k] *= decay for synapses [from, to) (dimensionless, once a step). */
    @Kernel(elementwise = true)
    public static void eligibilityDecay(int from, int to, @Write float[] e, float decay) {
        for (int k = from; k < to; k++) {
            e[k] *= decay;
        }
    }

    /**
     * For post neurons j in [from, to), synapses in connectivity (CSR) order: each arriving pre spike i
     * adds {@code -aMinus * postTrace[j]} to e of synapse (i, j); each post spike j adds
     * {@code aPlus * preTrace[i]} to e of every synapse (i, j), through the column index. An item
     * range owns the synapses whose post index lies in it, so threads never write the same element.
     */
    @Kernel
    public static void eligibilitySpikes(int from, int to, @Read int[] rowPtr, @Read int[] cols, @Write float[] e,
                                         @Read int[] preList, @Read int[] preCount, @Read float[] postTrace,
                                         float aMinus, @Read int[] colPtr, @Read int[] perm, @Read int[] colRows,
                                         @Read int[] postList, @Read int[] postCount, @Read float[] preTrace,
                                         float aPlus) {
        eligibilityWalk(false, from, to, rowPtr, cols, e, preList, preCount, postTrace, aMinus, postTrace, colPtr, perm,
                colRows, postList, postCount, preTrace, aPlus, preTrace);
    }

    /**
     * Serial, one item: the reward R of this step from a per-step schedule (0 after it ends), and the
     * factor the weight update multiplies the eligibility by, {@code eta * R * dt} (uS).
     */
    @Kernel(serial = true)
    public static void reward(int from, int to, @Read float[] schedule, @Read int[] clock, @Write float[] reward,
                              @Write float[] factor, float etaDt) {
        int step = clock[0];
        float r = step < schedule.length ? schedule[step] : 0f;
        reward[0] = r;
        factor[0] = etaDt * r;
    }

    // Per-synapse variants of the eligibility kernels: the same equations with each synapse's own factor,
    // chosen only when a rule's parameter varies per synapse, so the kernels above stay as they are.

    /** {@link #eligibilityDecay} with {@code decay[k] = exp(-dt/tau_e[k])} per synapse. */
    @Kernel(elementwise = true)
    public static void eligibilityDecayPerSynapse(int from, int to, @Write float[] e, @Read float[] decay) {
        for (int k = from; k < to; k++) {
            e[k] *= decay[k];
        }
    }

    /** {@link #eligibilitySpikes} with aMinus[k] and aPlus[k] per synapse (connectivity order). */
    @Kernel
    public static void eligibilitySpikesPerSynapse(int from, int to, @Read int[] rowPtr, @Read int[] cols,
                                                   @Write float[] e, @Read int[] preList, @Read int[] preCount,
                                                   @Read float[] postTrace, @Read float[] aMinus, @Read int[] colPtr,
                                                   @Read int[] perm, @Read int[] colRows, @Read int[] postList,
                                                   @Read int[] postCount, @Read float[] preTrace,
                                                   @Read float[] aPlus) {
        eligibilityWalk(true, from, to, rowPtr, cols, e, preList, preCount, postTrace, 0f, aMinus, colPtr, perm,
                colRows, postList, postCount, preTrace, 0f, aPlus);
    }

    /**
     * The walk of {@link #eligibilitySpikes} and {@link #eligibilitySpikesPerSynapse}, written once: with
     * {@code perSynapse} (a constant in each kernel, so it folds away) the amplitudes are aMinusK[k] and
     * aPlusK[k], else aMinus and aPlus.
     */
    private static void eligibilityWalk(boolean perSynapse, int from, int to, int[] rowPtr, int[] cols, float[] e,
                                        int[] preList, int[] preCount, float[] postTrace, float aMinus,
                                        float[] aMinusK, int[] colPtr, int[] perm, int[] colRows, int[] postList,
                                        int[] postCount, float[] preTrace, float aPlus, float[] aPlusK) {
        int nPre = preCount[0];
        for (int s = 0; s < nPre; s++) {
            int row = preList[s];
            int end = rowPtr[row + 1];
            int k = from == 0 ? rowPtr[row] : CsrKernels.lowerBound(cols, rowPtr[row], end, from, postTrace.length);
            for (; k < end; k++) {
                int j = cols[k];
                if (j >= to) {
                    break;
                }
                e[k] -= (perSynapse ? aMinusK[k] : aMinus) * postTrace[j];
            }
        }
        int nPost = postCount[0];
        for (int s = 0; s < nPost; s++) {
            int j = postList[s];
            if (j < from || j >= to) {
                continue;
            }
            for (int c = colPtr[j]; c < colPtr[j + 1]; c++) {
                int k = perm[c];
                e[k] += (perSynapse ? aPlusK[k] : aPlus) * preTrace[colRows[c]];
            }
        }
    }

    // Triplet STDP with its amplitudes per synapse: the pair and triplet terms cannot be folded into one
    // scale per neuron, so the kernels read the slow trace before the spikes and each synapse's amplitudes.

    /**
     * On pre spikes, CSR: for each spiking row i and synapse k = (i, j), j in [from, to):
     * {@code w_k = clip(w_k + (factor * (pair[k] + triplet[k] * slow[i])) * postValues[j], wMin[k], wMax[k])},
     * the operations of {@link #tripletTraces}' scale and {@link CsrKernels#updateRowsScaled}.
     */
    @Kernel
    public static void tripletCsrRows(int from, int to, @Read int[] rowPtr, @Read int[] cols, @Write float[] w,
                                      @Read int[] spikeList, @Read int[] spikeCount, @Read float[] slow,
                                      @Read float[] postValues, float factor, @Read float[] pair,
                                      @Read float[] triplet, @Read float[] wMin, @Read float[] wMax) {
        WeightUpdates.csrRows(WeightUpdates.TRIPLET, from, to, rowPtr, cols, w, spikeList, spikeCount, postValues,
                factor, 0f, 0f, 0f, 1f, 0f, slow, pair, triplet, w, w, wMin, wMax);
    }

    /** The column form of {@link #tripletCsrRows}: for each spiking j in [from, to), by slow[j] and preValues[i]. */
    @Kernel
    public static void tripletCsrColumns(int from, int to, @Read int[] colPtr, @Read int[] perm, @Read int[] colRows,
                                         @Write float[] w, @Read int[] spikeList, @Read int[] spikeCount,
                                         @Read float[] preValues, @Read float[] slow, float factor,
                                         @Read float[] pair, @Read float[] triplet, @Read float[] wMin,
                                         @Read float[] wMax) {
        WeightUpdates.csrColumns(WeightUpdates.TRIPLET, from, to, colPtr, perm, colRows, w, spikeList, spikeCount,
                preValues, factor, 0f, 0f, 0f, 1f, 0f, slow, pair, triplet, w, w, wMin, wMax);
    }

    /** {@link #tripletCsrRows} on a dense matrix with the mask of {@link DenseKernels}, coefficients per cell. */
    @Kernel
    public static void tripletDenseRows(int from, int to, @Write float[] w, @Read int[] mask, int postSize,
                                        @Read int[] spikeList, @Read int[] spikeCount, @Read float[] slow,
                                        @Read float[] postValues, float factor, @Read float[] pair,
                                        @Read float[] triplet, @Read float[] wMin, @Read float[] wMax) {
        WeightUpdates.denseRows(WeightUpdates.TRIPLET, from, to, w, mask, postSize, spikeList, spikeCount, postValues,
                factor, 0f, 0f, 0f, 1f, 0f, slow, pair, triplet, w, w, wMin, wMax);
    }

    /** {@link #tripletCsrColumns} on a dense matrix, coefficients per cell. */
    @Kernel
    public static void tripletDenseColumns(int from, int to, @Write float[] w, @Read int[] mask, int preSize,
                                           int postSize, @Read int[] spikeList, @Read int[] spikeCount,
                                           @Read float[] preValues, @Read float[] slow, float factor,
                                           @Read float[] pair, @Read float[] triplet, @Read float[] wMin,
                                           @Read float[] wMax) {
        WeightUpdates.denseColumns(WeightUpdates.TRIPLET, from, to, w, mask, preSize, postSize, spikeList, spikeCount,
                preValues, factor, 0f, 0f, 0f, 1f, 0f, slow, pair, triplet, w, w, wMin, wMax);
    }

    /**
     * Reward-modulated learning with eta and the bounds per synapse, CSR order, over synapses [from, to):
     * {@code w_k = clip(w_k + (etaDt[k] * reward[0]) * e_k, wMin[k], wMax[k])}, the operations of
     * {@link #reward}'s factor and {@link CsrKernels#updateSynapses}; nothing is touched while the reward is 0.
     */
    @Kernel
    public static void rewardCsrPerSynapse(int from, int to, @Write @Local float[] w, @Read @Local float[] e,
                                           @Read float[] reward, @Read @Local float[] etaDt,
                                           @Read @Local float[] wMin, @Read @Local float[] wMax) {
        float r = reward[0];
        if (r == 0f) {
            return;
        }
        for (int k = from; k < to; k++) {
            w[k] = CsrKernels.clip(w[k] + (etaDt[k] * r) * e[k], wMin[k], wMax[k]);
        }
    }

    /** {@link #rewardCsrPerSynapse} on a dense matrix: synapse k at w[index[k]]. */
    @Kernel
    public static void rewardDensePerSynapse(int from, int to, @Write float[] w, @Read @Local int[] index,
                                             @Read @Local float[] e, @Read float[] reward,
                                             @Read @Local float[] etaDt, @Read @Local float[] wMin,
                                             @Read @Local float[] wMax) {
        float r = reward[0];
        if (r == 0f) {
            return;
        }
        for (int k = from; k < to; k++) {
            int cell = index[k];
            w[cell] = CsrKernels.clip(w[cell] + (etaDt[k] * r) * e[k], wMin[k], wMax[k]);
        }
    }
}
