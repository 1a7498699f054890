package io.spikeforge.plugins.connectivity;

import io.spikeforge.kernels.CounterRng;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.ConnectorModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Connection probability falling with distance: BrainPy's {@code GaussianProb} on a grid, and
 * {@code DistanceProb} on a grid or at given positions. Row i draws from its own generator, in two passes
 * (count, then fill), so memory is that of the synapses made and the result does not depend on threads.
 */
final class DistanceConnectors {

    private DistanceConnectors() {
    }

    /** p(i, j) = prob * exp(-d^2 / (2 sigma^2)) for d <= max_distance, else 0. */
    private abstract static class Base implements ConnectorModel {
        @Override
        public String selfConnectionsLeftOutBy(Params p) {
            return p.bool(Spatial.ALLOW_SELF) ? null : Spatial.ALLOW_SELF;
        }

        abstract double prob(Params p);

        abstract double maxDistance(Params p);

        @Override
        public long estimateSynapses(Params p, int nPre, int nPost, boolean same) {
            // An upper bound without computing the distances: every candidate pair at the peak probability (on a
            // grid with a finite max_distance, the box around each neuron).
            double candidates = nPost;
            if (p.has("grid") && Double.isFinite(maxDistance(p))) {
                candidates = Math.min(nPost, Math.pow(2 * Math.floor(maxDistance(p)) + 1, p.reals("grid").length));
            }
            return Math.round(prob(p) * nPre * candidates);
        }

        @Override
        public Connectivity connect(Params p, BuildContext ctx, int nPre, int nPost, boolean same) {
            Spatial.Positions pos = Spatial.positions(p, nPre, nPost);
            double prob = prob(p);
            double inv2s2 = 1 / (2 * p.real("sigma") * p.real("sigma"));
            double max2 = maxDistance(p) * maxDistance(p);
            boolean skipSelf = same && !p.bool(Spatial.ALLOW_SELF);
            // On a grid with a finite max_distance only the box around each neuron can connect: work and draws
            // in proportion to the box, not to the post group.
            int[][] box = pos.shape() != null && Double.isFinite(maxDistance(p))
                    ? box(pos.shape().length, (int) Math.floor(maxDistance(p))) : null;
            int[] rowPtr = new int[nPre + 1];
            IntStream.range(0, nPre).parallel().forEach(i -> rowPtr[i + 1] = row(ctx, pos, box, prob, inv2s2, max2,
                    skipSelf, i, nPost, null, 0));
            long total = 0;
            for (int i = 0; i < nPre; i++) {
                total += rowPtr[i + 1];
                if (total > Integer.MAX_VALUE - 8) {
                    throw new IllegalArgumentException("makes more than " + (Integer.MAX_VALUE - 8) + " synapses");
                }
                rowPtr[i + 1] = (int) total;
            }
            int[] cols = new int[(int) total];
            IntStream.range(0, nPre).parallel().forEach(i -> row(ctx, pos, box, prob, inv2s2, max2, skipSelf, i, nPost,
                    cols, rowPtr[i]));
            return new Connectivity(nPre, nPost, rowPtr, cols);
        }

        /** @return every offset in [-radius, radius]^dims */
        private static int[][] box(int dims, int radius) {
            int side = 2 * radius + 1;
            int count = (int) Math.pow(side, dims);
            int[][] out = new int[count][dims];
            for (int k = 0; k < count; k++) {
                int rest = k;
                for (int d = dims - 1; d >= 0; d--) {
                    out[k][d] = rest % side - radius;
                    rest /= side;
                }
            }
            return out;
        }

        /** @return the post neurons of the box around pre i, ascending and distinct */
        private static int[] candidates(Spatial.Positions pos, int[][] box, int i) {
            int[] shape = pos.shape();
            int[] c = new int[shape.length];
            int[] at = new int[shape.length];
            Spatial.coords(shape, i, c);
            int[] js = new int[box.length];
            int n = 0;
            for (int[] o : box) {
                for (int d = 0; d < c.length; d++) {
                    at[d] = c[d] + o[d];
                }
                int j = Spatial.index(shape, at, pos.periodic());
                if (j >= 0) {
                    js[n++] = j;
                }
            }
            java.util.Arrays.sort(js, 0, n);
            int m = 0;
            for (int k = 0; k < n; k++) {
                if (m == 0 || js[m - 1] != js[k]) {
                    js[m++] = js[k];
                }
            }
            return java.util.Arrays.copyOf(js, m);
        }

        private static int row(BuildContext ctx, Spatial.Positions pos, int[][] box, double prob, double inv2s2,
                               double max2, boolean skipSelf, int i, int nPost, int[] out, int at) {
            SplittableRandom r = new SplittableRandom(CounterRng.bits(ctx.seed(), 5, i));
            int[] js = box == null ? null : candidates(pos, box, i);
            int n = 0;
            int count = js == null ? nPost : js.length;
            for (int c = 0; c < count; c++) {
                int j = js == null ? c : js[c];
                double d2 = pos.distance2(i, j);
                // One draw per pair, always, so that both passes see the same numbers.
                double u = r.nextDouble();
                if (skipSelf && i == j || d2 > max2) {
                    continue;
                }
                if (u < prob * Math.exp(-d2 * inv2s2)) {
                    if (out != null) {
                        out[at + n] = j;
                    }
                    n++;
                }
            }
            return n;
        }
    }

    /** BrainPy's GaussianProb: p = exp(-d^2 / (2 sigma^2)) on a grid. */
    static final class GaussianProb extends Base {
        @Override
        public String name() {
            return "GaussianProb";
        }

        @Override
        public String description() {
            return "on a grid, i -> j with probability exp(-d^2 / (2 sigma^2)), d the grid distance (BrainPy"
                    + " GaussianProb; sigma in grid units, not normalized)";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.real("sigma", 1, "grid units", "width of the Gaussian").positive(),
                    Spatial.grid(true), Spatial.periodic(), Spatial.allowSelf(true));
        }

        @Override
        double prob(Params p) {
            return 1;
        }

        @Override
        double maxDistance(Params p) {
            return Double.POSITIVE_INFINITY;
        }
    }

    /** p = prob * exp(-d^2 / (2 sigma^2)) up to max_distance, on a grid or at given positions. */
    static final class DistanceProb extends Base {
        @Override
        public String name() {
            return "DistanceProb";
        }

        @Override
        public String description() {
            return "i -> j with probability prob * exp(-d^2 / (2 sigma^2)) for d <= max_distance, on a grid or at"
                    + " given positions";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.real("prob", 1, "1", "probability at distance 0").between(0, 1),
                    ParamSpec.real("sigma", 1, "grid or position units", "width of the Gaussian").positive(),
                    ParamSpec.real("max_distance", Double.POSITIVE_INFINITY, "grid or position units",
                            "no synapse beyond this distance").atLeast(0),
                    Spatial.grid(false), Spatial.periodic(),
                    new ParamSpec("pre_positions", io.spikeforge.spi.ParamType.REAL_LIST, null, false,
                            "position units", "dims coordinates per pre neuron, neuron after neuron", Double.NEGATIVE_INFINITY,
                            true, Double.POSITIVE_INFINITY, true),
                    new ParamSpec("post_positions", io.spikeforge.spi.ParamType.REAL_LIST, null, false,
                            "position units", "dims coordinates per post neuron, neuron after neuron",
                            Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true),
                    ParamSpec.integer("dims", 2, "1", "coordinates per position").atLeast(1),
                    Spatial.allowSelf(true));
        }

        @Override
        double prob(Params p) {
            return p.real("prob");
        }

        @Override
        double maxDistance(Params p) {
            return p.real("max_distance");
        }
    }
}
