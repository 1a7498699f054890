package io.spikeforge.kernels;

import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.Local;
import io.spikeforge.spi.Read;
import io.spikeforge.spi.Write;

/**
 * Compressed-sparse-row propagation and plasticity. The item range {@code [from, to)} is a range of
 * post neurons: each thread walks every spiking row but touches only the synapses whose post index
 * lies in its range (found by binary search, columns being ascending within a row). Threads thus
 * never write the same element, no atomics are needed, and every post neuron receives its inputs in
 * ascending pre order whatever the number of threads, which keeps results bit-identical.
 * Work is proportional to spikes x fan-out, never to the number of synapses.
 */
public final class CsrKernels {

    private CsrKernels() {
    }

    /**
     * First k in [start, end) with cols[k] &gt;= value (end when none), for columns drawn from
     * [0, span). It starts where value would lie if the row's columns were evenly spread and walks
     * from there: random connectivity puts it within a few entries, and the walk reads neighbouring
     * entries, where a binary search waits on one cache miss after another (it took half the
     * propagation time of a 400k-neuron network split over two threads).
     */
    public static int lowerBound(int[] cols, int start, int end, int value, int span) {
        int k = Math.min(Math.max(evenGuess(start, end, value, span), start), end);
        while (k > start && cols[k - 1] >= value) {
            k--;
        }
        while (k < end && cols[k] < value) {
            k++;
        }
        return k;
    }

    /** Where {@code value} would lie in [start, end) if the columns there were spread evenly over [0, span). */
    public static int evenGuess(int start, int end, int value, int span) {
        return start + (int) ((long) (end - start) * value / Math.max(span, 1));
    }

    /**
     * For each spiking pre row, target[col] += w for its synapses with col in [from, to).
     *
     * <p>Rows of a large network lie in main memory, and a row's end is known only once its pointer
     * arrives, so the walk would wait on two memory round trips per row. It therefore reads ahead:
     * the row pointer eight spikes on and the first synapse four spikes on, so that those rows are in
     * cache when their turn comes (about a third faster with 320k rows). What it read ahead goes to
     * {@code sink[0]}, only so that the compiler keeps the reads.
     */
    @Kernel
    public static void propagateSpikes(int from, int to, @Read int[] rowPtr, @Read int[] cols, @Read float[] w,
                                       @Read int[] spikeList, @Read int[] spikeCount, @Write @Local float[] target,
                                       @Write int[] sink) {
        int n = spikeCount[0];
        int span = target.length;
        int ahead = 0;
        for (int s = 0; s < n; s++) {
            if (s + 8 < n) {
                ahead += rowPtr[spikeList[s + 8]];
            }
            if (s + 4 < n) {
                int r = spikeList[s + 4];
                int p = evenGuess(rowPtr[r], rowPtr[r + 1], from, span);
                if (p < rowPtr[r + 1]) {
                    ahead += cols[p] + (int) w[p];
                }
            }
            int row = spikeList[s];
            int end = rowPtr[row + 1];
            if (from == 0 && to >= span) {
                // The whole row: without the range test the loop runs about 15 % faster.
                for (int k = rowPtr[row]; k < end; k++) {
                    target[cols[k]] += w[k];
                }
                continue;
            }
            int k = from == 0 ? rowPtr[row] : lowerBound(cols, rowPtr[row], end, from, span);
            for (; k < end; k++) {
                int j = cols[k];
                if (j >= to) {
                    break;
                }
                target[j] += w[k];
            }
        }
        sink[0] = ahead;
    }

    /**
     * {@link #propagateSpikes} for a projection whose synapses all have one weight that never changes
     * (BrainPy's homogeneous {@code EventCSRLinear}): target[col] += weight. It reads no weight array,
     * which makes it about a quarter faster on rows in cache, and gives the same floats, since each
     * addition adds the same value. Reads ahead as {@link #propagateSpikes} does. Its loop is its own, not a
     * walk shared with {@link #propagateSpikes}: the JIT would then share one compiled walk between the two
     * (both run in most networks, and in the start-up's warm-up), which would read or test per synapse what
     * each kernel knows at its constant ({@link WeightUpdates}).
     */
    @Kernel
    public static void propagateSpikesUniform(int from, int to, @Read int[] rowPtr, @Read int[] cols, float weight,
                                              @Read int[] spikeList, @Read int[] spikeCount,
                                              @Write @Local float[] target, @Write int[] sink) {
        int n = spikeCount[0];
        int span = target.length;
        int ahead = 0;
        for (int s = 0; s < n; s++) {
            if (s + 8 < n) {
                ahead += rowPtr[spikeList[s + 8]];
            }
            if (s + 4 < n) {
                int r = spikeList[s + 4];
                int p = evenGuess(rowPtr[r], rowPtr[r + 1], from, span);
                if (p < rowPtr[r + 1]) {
                    ahead += cols[p];
                }
            }
            int row = spikeList[s];
            int end = rowPtr[row + 1];
            if (from == 0 && to >= span) {
                for (int k = rowPtr[row]; k < end; k++) {
                    target[cols[k]] += weight;
                }
                continue;
            }
            int k = from == 0 ? rowPtr[row] : lowerBound(cols, rowPtr[row], end, from, span);
            for (; k < end; k++) {
                int j = cols[k];
                if (j >= to) {
                    break;
                }
                target[j] += weight;
            }
        }
        sink[0] = ahead;
    }

    /**
     * The non-event product: target[j] += sum over every synapse (i, j), ascending i, of
     * w * flags[i], for j in [from, to), through the column index. A post neuron thus sees the same
     * sequence of additions as in {@link #propagateSpikes} (plus exact zeros), hence the same float.
     */
    @Kernel
    public static void gatherSpikes(int from, int to, @Read int[] colPtr, @Read int[] perm, @Read int[] colRows,
                                    @Read float[] w, @Read int[] flags, @Write @Local float[] target) {
        for (int j = from; j < to; j++) {
            float acc = target[j];
            for (int c = colPtr[j]; c < colPtr[j + 1]; c++) {
                acc += w[perm[c]] * flags[colRows[c]];
            }
            target[j] = acc;
        }
    }

    /** target[j] += sum_i w_ij * values[i] for j in [from, to), rows with a zero value skipped. */
    @Kernel
    public static void propagateValues(int from, int to, @Read int[] rowPtr, @Read int[] cols, @Read float[] w,
                                       @Read float[] values, int preSize, @Write @Local float[] target) {
        for (int row = 0; row < preSize; row++) {
            float x = values[row];
            if (x == 0f) {
                continue;
            }
            int end = rowPtr[row + 1];
            int k = from == 0 ? rowPtr[row] : lowerBound(cols, rowPtr[row], end, from, target.length);
            for (; k < end; k++) {
                int j = cols[k];
                if (j >= to) {
                    break;
                }
                target[j] += w[k] * x;
            }
        }
    }

    /**
     * Plasticity on pre spikes: for each spiking row i and each synapse (i, j) with j in
     * [from, to): w = clip(w + factor * postValues[j], wMin, wMax).
     */
    @Kernel
    public static void updateRows(int from, int to, @Read int[] rowPtr, @Read int[] cols, @Write float[] w,
                                  @Read int[] spikeList, @Read int[] spikeCount, @Read float[] postValues,
                                  float factor, float wMin, float wMax) {
        WeightUpdates.csrRows(WeightUpdates.UNIFORM, from, to, rowPtr, cols, w, spikeList, spikeCount, postValues,
                factor, wMin, wMax, 0f, 1f, 0f, w, w, w, w, w, w, w);
    }

    /**
     * Plasticity on post spikes, through the column index: for each spiking post j in [from, to)
     * and each synapse (i, j): w = clip(w + factor * preValues[i], wMin, wMax).
     */
    @Kernel
    public static void updateColumns(int from, int to, @Read int[] colPtr, @Read int[] perm, @Read int[] colRows,
                                     @Write float[] w, @Read int[] spikeList, @Read int[] spikeCount,
                                     @Read float[] preValues, float factor, float wMin, float wMax) {
        WeightUpdates.csrColumns(WeightUpdates.UNIFORM, from, to, colPtr, perm, colRows, w, spikeList, spikeCount,
                preValues, factor, wMin, wMax, 0f, 1f, 0f, w, w, w, w, w, w, w);
    }

    /**
     * {@link #updateRows} with a factor and bounds per synapse (connectivity order): for each spiking row i
     * and each synapse k = (i, j) with j in [from, to): w[k] = clip(w[k] + factor[k] * postValues[j],
     * wMin[k], wMax[k]). With every factor[k] and bound equal it gives {@link #updateRows}'s floats.
     */
    @Kernel
    public static void updateRowsPerSynapse(int from, int to, @Read int[] rowPtr, @Read int[] cols, @Write float[] w,
                                            @Read int[] spikeList, @Read int[] spikeCount, @Read float[] postValues,
                                            @Read float[] factor, @Read float[] wMin, @Read float[] wMax) {
        WeightUpdates.csrRows(WeightUpdates.PER_SYNAPSE, from, to, rowPtr, cols, w, spikeList, spikeCount,
                postValues, 0f, 0f, 0f, 0f, 1f, 0f, w, factor, w, w, w, wMin, wMax);
    }

    /**
     * {@link #updateColumns} with a factor and bounds per synapse (connectivity order): for each spiking post
     * j in [from, to) and each synapse k = (i, j): w[k] = clip(w[k] + factor[k] * preValues[i], wMin[k], wMax[k]).
     */
    @Kernel
    public static void updateColumnsPerSynapse(int from, int to, @Read int[] colPtr, @Read int[] perm,
                                               @Read int[] colRows, @Write float[] w, @Read int[] spikeList,
                                               @Read int[] spikeCount, @Read float[] preValues, @Read float[] factor,
                                               @Read float[] wMin, @Read float[] wMax) {
        WeightUpdates.csrColumns(WeightUpdates.PER_SYNAPSE, from, to, colPtr, perm, colRows, w, spikeList,
                spikeCount, preValues, 0f, 0f, 0f, 0f, 1f, 0f, w, factor, w, w, w, wMin, wMax);
    }

    /**
     * {@link #updateRowsPerSynapse} with an offset per synapse subtracted from the post value, for a change
     * {@code eta * (x_post - alpha)} whose alpha varies per synapse: w[k] = clip(w[k] + factor[k] *
     * (postValues[j] - offset[k]), wMin[k], wMax[k]), the same floats as a post factor computed once per neuron
     * as {@code x_post - alpha} when every offset is alpha.
     */
    @Kernel
    public static void updateRowsOffsetPerSynapse(int from, int to, @Read int[] rowPtr, @Read int[] cols,
                                                  @Write float[] w, @Read int[] spikeList, @Read int[] spikeCount,
                                                  @Read float[] postValues, @Read float[] offset, @Read float[] factor,
                                                  @Read float[] wMin, @Read float[] wMax) {
        WeightUpdates.csrRows(WeightUpdates.OFFSET_PER_SYNAPSE, from, to, rowPtr, cols, w, spikeList, spikeCount,
                postValues, 0f, 0f, 0f, 0f, 1f, 0f, w, factor, offset, w, w, wMin, wMax);
    }

    /**
     * The column form of {@link #updateRowsOffsetPerSynapse}: for each spiking post j in [from, to) and each
     * synapse k = (i, j): w[k] = clip(w[k] + factor[k] * (preValues[i] - offset[k]), wMin[k], wMax[k]).
     */
    @Kernel
    public static void updateColumnsOffsetPerSynapse(int from, int to, @Read int[] colPtr, @Read int[] perm,
                                                     @Read int[] colRows, @Write float[] w, @Read int[] spikeList,
                                                     @Read int[] spikeCount, @Read float[] preValues,
                                                     @Read float[] offset, @Read float[] factor, @Read float[] wMin,
                                                     @Read float[] wMax) {
        WeightUpdates.csrColumns(WeightUpdates.OFFSET_PER_SYNAPSE, from, to, colPtr, perm, colRows, w, spikeList,
                spikeCount, preValues, 0f, 0f, 0f, 0f, 1f, 0f, w, factor, offset, w, w, wMin, wMax);
    }

    /**
     * Scaled plasticity on pre spikes: for each spiking row i and each synapse (i, j) with j in
     * [from, to): w = clip(w + (factor * preScale[i]) * postValues[j], wMin, wMax).
     */
    @Kernel
    public static void updateRowsScaled(int from, int to, @Read int[] rowPtr, @Read int[] cols, @Write float[] w,
                                        @Read int[] spikeList, @Read int[] spikeCount, @Read float[] preScale,
                                        @Read float[] postValues, float factor, float wMin, float wMax) {
        WeightUpdates.csrRows(WeightUpdates.SCALED, from, to, rowPtr, cols, w, spikeList, spikeCount, postValues,
                factor, wMin, wMax, 0f, 1f, 0f, preScale, w, w, w, w, w, w);
    }

    /**
     * Scaled plasticity on post spikes, through the column index: for each spiking post j in
     * [from, to) and each synapse (i, j): w = clip(w + (factor * postScale[j]) * preValues[i], wMin, wMax).
     */
    @Kernel
    public static void updateColumnsScaled(int from, int to, @Read int[] colPtr, @Read int[] perm,
                                           @Read int[] colRows, @Write float[] w, @Read int[] spikeList,
                                           @Read int[] spikeCount, @Read float[] preValues, @Read float[] postScale,
                                           float factor, float wMin, float wMax) {
        WeightUpdates.csrColumns(WeightUpdates.SCALED, from, to, colPtr, perm, colRows, w, spikeList, spikeCount,
                preValues, factor, wMin, wMax, 0f, 1f, 0f, postScale, w, w, w, w, w, w);
    }

    /**
     * Per-synapse plasticity over synapses [from, to): w[k] = clip(w[k] + factor[0] * values[k]);
     * nothing is touched while factor[0] is 0.
     */
    @Kernel
    public static void updateSynapses(int from, int to, @Write @Local float[] w, @Read @Local float[] values,
                                      @Read float[] factor, float wMin, float wMax) {
        float f = factor[0];
        if (f == 0f) {
            return;
        }
        for (int k = from; k < to; k++) {
            w[k] = clip(w[k] + f * values[k], wMin, wMax);
        }
    }

    /** Clips to [lo, hi]; infinite bounds leave the value unchanged. */
    public static float clip(float x, float lo, float hi) {
        return x < lo ? lo : (x > hi ? hi : x);
    }
}
