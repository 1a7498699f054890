package io.spikeforge.plugins.connectivity;

import io.spikeforge.kernels.CounterRng;
import io.spikeforge.spi.InitializerModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;

import java.util.Arrays;
import java.util.List;

/** BrainPy's initializers; element k depends only on (seed, k). */
final class Initializers {

    private Initializers() {
    }

    /** Every element the same. */
    static final class Constant implements InitializerModel {
        @Override
        public String name() {
            return "Constant";
        }

        @Override
        public String description() {
            return "the same value everywhere (a bare number in the config means this)";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.real("value", 0, "uS, nA or the variable's unit", "the value").asRequired());
        }

        @Override
        public void fill(Params p, float[] out, long seed) {
            Arrays.fill(out, (float) p.real("value"));
        }

        @Override
        public void fill(Params p, float[] out, long seed, long first) {
            fill(p, out, seed);
        }
    }

    /** Uniform in [min_val, max_val). */
    static final class Uniform implements InitializerModel {
        @Override
        public String name() {
            return "Uniform";
        }

        @Override
        public String description() {
            return "uniform in [min_val, max_val) (BrainPy Uniform)";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.real("min_val", 0, "uS, nA or the variable's unit", "lower bound"),
                    ParamSpec.real("max_val", 1, "uS, nA or the variable's unit", "upper bound"));
        }

        @Override
        public void fill(Params p, float[] out, long seed) {
            fill(p, out, seed, 0);
        }

        @Override
        public void fill(Params p, float[] out, long seed, long first) {
            double lo = p.real("min_val");
            double hi = p.real("max_val");
            if (hi < lo) {
                throw new IllegalArgumentException("max_val = " + hi + " is below min_val = " + lo);
            }
            // Element k depends on (seed, k) alone, so filling in parallel gives the same values.
            java.util.stream.IntStream.range(0, out.length).parallel()
                    .forEach(k -> out[k] = (float) (lo + (hi - lo) * CounterRng.uniform(seed, 0, first + k)));
        }
    }

    /** Normal with mean and scale (standard deviation). */
    static final class Normal implements InitializerModel {
        @Override
        public String name() {
            return "Normal";
        }

        @Override
        public String description() {
            return "normal with mean and standard deviation scale (BrainPy Normal)";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.real("mean", 0, "uS, nA or the variable's unit", "mean"),
                    ParamSpec.real("scale", 1, "uS, nA or the variable's unit", "standard deviation").atLeast(0));
        }

        @Override
        public void fill(Params p, float[] out, long seed) {
            fill(p, out, seed, 0);
        }

        @Override
        public void fill(Params p, float[] out, long seed, long first) {
            double mean = p.real("mean");
            double scale = p.real("scale");
            java.util.stream.IntStream.range(0, out.length).parallel().forEach(k -> {
                double u1 = 1.0 - CounterRng.uniform(seed, 1, first + k);
                double u2 = CounterRng.uniform(seed, 2, first + k);
                out[k] = (float) (mean + scale * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
            });
        }
    }
}
