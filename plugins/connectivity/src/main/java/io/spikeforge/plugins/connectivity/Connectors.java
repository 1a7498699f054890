package io.spikeforge.plugins.connectivity;

import io.spikeforge.kernels.CounterRng;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.ConnectorModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;

import java.util.List;
import java.util.SplittableRandom;

/**
 * BrainPy's connectors. Each row (or column) draws from its own generator seeded by (seed, index), so
 * the result does not depend on generation order, and sampling is without replacement, so no pair is
 * ever repeated.
 */
final class Connectors {

    private Connectors() {
    }

    /** The switch for self-connections of every connector here but One2One (BrainPy's include_self). */
    private static final String ALLOW_SELF = "allow_self";

    private static ParamSpec allowSelf() {
        return ParamSpec.bool(ALLOW_SELF, true,
                "allow i -> i when pre and post are the same population, or slices of it from the same first"
                        + " neuron (BrainPy include_self)");
    }

    private static boolean skipSelf(Params p, boolean same) {
        return same && !p.bool(ALLOW_SELF);
    }

    /**
     * A connector with {@link #allowSelf()}: it tells the engine that {@code allow_self: false} leaves out
     * pairs (i, i), so that the engine refuses slices where it could not.
     */
    private interface WithAllowSelf extends ConnectorModel {
        @Override
        default String selfConnectionsLeftOutBy(Params p) {
            return p.bool(ALLOW_SELF) ? null : ALLOW_SELF;
        }
    }

    /** @return the number of pairs the connector may choose from */
    private static long pairs(Params p, int nPre, int nPost, boolean same) {
        return (long) nPre * nPost - (skipSelf(p, same) ? Math.min(nPre, nPost) : 0);
    }

    /** @return {@code total} as an int, the index type of the synapses in one block of a projection */
    private static int synapseCount(long total) {
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("makes " + total + " synapses, more than the " + (Integer.MAX_VALUE - 8)
                    + " one block of a projection holds");
        }
        return (int) total;
    }

    private static void checkRows(int nPre, int from, int to) {
        if (from < 0 || to > nPre || from > to) {
            throw new IllegalArgumentException("rows [" + from + ", " + to + ") are not within [0, " + nPre + ")");
        }
    }

    /** Row offsets for rows of {@code length} synapses in [from, to) and empty rows elsewhere. */
    private static int[] uniformRows(int nPre, int from, int to, int length) {
        synapseCount((long) length * (to - from));
        int[] rowPtr = new int[nPre + 1];
        for (int i = 0; i < nPre; i++) {
            rowPtr[i + 1] = rowPtr[i] + (i >= from && i < to ? length : 0);
        }
        return rowPtr;
    }

    private static SplittableRandom rng(BuildContext ctx, long stream, long index) {
        return new SplittableRandom(CounterRng.bits(ctx.seed(), stream, index));
    }

    /** Each pair is connected with probability prob. */
    static final class FixedProb implements WithAllowSelf {
        @Override
        public String name() {
            return "FixedProb";
        }

        @Override
        public String description() {
            return "connects each pre/post pair independently with probability prob (BrainPy FixedProb)";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.real("prob", 0.1, "1", "connection probability").between(0, 1), allowSelf());
        }

        @Override
        public long estimateSynapses(Params p, int nPre, int nPost, boolean same) {
            return Math.round(p.real("prob") * pairs(p, nPre, nPost, same));
        }

        @Override
        public Connectivity connect(Params p, BuildContext ctx, int nPre, int nPost, boolean same) {
            return connectRows(p, ctx, nPre, nPost, same, 0, nPre);
        }

        @Override
        public Connectivity connectRows(Params p, BuildContext ctx, int nPre, int nPost, boolean same, int from,
                                        int to) {
            checkRows(nPre, from, to);
            double prob = p.real("prob");
            boolean skipSelf = skipSelf(p, same);
            // Two passes over the same per-row draws: count, then fill an array of the exact size, so that a
            // projection of 1e9 synapses needs its 4 GB once rather than a growing copy of it. Rows draw from
            // their own generators, so both passes run in parallel and give the same result on any machine.
            int[] rowPtr = new int[nPre + 1];
            java.util.stream.IntStream.range(from, to).parallel()
                    .forEach(i -> rowPtr[i + 1] = row(ctx, prob, skipSelf, i, nPost, null, 0));
            long total = 0;
            for (int i = 0; i < nPre; i++) {
                total += rowPtr[i + 1];
                rowPtr[i + 1] = synapseCount(total);
            }
            int[] cols = new int[(int) total];
            java.util.stream.IntStream.range(from, to).parallel()
                    .forEach(i -> row(ctx, prob, skipSelf, i, nPost, cols, rowPtr[i]));
            return new Connectivity(nPre, nPost, rowPtr, cols);
        }

        /** Draws row i; writes its columns from {@code at} when {@code out} is given; @return its length. */
        private static int row(BuildContext ctx, double prob, boolean skipSelf, int i, int nPost, int[] out, int at) {
            if (prob <= 0) {
                return 0;
            }
            double logQ = Math.log1p(-prob);
            SplittableRandom r = rng(ctx, 1, i);
            int n = 0;
            long j = -1;
            while (true) {
                // Geometric gaps between successes: work proportional to the synapses made, not nPre x nPost.
                j += prob >= 1 ? 1 : 1 + (long) Math.floor(Math.log1p(-r.nextDouble()) / logQ);
                if (j >= nPost) {
                    return n;
                }
                if (!(skipSelf && j == i)) {
                    if (out != null) {
                        out[at + n] = (int) j;
                    }
                    n++;
                }
            }
        }
    }

    /** Every post neuron receives exactly num distinct pre neurons. */
    static final class FixedPreNum implements WithAllowSelf {
        @Override
        public String name() {
            return "FixedPreNum";
        }

        @Override
        public String description() {
            return "each post neuron gets exactly num distinct pre neurons (BrainPy FixedPreNum)";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("num", 1, "1", "pre neurons per post neuron").atLeast(0), allowSelf());
        }

        @Override
        public long estimateSynapses(Params p, int nPre, int nPost, boolean same) {
            return (long) p.integer("num") * nPost;
        }

        @Override
        public Connectivity connect(Params p, BuildContext ctx, int nPre, int nPost, boolean same) {
            return connectRows(p, ctx, nPre, nPost, same, 0, nPre);
        }

        @Override
        public Connectivity connectRows(Params p, BuildContext ctx, int nPre, int nPost, boolean same, int from,
                                        int to) {
            checkRows(nPre, from, to);
            int num = p.integer("num");
            boolean skipSelf = skipSelf(p, same);
            int available = skipSelf ? nPre - 1 : nPre;
            if (num > available) {
                throw new IllegalArgumentException("num = " + num + " exceeds the " + available
                        + " available pre neurons");
            }
            if (from == 0 && to == nPre) {
                synapseCount((long) num * nPost);
            }
            // Columns draw from their own generators, so they are drawn in parallel with the same result on
            // any machine; the transpose into rows is a serial counting sort, cheap beside the draws. A block
            // keeps only its rows of each column, so its memory is its own share of the synapses.
            int[][] chosen = new int[nPost][];
            java.util.stream.IntStream.range(0, nPost).parallel().forEach(j -> chosen[j] = within(
                    Sampling.distinctSorted(rng(ctx, 2, j), nPre, num, skipSelf ? j : -1), from, to));
            long total = 0;
            int[] rowCount = new int[nPre + 1];
            for (int j = 0; j < nPost; j++) {
                total += chosen[j].length;
                for (int i : chosen[j]) {
                    rowCount[i + 1]++;
                }
            }
            int[] cols = new int[synapseCount(total)];
            for (int i = 0; i < nPre; i++) {
                rowCount[i + 1] += rowCount[i];
            }
            int[] next = java.util.Arrays.copyOf(rowCount, nPre);
            for (int j = 0; j < nPost; j++) {
                for (int i : chosen[j]) {
                    cols[next[i]++] = j;
                }
            }
            return new Connectivity(nPre, nPost, rowCount, cols);
        }

        /** @return the values of the ascending array {@code sorted} that lie in [from, to) */
        private static int[] within(int[] sorted, int from, int to) {
            int a = java.util.Arrays.binarySearch(sorted, from);
            int b = java.util.Arrays.binarySearch(sorted, to);
            a = a < 0 ? -a - 1 : a;
            b = b < 0 ? -b - 1 : b;
            return a == 0 && b == sorted.length ? sorted : java.util.Arrays.copyOfRange(sorted, a, b);
        }
    }

    /** Every pre neuron projects to exactly num distinct post neurons. */
    static final class FixedPostNum implements WithAllowSelf {
        @Override
        public String name() {
            return "FixedPostNum";
        }

        @Override
        public String description() {
            return "each pre neuron connects to exactly num distinct post neurons (BrainPy FixedPostNum)";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("num", 1, "1", "post neurons per pre neuron").atLeast(0), allowSelf());
        }

        @Override
        public long estimateSynapses(Params p, int nPre, int nPost, boolean same) {
            return (long) p.integer("num") * nPre;
        }

        @Override
        public Connectivity connect(Params p, BuildContext ctx, int nPre, int nPost, boolean same) {
            return connectRows(p, ctx, nPre, nPost, same, 0, nPre);
        }

        @Override
        public Connectivity connectRows(Params p, BuildContext ctx, int nPre, int nPost, boolean same, int from,
                                        int to) {
            checkRows(nPre, from, to);
            int num = p.integer("num");
            boolean skipSelf = skipSelf(p, same);
            int available = skipSelf ? nPost - 1 : nPost;
            if (num > available) {
                throw new IllegalArgumentException("num = " + num + " exceeds the " + available
                        + " available post neurons");
            }
            // Every row has num synapses, so each row's place is known: rows draw from their own generators
            // straight into place, in parallel, with the same result on any machine.
            int[] rowPtr = uniformRows(nPre, from, to, num);
            int[] cols = new int[rowPtr[nPre]];
            java.util.stream.IntStream.range(from, to).parallel().forEach(i -> System.arraycopy(
                    Sampling.distinctSorted(rng(ctx, 3, i), nPost, num, skipSelf ? i : -1), 0, cols, rowPtr[i], num));
            return new Connectivity(nPre, nPost, rowPtr, cols);
        }
    }

    /** Every pair. */
    static final class All2All implements WithAllowSelf {
        @Override
        public String name() {
            return "All2All";
        }

        @Override
        public String description() {
            return "connects every pre neuron to every post neuron (BrainPy All2All)";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(allowSelf());
        }

        @Override
        public long estimateSynapses(Params p, int nPre, int nPost, boolean same) {
            return pairs(p, nPre, nPost, same);
        }

        @Override
        public Connectivity connect(Params p, BuildContext ctx, int nPre, int nPost, boolean same) {
            return connectRows(p, ctx, nPre, nPost, same, 0, nPre);
        }

        @Override
        public Connectivity connectRows(Params p, BuildContext ctx, int nPre, int nPost, boolean same, int from,
                                        int to) {
            checkRows(nPre, from, to);
            boolean skipSelf = skipSelf(p, same);
            long total = 0;
            int[] rowPtr = new int[nPre + 1];
            for (int i = 0; i < nPre; i++) {
                total += i >= from && i < to ? nPost - (skipSelf && i < nPost ? 1 : 0) : 0;
                rowPtr[i + 1] = synapseCount(total);
            }
            int[] cols = new int[rowPtr[nPre]];
            java.util.stream.IntStream.range(from, to).parallel().forEach(i -> {
                int k = rowPtr[i];
                for (int j = 0; j < nPost; j++) {
                    if (!(skipSelf && i == j)) {
                        cols[k++] = j;
                    }
                }
            });
            return new Connectivity(nPre, nPost, rowPtr, cols);
        }
    }

    /** Pairs (i, i). */
    static final class One2One implements ConnectorModel {
        @Override
        public String name() {
            return "One2One";
        }

        @Override
        public String description() {
            return "connects pre neuron i to post neuron i (BrainPy One2One)";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of();
        }

        @Override
        public long estimateSynapses(Params p, int nPre, int nPost, boolean same) {
            return Math.min(nPre, nPost);
        }

        @Override
        public Connectivity connect(Params p, BuildContext ctx, int nPre, int nPost, boolean same) {
            if (nPre != nPost) {
                throw new IllegalArgumentException("pre and post must have the same size, got " + nPre + " pre and " + nPost
                        + " post neurons");
            }
            RowBuilder rows = new RowBuilder(nPre, nPost);
            for (int i = 0; i < nPre; i++) {
                rows.add(i);
                rows.endRow();
            }
            return rows.build();
        }
    }
}
