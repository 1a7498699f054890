package io.spikeforge.plugins.connectivity;

import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;

/**
 * Where neurons are: on a grid (row-major, the last dimension fastest, neighbours 1 apart, optionally
 * periodic) or at given positions. Pre and post of a grid projection lie on grids of the same shape.
 */
final class Spatial {

    static final String ALLOW_SELF = "allow_self";

    private Spatial() {
    }

    static ParamSpec allowSelf(boolean value) {
        return ParamSpec.bool(ALLOW_SELF, value,
                "allow i -> i when pre and post are the same population, or slices of it from the same first"
                        + " neuron (BrainPy include_self)");
    }

    static ParamSpec grid(boolean required) {
        ParamSpec g = ParamSpec.requiredList("grid", "1", "shape of the grid both pre and post lie on, e.g. [64, 64];"
                + " its product is their size").atLeast(1);
        return required ? g : new ParamSpec(g.name(), g.type(), null, false, g.unit(),
                "shape of the grid both pre and post lie on, e.g. [64, 64]; unset: pre_positions and post_positions",
                1, true, Double.POSITIVE_INFINITY, true);
    }

    static ParamSpec periodic() {
        return ParamSpec.bool("periodic_boundary", false, "the grid wraps around in every dimension (a torus)");
    }

    /** @return the grid shape as ints, checked against both sizes */
    static int[] shape(Params p, int nPre, int nPost) {
        double[] g = p.reals("grid");
        if (g.length == 0) {
            throw new IllegalArgumentException("grid is empty; give the size of each dimension");
        }
        int[] shape = new int[g.length];
        long product = 1;
        for (int d = 0; d < g.length; d++) {
            if (g[d] != Math.rint(g[d])) {
                throw new IllegalArgumentException("grid[" + d + "] = " + g[d] + " is not a whole number");
            }
            shape[d] = (int) g[d];
            product *= shape[d];
        }
        if (product != nPre || product != nPost) {
            throw new IllegalArgumentException("grid " + java.util.Arrays.toString(shape) + " holds " + product
                    + " neurons, but pre has " + nPre + " and post " + nPost + "; pre and post must both fill it");
        }
        return shape;
    }

    /** Writes the grid coordinates of neuron {@code index} into {@code out}. */
    static void coords(int[] shape, int index, int[] out) {
        for (int d = shape.length - 1; d >= 0; d--) {
            out[d] = index % shape[d];
            index /= shape[d];
        }
    }

    /** @return the index of the neuron at {@code c}, or -1 outside a non-periodic grid */
    static int index(int[] shape, int[] c, boolean periodic) {
        int idx = 0;
        for (int d = 0; d < shape.length; d++) {
            int x = c[d];
            if (periodic) {
                x = Math.floorMod(x, shape[d]);
            } else if (x < 0 || x >= shape[d]) {
                return -1;
            }
            idx = idx * shape[d] + x;
        }
        return idx;
    }

    /** Positions, dims values per neuron. */
    record Positions(double[] pre, double[] post, int dims, int[] shape, boolean periodic) {

        /** @return the squared distance between pre i and post j (on a periodic grid, the shortest way round) */
        double distance2(int i, int j) {
            double s = 0;
            for (int d = 0; d < dims; d++) {
                double x = Math.abs(pre[i * dims + d] - post[j * dims + d]);
                if (periodic) {
                    x = Math.min(x, shape[d] - x);
                }
                s += x * x;
            }
            return s;
        }
    }

    /** @return the positions from {@code grid}, or else from {@code pre_positions}, {@code post_positions}, {@code dims} */
    static Positions positions(Params p, int nPre, int nPost) {
        boolean periodic = p.bool("periodic_boundary");
        if (p.has("grid")) {
            int[] shape = shape(p, nPre, nPost);
            double[] pos = new double[nPre * shape.length];
            int[] c = new int[shape.length];
            for (int i = 0; i < nPre; i++) {
                coords(shape, i, c);
                for (int d = 0; d < shape.length; d++) {
                    pos[i * shape.length + d] = c[d];
                }
            }
            return new Positions(pos, pos, shape.length, shape, periodic);
        }
        if (!p.has("pre_positions") || !p.has("post_positions")) {
            throw new IllegalArgumentException("give grid, or pre_positions and post_positions");
        }
        if (periodic) {
            throw new IllegalArgumentException("periodic_boundary needs a grid, not positions");
        }
        int dims = p.integer("dims");
        double[] pre = p.reals("pre_positions");
        double[] post = p.reals("post_positions");
        if (pre.length != (long) nPre * dims) {
            throw new IllegalArgumentException("pre_positions has " + pre.length + " values; " + nPre + " pre neurons in "
                    + dims + " dimensions need " + (long) nPre * dims);
        }
        if (post.length != (long) nPost * dims) {
            throw new IllegalArgumentException("post_positions has " + post.length + " values; " + nPost
                    + " post neurons in " + dims + " dimensions need " + (long) nPost * dims);
        }
        return new Positions(pre, post, dims, null, false);
    }
}
