package io.spikeforge.plugins.connectivity;

import io.spikeforge.kernels.CsrKernels;
import io.spikeforge.kernels.CsrKernelsCalls;
import io.spikeforge.kernels.LearningKernelsCalls;
import io.spikeforge.kernels.SoftBoundKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.DelayedRows;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.SpikeBuffer;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.SynapseDelays;

import java.util.List;

/**
 * BrainPy's {@code EventCSRLinear} (event-driven: work proportional to spikes x fan-out) and
 * {@code CSRLinear} (a sparse matrix-vector product over every synapse each step). Both give the
 * same floats: every post neuron sums its inputs in ascending pre order.
 */
final class CsrComm implements CommModel {

    private final boolean eventDriven;

    CsrComm(boolean eventDriven) {
        this.eventDriven = eventDriven;
    }

    @Override
    public String name() {
        return eventDriven ? "EventCSRLinear" : "CSRLinear";
    }

    @Override
    public String description() {
        return eventDriven
                ? "sparse weights in CSR form, event-driven: each step walks only the rows of the neurons that spiked"
                : "sparse weights in CSR form, multiplied with the spike vector over every synapse each step";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public boolean supportsPlasticity() {
        return true;
    }

    @Override
    public boolean supportsSynapseDelays() {
        return true;
    }

    @Override
    public String integration() {
        return "STDP updates: rows through the CSR, columns through a CSC permutation index built only when"
                + " plasticity asks for it; with per-synapse delays both deliver event-driven through each row's"
                + " synapses sorted by delay, from a ring of past spikes (the same floats in both)";
    }

    /** Keeps the weights it is handed; the column index (CSC) costs two ints per synapse. */
    @Override
    public long estimateBytes(Params p, int preSize, int postSize, long synapses) {
        // CSRLinear always walks the column index; EventCSRLinear builds it only for plasticity, which the
        // engine's estimate counts itself.
        return eventDriven ? 0 : 8L * synapses + 4L * (postSize + 1L);
    }

    @Override
    public Comm create(Params p, BuildContext ctx, Connectivity conn, float[] weights) {
        return new Csr(ctx.owner(), conn, weights, eventDriven);
    }

    /** Package-private: {@link OneToOneComm} runs its plasticity (and its sliced propagation) through it. */
    static final class Csr implements Comm {
        private final Connectivity conn;
        private final int[] rowPtr;
        private final int[] cols;
        private final float[] w;
        private final boolean eventDriven;
        private int[][] csc;
        private int[] colRows;
        /**
         * Set by the first task that writes weights (a plasticity rule's): then they may differ. While it is
         * unset and every synapse has one weight, propagation reads no weight array. The engine keeps a
         * static projection's weights as its config made them (a checkpoint that holds others is refused),
         * so that choice holds for a run.
         */
        private boolean plastic;
        /** Each row's synapses in (delay, post) order, built when per-synapse delays ask for it. */
        private DelayIndex delayIndex;

        Csr(String owner, Connectivity conn, float[] w, boolean eventDriven) {
            this.conn = conn;
            this.rowPtr = conn.rowPtr();
            this.cols = conn.cols();
            this.w = w;
            this.eventDriven = eventDriven;
        }

        /** The column index: {colPtr, perm} plus the pre index of each column entry. */
        private void ensureCsc() {
            if (csc == null) {
                csc = conn.columnIndex();
                int[] rows = conn.rowsOfSynapses();
                int[] perm = csc[1];
                colRows = new int[perm.length];
                for (int c = 0; c < perm.length; c++) {
                    colRows[c] = rows[perm[c]];
                }
            }
        }

        @Override
        public int synapses() {
            return w.length;
        }

        @Override
        public Connectivity connectivity() {
            return conn;
        }

        @Override
        public void copyWeights(float[] out) {
            System.arraycopy(w, 0, out, 0, w.length);
        }

        @Override
        public float weight(int k) {
            return w[k];
        }

        @Override
        public float[] liveWeights() {
            return w;
        }

        @Override
        public float[] writableWeights() {
            weightsWillChange();
            return w;
        }

        @Override
        public StepTask propagateSpikes(String name, SpikeBuffer pre, float[] target) {
            if (!eventDriven) {
                int[] flags = pre.flags;
                ensureCsc();
                int[] colPtr = csc[0];
                int[] perm = csc[1];
                return StepTask.of(name + ".CSRLinear.spmv", target.length, CsrKernelsCalls.gatherSpikes(colPtr, perm,
                        colRows, w, flags, target));
            }
            // Receives the kernel's read-ahead values, which nothing reads (threads may race on it harmlessly).
            int[] sink = new int[1];
            // Chosen once the network is complete: a rule made after this task may still change the weights.
            return StepTask.deferred(name + ".EventCSRLinear.propagate", target.length, () -> {
                if (!plastic && allEqual(w)) {
                    float weight = w.length > 0 ? w[0] : 0f;
                    return CsrKernelsCalls.propagateSpikesUniform(rowPtr, cols, weight, pre.list, pre.count, target,
                            sink);
                }
                return CsrKernelsCalls.propagateSpikes(rowPtr, cols, w, pre.list, pre.count, target, sink);
            });
        }

        /** Bit for bit, so that -0 and 0 count as different weights (they add differently to -0). */
        private static boolean allEqual(float[] w) {
            if (w.length == 0) {
                return true;
            }
            int first = Float.floatToRawIntBits(w[0]);
            for (float x : w) {
                if (Float.floatToRawIntBits(x) != first) {
                    return false;
                }
            }
            return true;
        }

        /** Called by every method that makes a task writing weights. */
        private void weightsWillChange() {
            plastic = true;
        }

        @Override
        public StepTask propagateValues(String name, float[] values, float[] target) {
            int preSize = conn.preSize();
            return StepTask.of(name + "." + (eventDriven ? "EventCSRLinear" : "CSRLinear") + ".propagate_values",
                            target.length, CsrKernelsCalls.propagateValues(rowPtr, cols, w, values, preSize, target));
        }

        @Override
        public StepTask updateRows(String name, SpikeBuffer pre, float[] postValues, float factor, float wMin,
                                   float wMax) {
            weightsWillChange();
            return StepTask.of(name + ".rows", conn.postSize(), CsrKernelsCalls.updateRows(rowPtr, cols, w, pre.list,
                    pre.count, postValues, factor, wMin, wMax));
        }

        @Override
        public StepTask updateColumns(String name, SpikeBuffer post, float[] preValues, float factor, float wMin,
                                      float wMax) {
            weightsWillChange();
            ensureCsc();
            int[] colPtr = csc[0];
            int[] perm = csc[1];
            int[] rows = colRows;
            return StepTask.of(name + ".columns", conn.postSize(), CsrKernelsCalls.updateColumns(colPtr, perm, rows, w,
                    post.list, post.count, preValues, factor, wMin, wMax));
        }

        @Override
        public StepTask updateRowsPerSynapse(String name, SpikeBuffer pre, float[] postValues, float[] factor,
                                             float[] wMin, float[] wMax) {
            weightsWillChange();
            return StepTask.of(name + ".rows", conn.postSize(), CsrKernelsCalls.updateRowsPerSynapse(rowPtr, cols, w,
                    pre.list, pre.count, postValues, factor, wMin, wMax));
        }

        @Override
        public StepTask updateColumnsPerSynapse(String name, SpikeBuffer post, float[] preValues, float[] factor,
                                                float[] wMin, float[] wMax) {
            weightsWillChange();
            ensureCsc();
            int[] colPtr = csc[0];
            int[] perm = csc[1];
            int[] rows = colRows;
            return StepTask.of(name + ".columns", conn.postSize(), CsrKernelsCalls.updateColumnsPerSynapse(colPtr,
                    perm, rows, w, post.list, post.count, preValues, factor, wMin, wMax));
        }

        @Override
        public StepTask updateRowsOffsetPerSynapse(String name, SpikeBuffer pre, float[] postValues, float[] offset,
                                                   float[] factor, float[] wMin, float[] wMax) {
            weightsWillChange();
            return StepTask.of(name + ".rows", conn.postSize(), CsrKernelsCalls.updateRowsOffsetPerSynapse(rowPtr,
                    cols, w, pre.list, pre.count, postValues, offset, factor, wMin, wMax));
        }

        @Override
        public StepTask updateColumnsOffsetPerSynapse(String name, SpikeBuffer post, float[] preValues,
                                                      float[] offset, float[] factor, float[] wMin, float[] wMax) {
            weightsWillChange();
            ensureCsc();
            int[] colPtr = csc[0];
            int[] perm = csc[1];
            int[] rows = colRows;
            return StepTask.of(name + ".columns", conn.postSize(), CsrKernelsCalls.updateColumnsOffsetPerSynapse(
                    colPtr, perm, rows, w, post.list, post.count, preValues, offset, factor, wMin, wMax));
        }

        @Override
        public StepTask updateRows(String name, SpikeBuffer pre, float[] preScale, float[] postValues, float factor,
                                   float wMin, float wMax) {
            weightsWillChange();
            return StepTask.of(name + ".rows", conn.postSize(), CsrKernelsCalls.updateRowsScaled(rowPtr, cols, w,
                    pre.list, pre.count, preScale, postValues, factor, wMin, wMax));
        }

        @Override
        public StepTask updateColumns(String name, SpikeBuffer post, float[] preValues, float[] postScale,
                                      float factor, float wMin, float wMax) {
            weightsWillChange();
            ensureCsc();
            int[] colPtr = csc[0];
            int[] perm = csc[1];
            int[] rows = colRows;
            return StepTask.of(name + ".columns", conn.postSize(), CsrKernelsCalls.updateColumnsScaled(colPtr, perm,
                    rows, w, post.list, post.count, preValues, postScale, factor, wMin, wMax));
        }

        @Override
        public StepTask updateRowsSoftBound(String name, SpikeBuffer pre, float[] postValues, float factor, float ref,
                                            float unit, float mu, float wMin, float wMax) {
            weightsWillChange();
            return StepTask.of(name + ".rows", conn.postSize(), SoftBoundKernelsCalls.csrRows(rowPtr, cols, w,
                    pre.list, pre.count, postValues, factor, ref, 1f / unit, mu, wMin, wMax));
        }

        @Override
        public StepTask updateColumnsSoftBound(String name, SpikeBuffer post, float[] preValues, float factor,
                                               float ref, float unit, float mu, float wMin, float wMax) {
            weightsWillChange();
            ensureCsc();
            return StepTask.of(name + ".columns", conn.postSize(), SoftBoundKernelsCalls.csrColumns(csc[0], csc[1],
                    colRows, w, post.list, post.count, preValues, factor, ref, 1f / unit, mu, wMin, wMax));
        }

        @Override
        public StepTask updateRowsSoftBoundPerSynapse(String name, SpikeBuffer pre, float[] postValues,
                                                      float[] factor, float[] ref, float[] unit, float[] mu,
                                                      float[] wMin, float[] wMax) {
            weightsWillChange();
            return StepTask.of(name + ".rows", conn.postSize(), SoftBoundKernelsCalls.csrRowsPerSynapse(rowPtr, cols,
                    w, pre.list, pre.count, postValues, factor, ref, inverses(unit), mu, wMin, wMax));
        }

        @Override
        public StepTask updateColumnsSoftBoundPerSynapse(String name, SpikeBuffer post, float[] preValues,
                                                         float[] factor, float[] ref, float[] unit, float[] mu,
                                                         float[] wMin, float[] wMax) {
            weightsWillChange();
            ensureCsc();
            return StepTask.of(name + ".columns", conn.postSize(), SoftBoundKernelsCalls.csrColumnsPerSynapse(csc[0],
                    csc[1], colRows, w, post.list, post.count, preValues, factor, ref, inverses(unit), mu, wMin,
                    wMax));
        }

        @Override
        public StepTask updateRowsTripletPerSynapse(String name, SpikeBuffer pre, float[] preSlow, float[] postValues,
                                                    float factor, float[] pair, float[] triplet, float[] wMin,
                                                    float[] wMax) {
            weightsWillChange();
            return StepTask.of(name + ".rows", conn.postSize(), LearningKernelsCalls.tripletCsrRows(rowPtr, cols, w,
                    pre.list, pre.count, preSlow, postValues, factor, pair, triplet, wMin, wMax));
        }

        @Override
        public StepTask updateColumnsTripletPerSynapse(String name, SpikeBuffer post, float[] preValues,
                                                       float[] postSlow, float factor, float[] pair, float[] triplet,
                                                       float[] wMin, float[] wMax) {
            weightsWillChange();
            ensureCsc();
            return StepTask.of(name + ".columns", conn.postSize(), LearningKernelsCalls.tripletCsrColumns(csc[0],
                    csc[1], colRows, w, post.list, post.count, preValues, postSlow, factor, pair, triplet, wMin,
                    wMax));
        }

        @Override
        public StepTask updateSynapses(String name, float[] values, float[] factor, float wMin, float wMax) {
            weightsWillChange();
            return StepTask.of(name + ".synapses", w.length, CsrKernelsCalls.updateSynapses(w, values, factor, wMin,
                    wMax));
        }

        @Override
        public StepTask updateSynapsesPerSynapse(String name, float[] values, float[] factor, float[] scale,
                                                 float[] wMin, float[] wMax) {
            weightsWillChange();
            return StepTask.of(name + ".synapses", w.length, LearningKernelsCalls.rewardCsrPerSynapse(w, values,
                    factor, scale, wMin, wMax));
        }

        @Override
        public DelayedRows delayedRows(SynapseDelays arrival) {
            return delayIndex(arrival).rows(w);
        }

        private DelayIndex delayIndex(SynapseDelays arrival) {
            if (delayIndex == null) {
                delayIndex = new DelayIndex(conn, arrival, null);
            } else if (!delayIndex.isFor(arrival)) {
                throw new IllegalStateException("one comm, one set of delays");
            }
            return delayIndex;
        }

        @Override
        public StepTask updateRowsPerSynapse(String name, SynapseDelays arrival, float[] postValues, float[] factor,
                                             float[] wMin, float[] wMax) {
            weightsWillChange();
            return delayIndex(arrival).updateRowsPerSynapse(name + ".rows", w, postValues, factor, wMin, wMax);
        }

        @Override
        public StepTask updateColumnsPerSynapse(String name, SpikeBuffer post, SynapseDelays arrival,
                                                float[] preHistory, float[] factor, float[] wMin, float[] wMax) {
            weightsWillChange();
            return delayIndex(arrival).updateColumnsPerSynapse(name + ".columns", w, post, preHistory, factor, wMin,
                    wMax);
        }

        @Override
        public StepTask propagateSpikes(String name, SynapseDelays arrival, float[] target) {
            return delayIndex(arrival).propagate(name + "." + (eventDriven ? "EventCSRLinear" : "CSRLinear")
                    + ".propagate_delayed", w, target);
        }

        @Override
        public StepTask updateRows(String name, SynapseDelays arrival, float[] postValues, float factor, float wMin,
                                   float wMax) {
            weightsWillChange();
            return delayIndex(arrival).updateRows(name + ".rows", w, postValues, factor, wMin, wMax);
        }

        @Override
        public StepTask updateColumns(String name, SpikeBuffer post, SynapseDelays arrival, float[] preHistory,
                                      float factor, float wMin, float wMax) {
            weightsWillChange();
            return delayIndex(arrival).updateColumns(name + ".columns", w, post, preHistory, factor, wMin, wMax);
        }
    }

    /** @return 1f / unit[k] for each k, as the scalar soft-bound form passes {@code 1f / unit} */
    static float[] inverses(float[] unit) {
        float[] out = new float[unit.length];
        for (int k = 0; k < unit.length; k++) {
            out[k] = 1f / unit[k];
        }
        return out;
    }
}
