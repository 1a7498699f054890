package io.spikeforge.plugins.connectivity;

import io.spikeforge.spi.InitializerModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;

import java.util.List;

/**
 * Values read from an {@code .npy} file, one per element in SpikeForge's order: for a projection's weights or
 * delays one per synapse, row-major (pre index, then post index ascending: the order in which weights read
 * back); for initial state one per neuron. {@code weight: {npy: FILE}} (and {@code delay:}) is shorthand for it.
 * Connectivity listed with {@code IJConn} is in that order once its pairs are sorted by (i, j).
 */
final class FromNpy implements InitializerModel {

    @Override
    public String name() {
        return "FromNpy";
    }

    @Override
    public String description() {
        return "one value per element from an .npy file, in SpikeForge's order (a projection's synapses row-major:"
                + " by pre, then post index); weight: {npy: FILE} is shorthand";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.npy("values", "uS, nA or the variable's unit",
                ".npy file of the values, shape (elements,)").asRequired());
    }

    @Override
    public void fill(Params p, float[] out, long seed) {
        double[] values = p.reals("values");
        if (values.length != out.length) {
            throw new IllegalArgumentException("values holds " + values.length + " numbers; " + out.length
                    + " are needed, one per element (a projection's synapses in row-major order)");
        }
        copy(values, out, 0);
    }

    @Override
    public void fill(Params p, float[] out, long seed, long first) {
        double[] values = p.reals("values");
        if (first + out.length > values.length) {
            throw new IllegalArgumentException("values holds " + values.length + " numbers; elements up to "
                    + (first + out.length) + " are needed, one per element (a projection's synapses in row-major"
                    + " order)");
        }
        copy(values, out, (int) first);
    }

    private static void copy(double[] values, float[] out, int first) {
        // Finite values only: the file was checked when the config was read.
        for (int k = 0; k < out.length; k++) {
            out[k] = (float) values[first + k];
        }
    }
}
