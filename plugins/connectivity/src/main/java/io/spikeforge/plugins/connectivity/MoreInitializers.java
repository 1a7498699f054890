package io.spikeforge.plugins.connectivity;

import io.spikeforge.kernels.CounterRng;
import io.spikeforge.spi.InitializerModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;

import java.util.List;
import java.util.stream.IntStream;

/** BrainPy's TruncatedNormal, LogNormal and Gamma, and a clipped Normal; element k depends only on (seed, k). */
final class MoreInitializers {

    private MoreInitializers() {
    }

    private static final String UNIT = "uS, nA or the variable's unit";

    /** An initializer whose element k is {@code value(p, seed, first + k)}. */
    private abstract static class PerElement implements InitializerModel {
        abstract double value(Params p, long seed, long k);

        void check(Params p) {
        }

        @Override
        public void fill(Params p, float[] out, long seed) {
            fill(p, out, seed, 0);
        }

        @Override
        public void fill(Params p, float[] out, long seed, long first) {
            check(p);
            IntStream.range(0, out.length).parallel().forEach(k -> out[k] = (float) value(p, seed, first + k));
        }
    }

    /** Normal(loc, scale) restricted to [lower, upper]. */
    static final class TruncatedNormal extends PerElement {
        @Override
        public String name() {
            return "TruncatedNormal";
        }

        @Override
        public String description() {
            return "normal with mean loc and standard deviation scale, restricted to [lower, upper] (BrainPy"
                    + " TruncatedNormal; drawn by inversion, never clipped)";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.real("loc", 0, UNIT, "mean before truncation"),
                    ParamSpec.real("scale", 1, UNIT, "standard deviation before truncation").positive(),
                    ParamSpec.real("lower", Double.NEGATIVE_INFINITY, UNIT, "lowest value"),
                    ParamSpec.real("upper", Double.POSITIVE_INFINITY, UNIT, "highest value"));
        }

        @Override
        void check(Params p) {
            if (!(p.real("upper") > p.real("lower"))) {
                throw new IllegalArgumentException("upper = " + p.real("upper") + " must be above lower = "
                        + p.real("lower"));
            }
        }

        @Override
        double value(Params p, long seed, long k) {
            double loc = p.real("loc");
            double scale = p.real("scale");
            double lo = (p.real("lower") - loc) / scale;
            double hi = (p.real("upper") - loc) / scale;
            return Math.max(p.real("lower"), Math.min(p.real("upper"), loc + scale * Distributions.truncated(lo, hi, seed,
                    k)));
        }
    }

    /** exp(Normal(mean, scale)). */
    static final class LogNormal extends PerElement {
        @Override
        public String name() {
            return "LogNormal";
        }

        @Override
        public String description() {
            return "exp of a normal with mean and standard deviation scale (BrainPy LogNormal); mean exp(mean +"
                    + " scale^2 / 2)";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.real("mean", 0, "1", "mean of the logarithm"),
                    ParamSpec.real("scale", 1, "1", "standard deviation of the logarithm").atLeast(0));
        }

        @Override
        double value(Params p, long seed, long k) {
            return Math.exp(p.real("mean") + p.real("scale") * CounterRng.normal(seed, 1, k));
        }
    }

    /** Gamma(shape, scale). */
    static final class Gamma extends PerElement {
        @Override
        public String name() {
            return "Gamma";
        }

        @Override
        public String description() {
            return "gamma with shape k and scale theta (BrainPy Gamma): mean k theta, variance k theta^2";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.real("shape", 1, "1", "shape k").positive(),
                    ParamSpec.real("scale", 1, UNIT, "scale theta").positive());
        }

        @Override
        double value(Params p, long seed, long k) {
            return p.real("scale") * Distributions.gamma(p.real("shape"), seed, k);
        }
    }

    /** Normal(mean, scale) with values outside [min_val, max_val] set to the bound (numpy's clip). */
    static final class Clip extends PerElement {
        @Override
        public String name() {
            return "Clip";
        }

        @Override
        public String description() {
            return "normal with mean and standard deviation scale, clipped to [min_val, max_val] (np.clip of Normal:"
                    + " values beyond a bound are set to it; TruncatedNormal redraws instead)";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.real("mean", 0, UNIT, "mean before clipping"),
                    ParamSpec.real("scale", 1, UNIT, "standard deviation before clipping").atLeast(0),
                    ParamSpec.real("min_val", Double.NEGATIVE_INFINITY, UNIT, "lowest value"),
                    ParamSpec.real("max_val", Double.POSITIVE_INFINITY, UNIT, "highest value"));
        }

        @Override
        void check(Params p) {
            if (p.real("max_val") < p.real("min_val")) {
                throw new IllegalArgumentException("max_val = " + p.real("max_val") + " is below min_val = "
                        + p.real("min_val"));
            }
        }

        @Override
        double value(Params p, long seed, long k) {
            double x = p.real("mean") + p.real("scale") * CounterRng.normal(seed, 1, k);
            return Math.max(p.real("min_val"), Math.min(p.real("max_val"), x));
        }
    }
}
