package io.spikeforge.plugins.synapses;

import io.spikeforge.spi.Params;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/** Per-slot values of the factors the synapse kernels read. */
final class PerSlot {

    private PerSlot() {
    }

    /**
     * {@return f of each slot's value of {@code name}, or size copies of f of its one value}, computed in
     * double from the parameter as the scalar path computes it, so that a slot equal to the scalar gives
     * the scalar kernel's floats
     */
    static float[] derived(Params p, String name, int size, DoubleUnaryOperator f) {
        float[] out = new float[size];
        if (p.varies(name)) {
            float[] v = p.values(name);
            for (int i = 0; i < size; i++) {
                out[i] = (float) f.applyAsDouble(v[i]);
            }
        } else {
            Arrays.fill(out, (float) f.applyAsDouble(p.real(name)));
        }
        return out;
    }

    /**
     * {@return each slot's value of {@code name} in double, or size copies of its one value}: what a derived
     * factor that combines several parameters is computed from, as the scalar path computes it
     */
    static double[] reals(Params p, String name, int size) {
        double[] out = new double[size];
        if (p.varies(name)) {
            float[] v = p.values(name);
            for (int i = 0; i < size; i++) {
                out[i] = v[i];
            }
        } else {
            Arrays.fill(out, p.real(name));
        }
        return out;
    }
}
