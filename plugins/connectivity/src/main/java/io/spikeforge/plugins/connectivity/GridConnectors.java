package io.spikeforge.plugins.connectivity;

import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.ConnectorModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Grid neighbours, BrainPy's {@code GridFour} (the 2 d nearest: up, down, left, right in 2-D), {@code GridEight}
 * (every neighbour within Chebyshev distance 1: 8 in 2-D) and {@code GridN} (within Chebyshev distance N:
 * (2N+1)^2 - 1 in 2-D). Pre and post lie on grids of one shape; without periodic_boundary the border has fewer.
 */
final class GridConnectors implements ConnectorModel {

    /** 0: GridFour, 1: GridEight, 2: GridN. */
    private final int kind;

    GridConnectors(int kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return switch (kind) {
            case 0 -> "GridFour";
            case 1 -> "GridEight";
            default -> "GridN";
        };
    }

    @Override
    public String description() {
        return switch (kind) {
            case 0 -> "each neuron of a grid to its 2*dims nearest neighbours, 4 in 2-D (BrainPy GridFour)";
            case 1 -> "each neuron of a grid to its neighbours within Chebyshev distance 1, 8 in 2-D (BrainPy GridEight)";
            default -> "each neuron of a grid to its neighbours within Chebyshev distance N, (2N+1)^2-1 in 2-D"
                    + " (BrainPy GridN)";
        };
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> specs = new ArrayList<>(List.of(Spatial.grid(true), Spatial.periodic(),
                ParamSpec.bool(Spatial.ALLOW_SELF, false, "also connect each neuron to the one at its own grid position"
                        + " (BrainPy include_self)")));
        if (kind == 2) {
            specs.addFirst(ParamSpec.integer("N", 1, "1", "neighbourhood radius (Chebyshev)").atLeast(1));
        }
        return specs;
    }

    @Override
    public String selfConnectionsLeftOutBy(Params p) {
        return p.bool(Spatial.ALLOW_SELF) ? null : Spatial.ALLOW_SELF;
    }

    @Override
    public long estimateSynapses(Params p, int nPre, int nPost, boolean same) {
        int dims = p.reals("grid").length;
        long per = kind == 0 ? 2L * dims : (long) Math.pow(2 * radius(p) + 1, dims) - 1;
        return (per + 1) * nPre;
    }

    private int radius(Params p) {
        return kind == 2 ? p.integer("N") : 1;
    }

    /** @return the offsets of the neighbourhood, the zero offset included */
    private static int[][] offsets(int dims, int radius, boolean manhattan) {
        List<int[]> out = new ArrayList<>();
        int[] c = new int[dims];
        Arrays.fill(c, -radius);
        while (true) {
            int l1 = 0;
            for (int x : c) {
                l1 += Math.abs(x);
            }
            if (!manhattan || l1 <= radius) {
                out.add(c.clone());
            }
            int d = dims - 1;
            while (d >= 0 && c[d] == radius) {
                c[d] = -radius;
                d--;
            }
            if (d < 0) {
                return out.toArray(int[][]::new);
            }
            c[d]++;
        }
    }

    @Override
    public Connectivity connect(Params p, BuildContext ctx, int nPre, int nPost, boolean same) {
        int[] shape = Spatial.shape(p, nPre, nPost);
        boolean periodic = p.bool("periodic_boundary");
        boolean self = p.bool(Spatial.ALLOW_SELF);
        int[][] offsets = offsets(shape.length, radius(p), kind == 0);
        int[][] rows = new int[nPre][];
        IntStream.range(0, nPre).parallel().forEach(i -> {
            int[] c = new int[shape.length];
            int[] at = new int[shape.length];
            Spatial.coords(shape, i, c);
            int[] row = new int[offsets.length];
            int n = 0;
            for (int[] o : offsets) {
                for (int d = 0; d < c.length; d++) {
                    at[d] = c[d] + o[d];
                }
                int j = Spatial.index(shape, at, periodic);
                if (j >= 0 && (self || j != i)) {
                    row[n++] = j;
                }
            }
            Arrays.sort(row, 0, n);
            // On a periodic grid narrower than the neighbourhood, two offsets reach one neuron: keep it once.
            int m = 0;
            for (int k = 0; k < n; k++) {
                if (m == 0 || row[m - 1] != row[k]) {
                    row[m++] = row[k];
                }
            }
            rows[i] = Arrays.copyOf(row, m);
        });
        return Graphs.fromRows(nPre, nPost, rows);
    }
}
