package io.spikeforge.plugins.connectivity;

import io.spikeforge.kernels.CounterRng;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.ConnectorModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random graphs over one population: BrainPy's {@code SmallWorld} (Watts-Strogatz) and {@code ScaleFreeBA}
 * (Barabasi-Albert), built as networkx and BrainPy build them, by one generator seeded from the projection's
 * seed and run in order, so the graph does not depend on threads. Undirected by default (each edge a synapse
 * both ways); with {@code directed: true} as BrainPy's {@code directed=True} builds them: SmallWorld starts
 * from the same ring, both ways, and rewires each direction of each ring edge on its own (an out-edge u -> v
 * to u -> w, an in-edge v -> u to w -> u), and ScaleFreeBA keeps only each new node's edges to the earlier
 * nodes it attaches to (source -> target), so every node from m on has out-degree m.
 */
final class Graphs {

    private Graphs() {
    }

    /** @return connectivity whose row i is {@code rows[i]} (ascending, distinct) */
    static Connectivity fromRows(int nPre, int nPost, int[][] rows) {
        int[] rowPtr = new int[nPre + 1];
        long total = 0;
        for (int i = 0; i < nPre; i++) {
            total += rows[i].length;
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("makes more than " + (Integer.MAX_VALUE - 8) + " synapses");
            }
            rowPtr[i + 1] = (int) total;
        }
        int[] cols = new int[(int) total];
        for (int i = 0; i < nPre; i++) {
            System.arraycopy(rows[i], 0, cols, rowPtr[i], rows[i].length);
        }
        return new Connectivity(nPre, nPost, rowPtr, cols);
    }

    /** @return the connectivity of directed edges {@code (pre << 32 | post)}, distinct */
    static Connectivity directed(int n, long[] edges, int count) {
        long[] sorted = Arrays.copyOf(edges, count);
        Arrays.sort(sorted);
        int[] rowPtr = new int[n + 1];
        int[] cols = new int[count];
        for (int k = 0; k < count; k++) {
            rowPtr[(int) (sorted[k] >>> 32) + 1]++;
            cols[k] = (int) (sorted[k] & 0xffffffffL);
        }
        for (int i = 0; i < n; i++) {
            rowPtr[i + 1] += rowPtr[i];
        }
        return new Connectivity(n, n, rowPtr, cols);
    }

    /** @return the symmetric connectivity of undirected edges {@code (u << 32 | v)}, each stored once */
    static Connectivity undirected(int n, long[] edges, int count) {
        long[] both = new long[2 * count];
        for (int k = 0; k < count; k++) {
            long u = edges[k] >>> 32;
            long v = edges[k] & 0xffffffffL;
            both[2 * k] = u << 32 | v;
            both[2 * k + 1] = v << 32 | u;
        }
        Arrays.sort(both);
        int[] rowPtr = new int[n + 1];
        int[] cols = new int[both.length];
        for (int k = 0; k < both.length; k++) {
            rowPtr[(int) (both[k] >>> 32) + 1]++;
            cols[k] = (int) (both[k] & 0xffffffffL);
        }
        for (int i = 0; i < n; i++) {
            rowPtr[i + 1] += rowPtr[i];
        }
        return new Connectivity(n, n, rowPtr, cols);
    }

    private static void sameSize(String model, int nPre, int nPost) {
        if (nPre != nPost) {
            throw new IllegalArgumentException(model + " builds a graph over one population: pre and post must have the"
                    + " same size, got " + nPre + " pre and " + nPost + " post neurons");
        }
    }

    /**
     * A set of edges (open addressing, with tombstones): undirected over min << 32 | max, directed over
     * u << 32 | v.
     */
    private static final class EdgeSet {
        private static final long EMPTY = -1;
        private static final long GONE = -2;
        private final long[] table;
        private final boolean directed;

        EdgeSet(long capacity, boolean directed) {
            table = new long[Integer.highestOneBit((int) Math.min(1 << 29, Math.max(8, capacity * 2))) << 1];
            Arrays.fill(table, EMPTY);
            this.directed = directed;
        }

        private long key(int u, int v) {
            return directed ? (long) u << 32 | v : (long) Math.min(u, v) << 32 | Math.max(u, v);
        }

        private int slot(long key) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> 35) & (table.length - 1);
        }

        boolean has(int u, int v) {
            long k = key(u, v);
            for (int h = slot(k); table[h] != EMPTY; h = (h + 1) & (table.length - 1)) {
                if (table[h] == k) {
                    return true;
                }
            }
            return false;
        }

        void add(int u, int v) {
            long k = key(u, v);
            int h = slot(k);
            while (table[h] != EMPTY && table[h] != GONE) {
                h = (h + 1) & (table.length - 1);
            }
            table[h] = k;
        }

        void remove(int u, int v) {
            long k = key(u, v);
            for (int h = slot(k); table[h] != EMPTY; h = (h + 1) & (table.length - 1)) {
                if (table[h] == k) {
                    table[h] = GONE;
                    return;
                }
            }
        }

        /** @return the edges, in table order */
        long[] edges(int count) {
            long[] out = new long[count];
            int n = 0;
            for (long k : table) {
                if (k >= 0) {
                    out[n++] = k;
                }
            }
            return out;
        }
    }

    /** Watts-Strogatz: a ring where each node meets its k nearest, each edge rewired with probability prob. */
    static final class SmallWorld implements ConnectorModel {
        @Override
        public String name() {
            return "SmallWorld";
        }

        @Override
        public String description() {
            return "Watts-Strogatz small world over one population: a ring of num_neighbor nearest neighbours, each"
                    + " edge rewired with probability prob; undirected, or directed with each direction of each ring"
                    + " edge rewired on its own (BrainPy SmallWorld)";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("num_neighbor", 2, "1", "neighbours of each node in the ring (even)")
                            .atLeast(0),
                    ParamSpec.real("prob", 0.1, "1", "rewiring probability of each edge").between(0, 1),
                    ParamSpec.bool("directed", false, "rewire u -> v and v -> u apart, so the graph is not symmetric"));
        }

        @Override
        public long estimateSynapses(Params p, int nPre, int nPost, boolean same) {
            return (long) nPre * (p.integer("num_neighbor") / 2 * 2);
        }

        @Override
        public Connectivity connect(Params p, BuildContext ctx, int nPre, int nPost, boolean same) {
            sameSize(name(), nPre, nPost);
            int n = nPre;
            int k = p.integer("num_neighbor");
            double prob = p.real("prob");
            if (k % 2 != 0 || k >= n) {
                throw new IllegalArgumentException("num_neighbor = " + k + " must be even and below the " + n
                        + " nodes");
            }
            int half = k / 2;
            long count = (long) n * half;
            if (2 * count > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("makes " + 2 * count + " synapses, more than " + (Integer.MAX_VALUE - 8));
            }
            if (p.bool("directed")) {
                return directedSmallWorld(n, half, prob, new SplittableRandom(CounterRng.bits(ctx.seed(), 6, 0)));
            }
            EdgeSet edges = new EdgeSet(count, false);
            int[] degree = new int[n];
            for (int u = 0; u < n; u++) {
                for (int j = 1; j <= half; j++) {
                    edges.add(u, (u + j) % n);
                }
            }
            Arrays.fill(degree, k);
            SplittableRandom r = new SplittableRandom(CounterRng.bits(ctx.seed(), 6, 0));
            for (int j = 1; j <= half; j++) {
                for (int u = 0; u < n; u++) {
                    if (r.nextDouble() >= prob) {
                        continue;
                    }
                    if (degree[u] >= n - 1) {
                        continue;
                    }
                    int w = r.nextInt(n);
                    while (w == u || edges.has(u, w)) {
                        w = r.nextInt(n);
                    }
                    int v = (u + j) % n;
                    edges.remove(u, v);
                    edges.add(u, w);
                    degree[v]--;
                    degree[w]++;
                }
            }
            return undirected(n, edges.edges((int) count), (int) count);
        }

        /**
         * BrainPy's directed form: the ring both ways (n * 2 half synapses), then for each distance j and node u
         * in order, the out-edge u -> u + j is rewired to u -> w with probability prob (w not yet a target of u,
         * not u), then the in-edge u + j -> u to w -> u (w not yet a source of u); a node already linked to every
         * other keeps its edge. The number of synapses stays n * 2 half.
         */
        private static Connectivity directedSmallWorld(int n, int half, double prob, SplittableRandom r) {
            long count = 2L * n * half;
            EdgeSet edges = new EdgeSet(count, true);
            for (int u = 0; u < n; u++) {
                for (int j = 1; j <= half; j++) {
                    edges.add(u, (u + j) % n);
                    edges.add((u + j) % n, u);
                }
            }
            int[] out = new int[n];
            int[] in = new int[n];
            Arrays.fill(out, 2 * half);
            Arrays.fill(in, 2 * half);
            for (int j = 1; j <= half; j++) {
                for (int u = 0; u < n; u++) {
                    int v = (u + j) % n;
                    if (r.nextDouble() < prob && out[u] < n - 1) {
                        int w = r.nextInt(n);
                        while (w == u || edges.has(u, w)) {
                            w = r.nextInt(n);
                        }
                        edges.remove(u, v);
                        edges.add(u, w);
                        in[v]--;
                        in[w]++;
                    }
                    if (r.nextDouble() < prob && in[u] < n - 1) {
                        int w = r.nextInt(n);
                        while (w == u || edges.has(w, u)) {
                            w = r.nextInt(n);
                        }
                        edges.remove(v, u);
                        edges.add(w, u);
                        out[v]--;
                        out[w]++;
                    }
                }
            }
            return directed(n, edges.edges((int) count), (int) count);
        }
    }

    /**
     * Barabasi-Albert preferential attachment: nodes 0..m-1 start unconnected, node m meets all of them, and every
     * later node meets m distinct earlier ones, each chosen with probability proportional to its degree.
     */
    static final class ScaleFreeBA implements ConnectorModel {
        @Override
        public String name() {
            return "ScaleFreeBA";
        }

        @Override
        public String description() {
            return "Barabasi-Albert scale-free graph over one population: each new node attaches to m earlier nodes"
                    + " by preferential attachment; m (N - m) edges, undirected or directed from the new node to the"
                    + " earlier ones (BrainPy ScaleFreeBA)";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("m", 1, "1", "edges each new node brings").atLeast(1),
                    ParamSpec.bool("directed", false, "keep only each new node's synapses onto the earlier nodes"
                            + " (out-degree m), not their reverse"));
        }

        @Override
        public long estimateSynapses(Params p, int nPre, int nPost, boolean same) {
            return (p.bool("directed") ? 1L : 2L) * p.integer("m") * Math.max(0, nPre - p.integer("m"));
        }

        @Override
        public Connectivity connect(Params p, BuildContext ctx, int nPre, int nPost, boolean same) {
            sameSize(name(), nPre, nPost);
            int n = nPre;
            int m = p.integer("m");
            if (m >= n) {
                throw new IllegalArgumentException("m = " + m + " must be below the " + n + " nodes");
            }
            long count = (long) m * (n - m);
            if (2 * count > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("makes " + 2 * count + " synapses, more than " + (Integer.MAX_VALUE - 8));
            }
            long[] edges = new long[(int) count];
            // Each edge puts both its ends in the list once, so a uniform pick from it is a degree-weighted pick.
            int[] repeated = new int[(int) (2 * count)];
            int filled = 0;
            int e = 0;
            int[] targets = new int[m];
            for (int t = 0; t < m; t++) {
                targets[t] = t;
            }
            SplittableRandom r = new SplittableRandom(CounterRng.bits(ctx.seed(), 7, 0));
            int[] mark = new int[n];
            Arrays.fill(mark, -1);
            for (int source = m; source < n; source++) {
                for (int t : targets) {
                    edges[e++] = (long) t << 32 | source;
                    repeated[filled++] = t;
                    repeated[filled++] = source;
                }
                if (source + 1 == n) {
                    break;
                }
                int chosen = 0;
                while (chosen < m) {
                    int c = repeated[r.nextInt(filled)];
                    if (mark[c] != source) {
                        mark[c] = source;
                        targets[chosen++] = c;
                    }
                }
            }
            if (!p.bool("directed")) {
                return undirected(n, edges, e);
            }
            // The growth is the same (preferential attachment picks by total degree, as BrainPy's does); the
            // synapses go from each new node to its targets only.
            for (int k = 0; k < e; k++) {
                edges[k] = (edges[k] & 0xffffffffL) << 32 | edges[k] >>> 32;
            }
            return directed(n, edges, e);
        }
    }
}
