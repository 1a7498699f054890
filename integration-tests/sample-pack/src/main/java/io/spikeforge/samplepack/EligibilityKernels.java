package io.spikeforge.samplepack;

import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.Read;
import io.spikeforge.spi.Write;

/**
 * The eligibility trace of reward-modulated STDP, one value per synapse in connectivity order
 * (compressed sparse rows). Spike-driven updates split by post neuron: an item range [from, to) owns
 * the synapses whose post index lies in it, so threads never write the same element.
 */
final class EligibilityKernels {

    private EligibilityKernels() {
    }

    /** e[k] *= decay for synapses [from, to). */
    @Kernel(elementwise = true)
    static void decay(int from, int to, @Write float[] e, float decay) {
        for (int k = from; k < to; k++) {
            e[k] *= decay;
        }
    }

    /**
     * For post neurons j in [from, to): each arriving pre spike i adds {@code -aMinus * postTrace[j]} to
     * e of synapse (i, j); each post spike j adds {@code aPlus * preTrace[i]} to e of every synapse
     * (i, j), through the column index.
     */
    @Kernel
    static void onSpikes(int from, int to, @Read int[] rowPtr, @Read int[] cols, @Write float[] e,
                         @Read int[] preList, @Read int[] preCount, @Read float[] postTrace, float aMinus,
                         @Read int[] colPtr, @Read int[] perm, @Read int[] colRows, @Read int[] postList,
                         @Read int[] postCount, @Read float[] preTrace, float aPlus) {
        int nPre = preCount[0];
        for (int s = 0; s < nPre; s++) {
            int row = preList[s];
            int end = rowPtr[row + 1];
            for (int k = lowerBound(cols, rowPtr[row], end, from); k < end; k++) {
                int j = cols[k];
                if (j >= to) {
                    break;
                }
                e[k] -= aMinus * postTrace[j];
            }
        }
        int nPost = postCount[0];
        for (int s = 0; s < nPost; s++) {
            int j = postList[s];
            if (j < from || j >= to) {
                continue;
            }
            for (int c = colPtr[j]; c < colPtr[j + 1]; c++) {
                e[perm[c]] += aPlus * preTrace[colRows[c]];
            }
        }
    }

    /** First k in [start, end) with cols[k] &gt;= value (end when none); columns ascend within a row. */
    static int lowerBound(int[] cols, int start, int end, int value) {
        int lo = start;
        int hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cols[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Serial, one item: the reward of this step from a per-step schedule (0 after it ends), and the
     * factor the weight update multiplies the eligibility by: eta * R * dt.
     */
    @Kernel(serial = true)
    static void reward(int from, int to, @Read float[] schedule, @Read int[] clock, @Write float[] reward,
                       @Write float[] factor, float etaDt) {
        int step = clock[0];
        float r = step < schedule.length ? schedule[step] : 0f;
        reward[0] = r;
        factor[0] = etaDt * r;
    }
}
