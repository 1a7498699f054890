package io.spikeforge.kernels;

/**
 * The weight update of every built-in plasticity kernel, and the walks over a CSR's rows or columns and a
 * dense matrix's rows or columns that apply it, each written once. A kernel is one walk with its
 * {@code kind}: how the walk finds synapse k's factor f and bounds (each kind's equation at its constant),
 * the spiking neuron n being the row's pre neuron or the column's post neuron, and v the other side's
 * value. The update is the additive {@code w = clip(w + f * v, lo, hi)}, or for the soft-bound kinds
 * {@code clip(w + (f * v) * (|w - ref| * invUnit)^mu, lo, hi)} ({@link SoftBoundKernels#change}).
 *
 * <p>Every kernel passes its kind as a constant. TornadoVM inlines every call, so a device kernel runs
 * only its own kind's operations, those it ran before they were shared. HotSpot's C2 inlines a walk into
 * its kernel too, except once the walk has been compiled on its own into more than its inlining limit
 * for compiled code ({@code -XX:InlineSmallCode}); the walk then tests the kind, one predictable compare
 * per synapse, against the several loads per synapse of the walk. That is why the
 * additive kinds test no soft-bound exponent and why the two propagation kernels of {@link CsrKernels},
 * the hottest loops, keep loops of their own. Arrays a kind does not read may be any array (the kernels
 * pass one of their own).
 */
public final class WeightUpdates {

    /** Additive: f = factor, bounds wMin and wMax. */
    public static final int UNIFORM = 0;
    /** f = a[k], bounds lo[k] and hi[k], additive. */
    public static final int PER_SYNAPSE = 1;
    /** f = factor * byNeuron[n] (a trace's scale at the spiking neuron), bounds wMin and wMax, additive. */
    public static final int SCALED = 2;
    /** Triplet STDP: f = factor * (a[k] + b[k] * byNeuron[n]) (pair and triplet amplitudes, slow trace), bounds lo[k], hi[k]. */
    public static final int TRIPLET = 3;
    /** Soft bounds: f = factor, with ref, invUnit and mu, bounds wMin and wMax. */
    public static final int SOFT = 4;
    /** Soft bounds per synapse: f = a[k], ref = b[k], invUnit = c[k], mu = d[k], bounds lo[k], hi[k]. */
    public static final int SOFT_PER_SYNAPSE = 5;
    /** Additive with an offset per synapse: f = a[k], v less b[k] (a change eta (x - alpha)), bounds lo[k], hi[k]. */
    public static final int OFFSET_PER_SYNAPSE = 6;

    private WeightUpdates() {
    }

    /**
     * {@return synapse k's weight w after one update by v} {@code nf} is the walk's factor for the spiking
     * neuron n ({@link #neuronFactor}); see the kinds for where the other coefficients come from.
     */
    public static float update(int kind, float w, float v, int k, int n, float nf, float wMin, float wMax,
                               float ref, float invUnit, float mu, float[] byNeuron, float[] a, float[] b,
                               float[] c, float[] d, float[] lo, float[] hi) {
        if (kind == UNIFORM || kind == SCALED) {
            return CsrKernels.clip(w + nf * v, wMin, wMax);
        }
        if (kind == SOFT) {
            return CsrKernels.clip(SoftBoundKernels.change(w, nf * v, ref, invUnit, mu), wMin, wMax);
        }
        if (kind == PER_SYNAPSE) {
            return CsrKernels.clip(w + a[k] * v, lo[k], hi[k]);
        }
        if (kind == OFFSET_PER_SYNAPSE) {
            return CsrKernels.clip(w + a[k] * (v - b[k]), lo[k], hi[k]);
        }
        if (kind == TRIPLET) {
            float scale = nf * (a[k] + b[k] * byNeuron[n]);
            return CsrKernels.clip(w + scale * v, lo[k], hi[k]);
        }
        return CsrKernels.clip(SoftBoundKernels.change(w, a[k] * v, b[k], c[k], d[k]), lo[k], hi[k]);
    }

    /** {@return the factor the spiking neuron n gives its synapses: factor * byNeuron[n] for {@link #SCALED}, else factor} */
    public static float neuronFactor(int kind, float factor, float[] byNeuron, int n) {
        return kind == SCALED ? factor * byNeuron[n] : factor;
    }

    /**
     * On pre spikes, CSR: for each spiking row i and each synapse k = (i, j) with j in [from, to),
     * w[k] = {@link #update} by postValues[j].
     */
    public static void csrRows(int kind, int from, int to, int[] rowPtr, int[] cols, float[] w, int[] spikeList,
                               int[] spikeCount, float[] postValues, float factor, float wMin, float wMax, float ref,
                               float invUnit, float mu, float[] byNeuron, float[] a, float[] b, float[] c, float[] d,
                               float[] lo, float[] hi) {
        int n = spikeCount[0];
        for (int s = 0; s < n; s++) {
            int row = spikeList[s];
            float nf = neuronFactor(kind, factor, byNeuron, row);
            int end = rowPtr[row + 1];
            int k = from == 0 ? rowPtr[row] : CsrKernels.lowerBound(cols, rowPtr[row], end, from, postValues.length);
            for (; k < end; k++) {
                int j = cols[k];
                if (j >= to) {
                    break;
                }
                w[k] = update(kind, w[k], postValues[j], k, row, nf, wMin, wMax, ref, invUnit, mu, byNeuron, a, b, c,
                        d, lo, hi);
            }
        }
    }

    /**
     * On post spikes, CSR through the column index: for each spiking post j in [from, to) and each synapse
     * k = perm[c] = (i, j), w[k] = {@link #update} by preValues[i].
     */
    public static void csrColumns(int kind, int from, int to, int[] colPtr, int[] perm, int[] colRows, float[] w,
                                  int[] spikeList, int[] spikeCount, float[] preValues, float factor, float wMin,
                                  float wMax, float ref, float invUnit, float mu, float[] byNeuron, float[] a,
                                  float[] b, float[] c, float[] d, float[] lo, float[] hi) {
        int n = spikeCount[0];
        for (int s = 0; s < n; s++) {
            int j = spikeList[s];
            if (j < from || j >= to) {
                continue;
            }
            float nf = neuronFactor(kind, factor, byNeuron, j);
            for (int q = colPtr[j]; q < colPtr[j + 1]; q++) {
                int k = perm[q];
                w[k] = update(kind, w[k], preValues[colRows[q]], k, j, nf, wMin, wMax, ref, invUnit, mu, byNeuron, a,
                        b, c, d, lo, hi);
            }
        }
    }

    /**
     * On pre spikes, dense {@code w[i * postSize + j]} with the mask of {@link DenseKernels}: for each
     * spiking i and connected (i, j), j in [from, to), w = {@link #update} by postValues[j].
     */
    public static void denseRows(int kind, int from, int to, float[] w, int[] mask, int postSize, int[] spikeList,
                                 int[] spikeCount, float[] postValues, float factor, float wMin, float wMax, float ref,
                                 float invUnit, float mu, float[] byNeuron, float[] a, float[] b, float[] c, float[] d,
                                 float[] lo, float[] hi) {
        int n = spikeCount[0];
        boolean all = mask.length == 0;
        for (int s = 0; s < n; s++) {
            int row = spikeList[s];
            float nf = neuronFactor(kind, factor, byNeuron, row);
            int base = row * postSize;
            for (int j = from; j < to; j++) {
                int k = base + j;
                if (all || mask[k] != 0) {
                    w[k] = update(kind, w[k], postValues[j], k, row, nf, wMin, wMax, ref, invUnit, mu, byNeuron, a, b,
                            c, d, lo, hi);
                }
            }
        }
    }

    /** On post spikes, dense: for each spiking j in [from, to) and connected (i, j), w = {@link #update} by preValues[i]. */
    public static void denseColumns(int kind, int from, int to, float[] w, int[] mask, int preSize, int postSize,
                                    int[] spikeList, int[] spikeCount, float[] preValues, float factor, float wMin,
                                    float wMax, float ref, float invUnit, float mu, float[] byNeuron, float[] a,
                                    float[] b, float[] c, float[] d, float[] lo, float[] hi) {
        int n = spikeCount[0];
        boolean all = mask.length == 0;
        for (int s = 0; s < n; s++) {
            int j = spikeList[s];
            if (j < from || j >= to) {
                continue;
            }
            float nf = neuronFactor(kind, factor, byNeuron, j);
            for (int i = 0; i < preSize; i++) {
                int k = i * postSize + j;
                if (all || mask[k] != 0) {
                    w[k] = update(kind, w[k], preValues[i], k, j, nf, wMin, wMax, ref, invUnit, mu, byNeuron, a, b, c,
                            d, lo, hi);
                }
            }
        }
    }
}
