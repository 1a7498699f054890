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

/** BrainPy's {@code OneToOne}: pre neuron i drives post neuron i with its own weight. */
final class OneToOneComm implements CommModel {

    @Override
    public String name() {
        return "OneToOne";
    }

    @Override
    public String description() {
        return "one weight per neuron pair (i, i) (BrainPy OneToOne)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public boolean supportsPlasticity() {
        return false;
    }

    @Override
    public String defaultConnector() {
        return "One2One";
    }

    @Override
    public Comm create(Params p, BuildContext ctx, Connectivity conn, float[] weights) {
        boolean identity = conn.preSize() == conn.postSize() && conn.synapses() == conn.preSize();
        for (int i = 0; identity && i < conn.preSize(); i++) {
            identity = conn.cols()[i] == i;
        }
        if (!identity) {
            throw new IllegalArgumentException("needs equal pre and post sizes and the One2One connector"
                    + " (got " + conn.preSize() + " -> " + conn.postSize() + " with " + conn.synapses() + " pairs)");
        }
        float[] w = weights;
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
            public StepTask propagateSpikes(String name, SpikeBuffer pre, float[] target) {
                return StepTask.of(name + ".OneToOne.propagate", target.length, DenseKernelsCalls.oneToOne(w, pre.list,
                        pre.count, target));
            }

            @Override
            public StepTask propagateValues(String name, float[] values, float[] target) {
                return StepTask.of(name + ".OneToOne.propagate_values", target.length,
                        DenseKernelsCalls.oneToOneValues(w, values, target));
            }
        };
    }
}
