package io.spikeforge.kernels;

import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.Local;
import io.spikeforge.spi.Read;
import io.spikeforge.spi.Write;

/**
 * Propagation and STDP through synapses that each have their own axonal delay. Synapse k of pre
 * neuron i, with delay d_k steps, receives in step n the spike that i emitted in step n - 1 - d_k.
 *
 * <p>The spikes of the last steps lie in a ring (slot {@code m % slots} holds the list of step m,
 * see {@link SpikeKernels#pushRing}). Each row's synapses are indexed in (delay, post) order:
 * {@code segDelay[p]}, {@code segCols[p]} and {@code segCell[p]} (the synapse's place in the weight
 * array) for p in [rowPtr[i], rowPtr[i + 1]). In step n, for each delay d from the shortest to the
 * longest, each neuron that spiked in step n - 1 - d delivers through its synapses of delay d. A post
 * neuron thus receives its inputs in (delay, pre) order whatever the number of threads; item ranges
 * are post ranges as in {@link CsrKernels}. With one delay for all synapses that is the order of
 * {@link CsrKernels#propagateSpikes}.
 *
 * <p>Where it costs at most an int per synapse ({@code preSize * (maxDelay - minDelay + 1)} entries,
 * no more than the synapses), {@code segPtr[i * nd + (d - minDelay)]} holds where row i's synapses of
 * delay d start (and the next entry where they end), so a spike finds its synapses of each delay in
 * one read; otherwise {@code segPtr} is empty and the row is searched ({@link #delayBound}).
 */
public final class DelayKernels {

    /** The kind of {@link #rows} that propagates: target[j] += w[cell]; the others are {@link WeightUpdates}' kinds. */
    private static final int DELIVER = -1;

    private DelayKernels() {
    }

    /**
     * First p in [start, end) with delay[p] &gt;= d (end when none), delays ascending in
     * [minDelay, minDelay + 1 / perStep): it starts where d would lie if they were spread evenly
     * ({@code perStep} is 1 / (maxDelay - minDelay + 1)) and walks from there; the guess only saves
     * steps of the walk, so its float rounding cannot change the result.
     */
    public static int delayBound(short[] delay, int start, int end, int d, int minDelay, float perStep) {
        int p = start + (int) ((end - start) * ((d - minDelay) * perStep));
        p = Math.min(Math.max(p, start), end);
        while (p > start && delay[p - 1] >= d) {
            p--;
        }
        while (p < end && delay[p] < d) {
            p++;
        }
        return p;
    }

    /** First p in [start, end) with delay[p] != d: the end of the run of delay d that starts at start. */
    public static int runEnd(short[] delay, int start, int end, int d) {
        int p = start;
        while (p < end && delay[p] == d) {
            p++;
        }
        return p;
    }

    /**
     * In step n = clock[0]: for each delay d in [minDelay, maxDelay] and each neuron i that spiked in
     * step n - 1 - d, target[j] += w[cell] for i's synapses (i, j) of delay d with j in [from, to).
     */
    @Kernel
    public static void propagate(int from, int to, @Read int[] rowPtr, @Read int[] segPtr, @Read short[] segDelay,
                                 @Read int[] segCols,
                                 @Read int[] segCell, @Read float[] w, @Read int[] ring, @Read int[] ringCount,
                                 int slots, int size, int minDelay, int maxDelay, @Read int[] clock,
                                 @Write @Local float[] target) {
        rows(DELIVER, from, to, rowPtr, segPtr, segDelay, segCols, segCell, w, ring, ringCount, slots, size, minDelay,
                maxDelay, clock, target, 0f, 0f, 0f, w, w, w);
    }

    /**
     * Plasticity on arriving pre spikes, each at its own synapse's delay: in step n, for each synapse
     * (i, j) of delay d whose pre neuron spiked in step n - 1 - d, with j in [from, to):
     * w = clip(w + factor * postValues[j], wMin, wMax).
     */
    @Kernel
    public static void updateRows(int from, int to, @Read int[] rowPtr, @Read int[] segPtr, @Read short[] segDelay,
                                  @Read int[] segCols,
                                  @Read int[] segCell, @Write float[] w, @Read int[] ring, @Read int[] ringCount,
                                  int slots, int size, int minDelay, int maxDelay, @Read int[] clock,
                                  @Read float[] postValues, float factor, float wMin, float wMax) {
        rows(WeightUpdates.UNIFORM, from, to, rowPtr, segPtr, segDelay, segCols, segCell, w, ring, ringCount, slots,
                size, minDelay, maxDelay, clock, postValues, factor, wMin, wMax, w, w, w);
    }

    /**
     * Plasticity on post spikes with a pre value as each synapse sees it, its own delay late: in step
     * n, for each spiking post j in [from, to) and each synapse (i, j) of delay d (column entry c):
     * w = clip(w + factor * x_i(n - d), wMin, wMax), where x_i(m) = history[(m % slots) * preSize + i]
     * is the value the pre neuron's trace had in step m (0 before step 0).
     */
    @Kernel
    public static void updateColumns(int from, int to, @Read int[] colPtr, @Read int[] colCell, @Read int[] colRows,
                                     @Read short[] colDelay, @Write float[] w, @Read int[] spikeList,
                                     @Read int[] spikeCount, @Read float[] history, int slots, int preSize,
                                     @Read int[] clock, float factor, float wMin, float wMax) {
        columns(WeightUpdates.UNIFORM, from, to, colPtr, colCell, colRows, colDelay, w, spikeList, spikeCount, history,
                slots, preSize, clock, factor, wMin, wMax, w, w, w);
    }

    /**
     * {@link #updateRows} with a factor and bounds per synapse, in the weight array's layout (cell c):
     * w[c] = clip(w[c] + factor[c] * postValues[j], wMin[c], wMax[c]).
     */
    @Kernel
    public static void updateRowsPerSynapse(int from, int to, @Read int[] rowPtr, @Read int[] segPtr, @Read short[] segDelay,
                                  @Read int[] segCols,
                                  @Read int[] segCell, @Write float[] w, @Read int[] ring, @Read int[] ringCount,
                                  int slots, int size, int minDelay, int maxDelay, @Read int[] clock,
                                  @Read float[] postValues, @Read float[] factor, @Read float[] wMin,
                                            @Read float[] wMax) {
        rows(WeightUpdates.PER_SYNAPSE, from, to, rowPtr, segPtr, segDelay, segCols, segCell, w, ring, ringCount,
                slots, size, minDelay, maxDelay, clock, postValues, 0f, 0f, 0f, factor, wMin, wMax);
    }

    /**
     * {@link #updateColumns} with a factor and bounds per synapse, in the weight array's layout:
     * w[cell] = clip(w[cell] + factor[cell] * x_i(n - d), wMin[cell], wMax[cell]).
     */
    @Kernel
    public static void updateColumnsPerSynapse(int from, int to, @Read int[] colPtr, @Read int[] colCell, @Read int[] colRows,
                                     @Read short[] colDelay, @Write float[] w, @Read int[] spikeList,
                                     @Read int[] spikeCount, @Read float[] history, int slots, int preSize,
                                     @Read int[] clock, @Read float[] factor, @Read float[] wMin,
                                               @Read float[] wMax) {
        columns(WeightUpdates.PER_SYNAPSE, from, to, colPtr, colCell, colRows, colDelay, w, spikeList, spikeCount,
                history, slots, preSize, clock, 0f, 0f, 0f, factor, wMin, wMax);
    }

    /**
     * The first synapse of row {@code row} with delay {@code d} (steps): from the per-delay segment index
     * {@code segPtr} where the comm keeps one, else searched in the row's synapses sorted by delay.
     */
    public static int segmentStart(int row, int d, int[] rowPtr, int[] segPtr, short[] segDelay, int minDelay,
                                   int maxDelay, float perStep) {
        if (segPtr.length > 0) {
            return segPtr[row * (maxDelay - minDelay + 1) + (d - minDelay)];
        }
        return delayBound(segDelay, rowPtr[row], rowPtr[row + 1], d, minDelay, perStep);
    }

    /** One past the last synapse of row {@code row} with delay {@code d}, the run that starts at {@code start}. */
    public static int segmentEnd(int row, int d, int start, int[] rowPtr, int[] segPtr, short[] segDelay, int minDelay,
                                 int maxDelay) {
        if (segPtr.length > 0) {
            return segPtr[row * (maxDelay - minDelay + 1) + (d - minDelay) + 1];
        }
        return runEnd(segDelay, start, rowPtr[row + 1], d);
    }

    /**
     * The walk of {@link #propagate} and {@link #updateRows}, written once: in step n = clock[0], for each
     * delay d from the shortest and each neuron that spiked in step n - 1 - d, its synapses (cell c) of
     * delay d with post j in [from, to): post[j] += w[c] for {@link #DELIVER}, else w[c] =
     * {@link WeightUpdates#update} by post[j] (post holding the post values).
     */
    private static void rows(int kind, int from, int to, int[] rowPtr, int[] segPtr, short[] segDelay, int[] segCols,
                             int[] segCell, float[] w, int[] ring, int[] ringCount, int slots, int size, int minDelay,
                             int maxDelay, int[] clock, float[] post, float factor, float wMin, float wMax, float[] a,
                             float[] lo, float[] hi) {
        int span = post.length;
        float perStep = 1f / (maxDelay - minDelay + 1);
        int first = clock[0] - 1 - minDelay;
        int slot = first < 0 ? 0 : first % slots;
        for (int d = minDelay; d <= maxDelay && first - (d - minDelay) >= 0; d++) {
            int n = ringCount[slot];
            int base = slot * size;
            for (int s = 0; s < n; s++) {
                int row = ring[base + s];
                int start = segmentStart(row, d, rowPtr, segPtr, segDelay, minDelay, maxDelay, perStep);
                int end = segmentEnd(row, d, start, rowPtr, segPtr, segDelay, minDelay, maxDelay);
                int k = from == 0 ? start : CsrKernels.lowerBound(segCols, start, end, from, span);
                for (; k < end; k++) {
                    int j = segCols[k];
                    if (j >= to) {
                        break;
                    }
                    int c = segCell[k];
                    if (kind == DELIVER) {
                        post[j] += w[c];
                    } else {
                        w[c] = WeightUpdates.update(kind, w[c], post[j], c, row, factor, wMin, wMax, 0f, 1f, 0f, post,
                                a, post, post, post, lo, hi);
                    }
                }
            }
            // The step one earlier: the slot before, wrapping round.
            slot = slot == 0 ? slots - 1 : slot - 1;
        }
    }

    /** The walk of {@link #updateColumns}, written once: w[cell] = {@link WeightUpdates#update} by x_i(n - d). */
    private static void columns(int kind, int from, int to, int[] colPtr, int[] colCell, int[] colRows,
                                short[] colDelay, float[] w, int[] spikeList, int[] spikeCount, float[] history,
                                int slots, int preSize, int[] clock, float factor, float wMin, float wMax, float[] a,
                                float[] lo, float[] hi) {
        int n = spikeCount[0];
        int now = clock[0];
        for (int s = 0; s < n; s++) {
            int j = spikeList[s];
            if (j < from || j >= to) {
                continue;
            }
            for (int c = colPtr[j]; c < colPtr[j + 1]; c++) {
                int step = now - colDelay[c];
                float x = step < 0 ? 0f : history[(step % slots) * preSize + colRows[c]];
                int cell = colCell[c];
                w[cell] = WeightUpdates.update(kind, w[cell], x, cell, j, factor, wMin, wMax, 0f, 1f, 0f, history, a,
                        history, history, history, lo, hi);
            }
        }
    }

    /** history[(clock[0] % slots) * size + i] = x[i] for i in [from, to): this step's trace, kept for the delays. */
    @Kernel
    public static void keep(int from, int to, @Read @Local float[] x, @Write float[] history, int slots,
                            @Read int[] clock) {
        int base = (clock[0] % slots) * x.length;
        for (int i = from; i < to; i++) {
            history[base + i] = x[i];
        }
    }
}
