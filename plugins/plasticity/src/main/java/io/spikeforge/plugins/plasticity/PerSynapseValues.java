package io.spikeforge.plugins.plasticity;

import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.Params;

import java.util.Arrays;

/** A rule's parameters given per synapse, as the soft-bound rules read them (connectivity order). */
final class PerSynapseValues {

    private PerSynapseValues() {
    }

    /**
     * {@return each synapse's value of {@code name} in double, or n copies of its one value}: what a rule's
     * factors are computed from, as its scalar form computes them, so equal values give the scalar floats
     */
    static double[] reals(Params p, String name, int n) {
        double[] out = new double[n];
        if (p.varies(name)) {
            float[] v = p.values(name);
            for (int k = 0; k < n; k++) {
                out[k] = v[k];
            }
        } else {
            Arrays.fill(out, p.real(name));
        }
        return out;
    }

    /** {@return n copies of {@code value}} */
    static float[] filled(int n, float value) {
        float[] out = new float[n];
        Arrays.fill(out, value);
        return out;
    }

    /**
     * Refuses bounds whose W_max lies below W_min (or, {@code strict}, not above it) at some synapse, and initial
     * weights outside their synapse's bounds: the engine checks one pair of bounds, not these.
     */
    static void check(CommModel.Comm comm, float[] lo, float[] hi, boolean strict) {
        int n = lo.length;
        int outside = 0;
        int first = -1;
        for (int k = 0; k < n; k++) {
            if (strict ? !(lo[k] < hi[k]) : lo[k] > hi[k]) {
                throw new IllegalArgumentException("W_max of synapse " + k + " is " + hi[k] + ", " + (strict
                        ? "not above" : "below") + " its W_min " + lo[k] + "; every synapse's W_max must be "
                        + (strict ? "above" : "at least") + " its W_min");
            }
            float w = comm.weight(k);
            if (w < lo[k] || w > hi[k]) {
                outside++;
                first = first < 0 ? k : first;
            }
        }
        if (outside > 0) {
            throw new IllegalArgumentException(outside + " of " + n + " initial weights lie outside their synapse's"
                    + " bounds (synapse " + first + ": " + comm.weight(first) + " outside [" + lo[first] + ", "
                    + hi[first] + "]); choose an initializer within W_min and W_max");
        }
    }
}
