package io.spikeforge.plugins.connectivity;

import io.spikeforge.kernels.DenseKernels;
import io.spikeforge.kernels.DenseKernelsCalls;
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
import io.spikeforge.spi.WeightCells;

import java.util.List;

/**
 * BrainPy's {@code Dense}: a full pre x post weight matrix. Pairs the connector leaves out hold weight 0
 * and are masked from plasticity, so swapping a sparse comm for Dense keeps the same network.
 */
final class DenseComm implements CommModel {

    @Override
    public String name() {
        return "Dense";
    }

    @Override
    public String description() {
        return "dense pre x post weight matrix (BrainPy Dense); unconnected pairs are masked";
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
    public String defaultConnector() {
        return "All2All";
    }

    /** Its weights lie in the matrix, each synapse at its own cell ({@code index}). */
    @Override
    public boolean weightsInCells() {
        return true;
    }

    /** The largest array the JVM allocates. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** The matrix, a mask of the same size unless every pair is connected, and one index per synapse. */
    @Override
    public long estimateBytes(Params p, int preSize, int postSize, long synapses) {
        long cells = cells(preSize, postSize);
        return 4L * cells + (synapses < cells ? 4L * cells : 0) + 4L * synapses;
    }

    private static long cells(int preSize, int postSize) {
        long cells = (long) preSize * postSize;
        if (cells > MAX_ARRAY) {
            throw new IllegalArgumentException("a dense " + preSize + " x " + postSize + " matrix holds " + cells
                    + " weights, more than the " + MAX_ARRAY + " elements of the largest Java array;"
                    + " use a sparse comm such as EventCSRLinear");
        }
        return cells;
    }

    @Override
    public Comm create(Params p, BuildContext ctx, Connectivity conn, float[] weights) {
        long cells = cells(conn.preSize(), conn.postSize());
        int post = conn.postSize();
        float[] w = ctx.floats("weight_matrix", (int) cells, 0f);
        int[] index = new int[conn.synapses()];
        int[] rowPtr = conn.rowPtr();
        int[] cols = conn.cols();
        for (int i = 0; i < conn.preSize(); i++) {
            for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                index[k] = i * post + cols[k];
                w[index[k]] = weights[k];
            }
        }
        int[] mask;
        if (conn.synapses() == cells) {
            mask = new int[0];
        } else {
            mask = new int[(int) cells];
            for (int k : index) {
                mask[k] = 1;
            }
        }
        return new Dense(conn, post, w, mask, index, new DelayIndex[1]);
    }

    /** @param delayIndex holds the index of per-synapse delays once they ask for it */
    private record Dense(Connectivity connectivity, int post, float[] w, int[] mask, int[] index,
                         DelayIndex[] delayIndex) implements Comm {

        /** With per-synapse delays the matrix is walked through each row's synapses sorted by delay. */
        private DelayIndex delayIndex(SynapseDelays arrival) {
            if (delayIndex[0] == null) {
                delayIndex[0] = new DelayIndex(connectivity, arrival, index);
            } else if (!delayIndex[0].isFor(arrival)) {
                throw new IllegalStateException("one comm, one set of delays");
            }
            return delayIndex[0];
        }

        @Override
        public WeightCells weightCells() {
            return new WeightCells(w, index);
        }

        @Override
        public DelayedRows delayedRows(SynapseDelays arrival) {
            return delayIndex(arrival).rows(w);
        }

        @Override
        public StepTask propagateSpikes(String name, SynapseDelays arrival, float[] target) {
            return delayIndex(arrival).propagate(name + ".Dense.propagate_delayed", w, target);
        }

        @Override
        public StepTask updateRows(String name, SynapseDelays arrival, float[] postValues, float factor, float wMin,
                                   float wMax) {
            return delayIndex(arrival).updateRows(name + ".rows", w, postValues, factor, wMin, wMax);
        }

        @Override
        public StepTask updateColumns(String name, SpikeBuffer spikes, SynapseDelays arrival, float[] preHistory,
                                      float factor, float wMin, float wMax) {
            return delayIndex(arrival).updateColumns(name + ".columns", w, spikes, preHistory, factor, wMin, wMax);
        }

        @Override
        public StepTask updateRowsPerSynapse(String name, SynapseDelays arrival, float[] postValues, float[] factor,
                                             float[] wMin, float[] wMax) {
            return delayIndex(arrival).updateRowsPerSynapse(name + ".rows", w, postValues, cells(factor), cells(wMin),
                    cells(wMax));
        }

        @Override
        public StepTask updateColumnsPerSynapse(String name, SpikeBuffer spikes, SynapseDelays arrival,
                                                float[] preHistory, float[] factor, float[] wMin, float[] wMax) {
            return delayIndex(arrival).updateColumnsPerSynapse(name + ".columns", w, spikes, preHistory,
                    cells(factor), cells(wMin), cells(wMax));
        }

        private int pre() {
            return connectivity.preSize();
        }

        @Override
        public int synapses() {
            return index.length;
        }

        @Override
        public void copyWeights(float[] out) {
            for (int k = 0; k < index.length; k++) {
                out[k] = w[index[k]];
            }
        }

        @Override
        public float weight(int k) {
            return w[index[k]];
        }

        @Override
        public StepTask propagateSpikes(String name, SpikeBuffer spikes, float[] target) {
            return StepTask.of(name + ".Dense.propagate", post, DenseKernelsCalls.propagateSpikes(w, post, spikes.list,
                    spikes.count, target));
        }

        @Override
        public StepTask propagateValues(String name, float[] values, float[] target) {
            int pre = pre();
            return StepTask.of(name + ".Dense.propagate_values", post, DenseKernelsCalls.propagateValues(w, post,
                    values, pre, target));
        }

        @Override
        public StepTask updateRows(String name, SpikeBuffer spikes, float[] postValues, float factor, float wMin,
                                   float wMax) {
            return StepTask.of(name + ".rows", post, DenseKernelsCalls.updateRows(w, mask, post, spikes.list,
                    spikes.count, postValues, factor, wMin, wMax));
        }

        @Override
        public StepTask updateColumns(String name, SpikeBuffer spikes, float[] preValues, float factor, float wMin,
                                      float wMax) {
            int pre = pre();
            return StepTask.of(name + ".columns", post, DenseKernelsCalls.updateColumns(w, mask, pre, post,
                    spikes.list, spikes.count, preValues, factor, wMin, wMax));
        }

        @Override
        public StepTask updateRowsPerSynapse(String name, SpikeBuffer spikes, float[] postValues, float[] factor,
                                             float[] wMin, float[] wMax) {
            return StepTask.of(name + ".rows", post, DenseKernelsCalls.updateRowsPerSynapse(w, mask, post,
                    spikes.list, spikes.count, postValues, cells(factor), cells(wMin), cells(wMax)));
        }

        @Override
        public StepTask updateRowsOffsetPerSynapse(String name, SpikeBuffer spikes, float[] postValues,
                                                   float[] offset, float[] factor, float[] wMin, float[] wMax) {
            return StepTask.of(name + ".rows", post, DenseKernelsCalls.updateRowsOffsetPerSynapse(w, mask, post,
                    spikes.list, spikes.count, postValues, cells(offset), cells(factor), cells(wMin), cells(wMax)));
        }

        @Override
        public StepTask updateColumnsOffsetPerSynapse(String name, SpikeBuffer spikes, float[] preValues,
                                                      float[] offset, float[] factor, float[] wMin, float[] wMax) {
            int pre = pre();
            return StepTask.of(name + ".columns", post, DenseKernelsCalls.updateColumnsOffsetPerSynapse(w, mask, pre,
                    post, spikes.list, spikes.count, preValues, cells(offset), cells(factor), cells(wMin),
                    cells(wMax)));
        }

        @Override
        public StepTask updateColumnsPerSynapse(String name, SpikeBuffer spikes, float[] preValues, float[] factor,
                                                float[] wMin, float[] wMax) {
            int pre = pre();
            return StepTask.of(name + ".columns", post, DenseKernelsCalls.updateColumnsPerSynapse(w, mask, pre, post,
                    spikes.list, spikes.count, preValues, cells(factor), cells(wMin), cells(wMax)));
        }

        /**
         * @return per-synapse values (connectivity order) laid out as the matrix; the cells of unconnected pairs,
         *         masked from every update, hold 0
         */
        private float[] cells(float[] perSynapse) {
            if (perSynapse.length != index.length) {
                throw new IllegalArgumentException("expected one value per synapse, " + index.length + ", got "
                        + perSynapse.length);
            }
            float[] out = new float[w.length];
            for (int k = 0; k < index.length; k++) {
                out[index[k]] = perSynapse[k];
            }
            return out;
        }

        @Override
        public StepTask updateRows(String name, SpikeBuffer spikes, float[] preScale, float[] postValues,
                                   float factor, float wMin, float wMax) {
            return StepTask.of(name + ".rows", post, DenseKernelsCalls.updateRowsScaled(w, mask, post, spikes.list,
                    spikes.count, preScale, postValues, factor, wMin, wMax));
        }

        @Override
        public StepTask updateColumns(String name, SpikeBuffer spikes, float[] preValues, float[] postScale,
                                      float factor, float wMin, float wMax) {
            int pre = pre();
            return StepTask.of(name + ".columns", post, DenseKernelsCalls.updateColumnsScaled(w, mask, pre, post,
                    spikes.list, spikes.count, preValues, postScale, factor, wMin, wMax));
        }

        @Override
        public StepTask updateRowsSoftBound(String name, SpikeBuffer spikes, float[] postValues, float factor,
                                            float ref, float unit, float mu, float wMin, float wMax) {
            return StepTask.of(name + ".rows", post, SoftBoundKernelsCalls.denseRows(w, mask, post, spikes.list,
                    spikes.count, postValues, factor, ref, 1f / unit, mu, wMin, wMax));
        }

        @Override
        public StepTask updateColumnsSoftBound(String name, SpikeBuffer spikes, float[] preValues, float factor,
                                               float ref, float unit, float mu, float wMin, float wMax) {
            int pre = pre();
            return StepTask.of(name + ".columns", post, SoftBoundKernelsCalls.denseColumns(w, mask, pre, post,
                    spikes.list, spikes.count, preValues, factor, ref, 1f / unit, mu, wMin, wMax));
        }

        @Override
        public StepTask updateRowsSoftBoundPerSynapse(String name, SpikeBuffer spikes, float[] postValues,
                                                      float[] factor, float[] ref, float[] unit, float[] mu,
                                                      float[] wMin, float[] wMax) {
            return StepTask.of(name + ".rows", post, SoftBoundKernelsCalls.denseRowsPerSynapse(w, mask, post,
                    spikes.list, spikes.count, postValues, cells(factor), cells(ref),
                    cells(CsrComm.inverses(unit)), cells(mu), cells(wMin), cells(wMax)));
        }

        @Override
        public StepTask updateColumnsSoftBoundPerSynapse(String name, SpikeBuffer spikes, float[] preValues,
                                                         float[] factor, float[] ref, float[] unit, float[] mu,
                                                         float[] wMin, float[] wMax) {
            int pre = pre();
            return StepTask.of(name + ".columns", post, SoftBoundKernelsCalls.denseColumnsPerSynapse(w, mask, pre,
                    post, spikes.list, spikes.count, preValues, cells(factor), cells(ref),
                    cells(CsrComm.inverses(unit)), cells(mu), cells(wMin), cells(wMax)));
        }

        @Override
        public StepTask updateRowsTripletPerSynapse(String name, SpikeBuffer spikes, float[] preSlow,
                                                    float[] postValues, float factor, float[] pair, float[] triplet,
                                                    float[] wMin, float[] wMax) {
            return StepTask.of(name + ".rows", post, LearningKernelsCalls.tripletDenseRows(w, mask, post, spikes.list,
                    spikes.count, preSlow, postValues, factor, cells(pair), cells(triplet), cells(wMin),
                    cells(wMax)));
        }

        @Override
        public StepTask updateColumnsTripletPerSynapse(String name, SpikeBuffer spikes, float[] preValues,
                                                       float[] postSlow, float factor, float[] pair, float[] triplet,
                                                       float[] wMin, float[] wMax) {
            int pre = pre();
            return StepTask.of(name + ".columns", post, LearningKernelsCalls.tripletDenseColumns(w, mask, pre, post,
                    spikes.list, spikes.count, preValues, postSlow, factor, cells(pair), cells(triplet), cells(wMin),
                    cells(wMax)));
        }

        @Override
        public StepTask updateSynapsesPerSynapse(String name, float[] values, float[] factor, float[] scale,
                                                 float[] wMin, float[] wMax) {
            return StepTask.of(name + ".synapses", index.length, LearningKernelsCalls.rewardDensePerSynapse(w, index,
                    values, factor, scale, wMin, wMax));
        }

        @Override
        public StepTask updateSynapses(String name, float[] values, float[] factor, float wMin, float wMax) {
            return StepTask.of(name + ".synapses", index.length, DenseKernelsCalls.updateSynapses(w, index, values,
                    factor, wMin, wMax));
        }
    }
}
