package io.spikeforge.plugins.connectivity;

import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.InitializerModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.ParamType;
import io.spikeforge.spi.Params;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Weights from the distance between a synapse's pre and post neuron, BrainPy's {@code GaussianDecay}
 * (w = max_w exp(-d^2 / (2 sigma^2))) and {@code DOGDecay} (a difference of two Gaussians,
 * w = max_w1 exp(-d^2 / (2 sigma1^2)) - max_w2 exp(-d^2 / (2 sigma2^2))); |w| below min_w becomes 0, as in
 * BrainPy. Neurons lie on a grid filling both groups, or at given positions. Deterministic: no draws.
 */
final class DecayInitializers implements InitializerModel {

    private final boolean dog;

    /** @param dog the difference of Gaussians; false: one Gaussian */
    DecayInitializers(boolean dog) {
        this.dog = dog;
    }

    @Override
    public String name() {
        return dog ? "DOGDecay" : "GaussianDecay";
    }

    @Override
    public String description() {
        return dog ? "weights max_w1 exp(-d^2/(2 sigma1^2)) - max_w2 exp(-d^2/(2 sigma2^2)) from the pre-post distance d"
                + " on a grid or at positions; |w| < min_w set to 0 (BrainPy DOGDecay; projections' weights only)"
                : "weights max_w exp(-d^2/(2 sigma^2)) from the pre-post distance d on a grid or at positions; w < min_w"
                + " set to 0 (BrainPy GaussianDecay; projections' weights only)";
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> specs = new ArrayList<>();
        if (dog) {
            specs.add(ParamSpec.real("sigma1", 1, "grid or position units", "width of the first Gaussian").positive());
            specs.add(ParamSpec.real("sigma2", 2, "grid or position units", "width of the second Gaussian").positive());
            specs.add(ParamSpec.real("max_w1", 1, "uS or nA", "peak of the first Gaussian"));
            specs.add(ParamSpec.real("max_w2", 0.5, "uS or nA", "peak of the second Gaussian"));
            specs.add(ParamSpec.optionalReal("min_w", "uS or nA", "|w| below this is 0; unset: 0.005 |max_w1 - max_w2|"));
        } else {
            specs.add(ParamSpec.real("sigma", 1, "grid or position units", "width of the Gaussian").positive());
            specs.add(ParamSpec.real("max_w", 1, "uS or nA", "weight at distance 0"));
            specs.add(ParamSpec.optionalReal("min_w", "uS or nA", "w below this is 0; unset: 0.005 max_w"));
        }
        specs.add(Spatial.grid(false));
        specs.add(Spatial.periodic());
        specs.add(new ParamSpec("pre_positions", ParamType.REAL_LIST, null, false, "position units",
                "dims coordinates per pre neuron, neuron after neuron", Double.NEGATIVE_INFINITY, true,
                Double.POSITIVE_INFINITY, true));
        specs.add(new ParamSpec("post_positions", ParamType.REAL_LIST, null, false, "position units",
                "dims coordinates per post neuron, neuron after neuron", Double.NEGATIVE_INFINITY, true,
                Double.POSITIVE_INFINITY, true));
        specs.add(ParamSpec.integer("dims", 2, "1", "coordinates per position").atLeast(1));
        return specs;
    }

    @Override
    public void fill(Params p, float[] out, long seed) {
        throw new IllegalArgumentException("weights from the distance between pre and post neurons initialize a"
                + " projection's weight only, not a state variable");
    }

    @Override
    public void fill(Params p, float[] out, long seed, long first) {
        fill(p, out, seed);
    }

    @Override
    public void fillSynapses(Params p, float[] out, long seed, long first, Connectivity block) {
        Spatial.Positions pos = Spatial.positions(p, block.preSize(), block.postSize());
        double s1 = dog ? p.real("sigma1") : p.real("sigma");
        double w1 = dog ? p.real("max_w1") : p.real("max_w");
        double s2 = dog ? p.real("sigma2") : 1;
        double w2 = dog ? p.real("max_w2") : 0;
        double minW = p.has("min_w") ? p.real("min_w") : 0.005 * Math.abs(w1 - w2);
        int[] rowPtr = block.rowPtr();
        int[] cols = block.cols();
        IntStream.range(0, block.preSize()).parallel().forEach(i -> {
            for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                double d2 = pos.distance2(i, cols[k]);
                double w = w1 * Math.exp(-d2 / (2 * s1 * s1)) - w2 * Math.exp(-d2 / (2 * s2 * s2));
                out[k] = (float) (Math.abs(w) < minW ? 0 : w);
            }
        });
    }
}
