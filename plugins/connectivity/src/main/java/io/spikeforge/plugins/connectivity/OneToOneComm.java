package io.spikeforge.plugins.connectivity;

import io.spikeforge.kernels.DenseKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.SpikeBuffer;
import io.spikeforge.spi.StepTask;

import java.util.List;

/**
 * BrainPy's {@code OneToOne}: pre neuron i drives post neuron i with its own weight, one weight per
 * pair. Between slices of groups ({@code pre: "A[10:20]", post: "B[:10]"}) the pairs are
 * (10 + k, k). Its weights are plastic: every rule's updates run through the CSR kernels over its
 * pairs, so they give the floats they give on {@code EventCSRLinear}.
 */
final class OneToOneComm implements CommModel {

    @Override
    public String name() {
        return "OneToOne";
    }

    @Override
    public String description() {
        return "one weight per neuron pair (i, i), also between equal-sized slices of groups (BrainPy OneToOne)";
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
    public String defaultConnector() {
        return "One2One";
    }

    @Override
    public String integration() {
        return "whole groups: target[i] += w[i] per spike; slices and plasticity: the CSR kernels over its pairs";
    }

    @Override
    public Comm create(Params p, BuildContext ctx, Connectivity conn, float[] weights) {
        int n = conn.synapses();
        int[] rows = conn.rowsOfSynapses();
        int[] cols = conn.cols();
        boolean diagonal = true;
        for (int k = 0; diagonal && k < n; k++) {
            diagonal = rows[k] == rows[0] + k && cols[k] == cols[0] + k;
        }
        if (!diagonal) {
            int preNeurons = 0;
            for (int i = 0; i < conn.preSize(); i++) {
                preNeurons += conn.rowPtr()[i + 1] > conn.rowPtr()[i] ? 1 : 0;
            }
            boolean[] seen = new boolean[conn.postSize()];
            int postNeurons = 0;
            for (int j : cols) {
                postNeurons += seen[j] ? 0 : 1;
                seen[j] = true;
            }
            throw new IllegalArgumentException("needs pairs (i, i) of equal-sized pre and post (or slices of them), as"
                    + " the One2One connector makes them; got " + n + " pairs from " + preNeurons + " pre onto "
                    + postNeurons + " post neurons");
        }
        boolean identity = n == conn.preSize() && n == conn.postSize() && (n == 0 || rows[0] == 0 && cols[0] == 0);
        float[] w = weights;
        // The pairs as a CSR: plasticity for every shape, propagation between slices.
        CsrComm.Csr csr = new CsrComm.Csr(ctx.owner(), conn, w, true);
        return new Comm() {
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
                return csr.writableWeights();
            }

            @Override
            public StepTask propagateSpikes(String name, SpikeBuffer pre, float[] target) {
                if (!identity) {
                    return csr.propagateSpikes(name, pre, target);
                }
                return StepTask.of(name + ".OneToOne.propagate", target.length, DenseKernelsCalls.oneToOne(w, pre.list,
                        pre.count, target));
            }

            @Override
            public StepTask propagateValues(String name, float[] values, float[] target) {
                if (!identity) {
                    return csr.propagateValues(name, values, target);
                }
                return StepTask.of(name + ".OneToOne.propagate_values", target.length,
                        DenseKernelsCalls.oneToOneValues(w, values, target));
            }

            @Override
            public StepTask updateRows(String name, SpikeBuffer pre, float[] postValues, float factor, float wMin,
                                       float wMax) {
                return csr.updateRows(name, pre, postValues, factor, wMin, wMax);
            }

            @Override
            public StepTask updateColumns(String name, SpikeBuffer post, float[] preValues, float factor, float wMin,
                                          float wMax) {
                return csr.updateColumns(name, post, preValues, factor, wMin, wMax);
            }

            @Override
            public StepTask updateRowsPerSynapse(String name, SpikeBuffer pre, float[] postValues, float[] factor,
                                                 float[] wMin, float[] wMax) {
                return csr.updateRowsPerSynapse(name, pre, postValues, factor, wMin, wMax);
            }

            @Override
            public StepTask updateColumnsPerSynapse(String name, SpikeBuffer post, float[] preValues, float[] factor,
                                                    float[] wMin, float[] wMax) {
                return csr.updateColumnsPerSynapse(name, post, preValues, factor, wMin, wMax);
            }

            @Override
            public StepTask updateRowsOffsetPerSynapse(String name, SpikeBuffer pre, float[] postValues,
                                                       float[] offset, float[] factor, float[] wMin, float[] wMax) {
                return csr.updateRowsOffsetPerSynapse(name, pre, postValues, offset, factor, wMin, wMax);
            }

            @Override
            public StepTask updateColumnsOffsetPerSynapse(String name, SpikeBuffer post, float[] preValues,
                                                          float[] offset, float[] factor, float[] wMin, float[] wMax) {
                return csr.updateColumnsOffsetPerSynapse(name, post, preValues, offset, factor, wMin, wMax);
            }

            @Override
            public StepTask updateRows(String name, SpikeBuffer pre, float[] preScale, float[] postValues,
                                       float factor, float wMin, float wMax) {
                return csr.updateRows(name, pre, preScale, postValues, factor, wMin, wMax);
            }

            @Override
            public StepTask updateColumns(String name, SpikeBuffer post, float[] preValues, float[] postScale,
                                          float factor, float wMin, float wMax) {
                return csr.updateColumns(name, post, preValues, postScale, factor, wMin, wMax);
            }

            @Override
            public StepTask updateRowsSoftBound(String name, SpikeBuffer pre, float[] postValues, float factor,
                                                float ref, float unit, float mu, float wMin, float wMax) {
                return csr.updateRowsSoftBound(name, pre, postValues, factor, ref, unit, mu, wMin, wMax);
            }

            @Override
            public StepTask updateColumnsSoftBound(String name, SpikeBuffer post, float[] preValues, float factor,
                                                   float ref, float unit, float mu, float wMin, float wMax) {
                return csr.updateColumnsSoftBound(name, post, preValues, factor, ref, unit, mu, wMin, wMax);
            }

            @Override
            public StepTask updateRowsSoftBoundPerSynapse(String name, SpikeBuffer pre, float[] postValues,
                                                          float[] factor, float[] ref, float[] unit, float[] mu,
                                                          float[] wMin, float[] wMax) {
                return csr.updateRowsSoftBoundPerSynapse(name, pre, postValues, factor, ref, unit, mu, wMin, wMax);
            }

            @Override
            public StepTask updateColumnsSoftBoundPerSynapse(String name, SpikeBuffer post, float[] preValues,
                                                             float[] factor, float[] ref, float[] unit, float[] mu,
                                                             float[] wMin, float[] wMax) {
                return csr.updateColumnsSoftBoundPerSynapse(name, post, preValues, factor, ref, unit, mu, wMin,
                        wMax);
            }

            @Override
            public StepTask updateRowsTripletPerSynapse(String name, SpikeBuffer pre, float[] preSlow,
                                                        float[] postValues, float factor, float[] pair,
                                                        float[] triplet, float[] wMin, float[] wMax) {
                return csr.updateRowsTripletPerSynapse(name, pre, preSlow, postValues, factor, pair, triplet, wMin,
                        wMax);
            }

            @Override
            public StepTask updateColumnsTripletPerSynapse(String name, SpikeBuffer post, float[] preValues,
                                                           float[] postSlow, float factor, float[] pair,
                                                           float[] triplet, float[] wMin, float[] wMax) {
                return csr.updateColumnsTripletPerSynapse(name, post, preValues, postSlow, factor, pair, triplet,
                        wMin, wMax);
            }

            @Override
            public StepTask updateSynapsesPerSynapse(String name, float[] values, float[] factor, float[] scale,
                                                     float[] wMin, float[] wMax) {
                return csr.updateSynapsesPerSynapse(name, values, factor, scale, wMin, wMax);
            }

            @Override
            public StepTask updateSynapses(String name, float[] values, float[] factor, float wMin, float wMax) {
                return csr.updateSynapses(name, values, factor, wMin, wMax);
            }
        };
    }
}
