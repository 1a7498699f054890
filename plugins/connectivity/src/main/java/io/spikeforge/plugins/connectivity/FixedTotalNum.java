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
 * Exactly {@code num} distinct pairs, drawn uniformly among all allowed pairs, BrainPy's {@code FixedTotalNum}.
 * Floyd's algorithm over the pair indices: time and memory proportional to num, not to pre x post.
 */
final class FixedTotalNum implements ConnectorModel {

    @Override
    public String name() {
        return "FixedTotalNum";
    }

    @Override
    public String description() {
        return "exactly num distinct pre/post pairs, uniform among all pairs (BrainPy FixedTotalNum)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer("num", 1, "1", "number of synapses").atLeast(0), Spatial.allowSelf(true));
    }

    @Override
    public String selfConnectionsLeftOutBy(Params p) {
        return p.bool(Spatial.ALLOW_SELF) ? null : Spatial.ALLOW_SELF;
    }

    @Override
    public long estimateSynapses(Params p, int nPre, int nPost, boolean same) {
        return p.integer("num");
    }

    @Override
    public Connectivity connect(Params p, BuildContext ctx, int nPre, int nPost, boolean same) {
        int num = p.integer("num");
        boolean skipSelf = same && !p.bool(Spatial.ALLOW_SELF);
        int diagonal = skipSelf ? Math.min(nPre, nPost) : 0;
        long pairs = (long) nPre * nPost - diagonal;
        if (num > pairs) {
            throw new IllegalArgumentException("num = " + num + " exceeds the " + pairs + " available pairs");
        }
        long[] picked = distinctSorted(new SplittableRandom(CounterRng.bits(ctx.seed(), 4, 0)), pairs, num);
        int[] rowPtr = new int[nPre + 1];
        int[] cols = new int[num];
        // Pair index v counts the allowed pairs row by row; with self-pairs left out, rows i < min(nPre, nPost)
        // have nPost - 1 of them.
        long shortRows = diagonal;
        for (int k = 0; k < num; k++) {
            long v = picked[k];
            int i;
            int j;
            if (v < shortRows * (nPost - 1)) {
                i = (int) (v / (nPost - 1));
                int c = (int) (v % (nPost - 1));
                j = c >= i ? c + 1 : c;
            } else {
                long w = v - shortRows * (nPost - 1);
                i = (int) (shortRows + w / nPost);
                j = (int) (w % nPost);
            }
            rowPtr[i + 1]++;
            cols[k] = j;
        }
        for (int i = 0; i < nPre; i++) {
            rowPtr[i + 1] += rowPtr[i];
        }
        return new Connectivity(nPre, nPost, rowPtr, cols);
    }

    /** Floyd's algorithm: k distinct values of [0, n), ascending. */
    static long[] distinctSorted(SplittableRandom r, long n, int k) {
        long[] table = new long[Integer.highestOneBit(Math.max(4, k * 2)) << 1];
        java.util.Arrays.fill(table, -1);
        long[] out = new long[k];
        int count = 0;
        for (long j = n - k; j < n; j++) {
            long t = r.nextLong(j + 1);
            long pick = insert(table, t) ? t : j;
            if (pick == j) {
                insert(table, j);
            }
            out[count++] = pick;
        }
        java.util.Arrays.sort(out);
        return out;
    }

    /** Open addressing; @return false when v was already present. */
    private static boolean insert(long[] table, long v) {
        int mask = table.length - 1;
        int h = (int) ((v * 0x9E3779B97F4A7C15L) >>> 33) & mask;
        while (table[h] != -1) {
            if (table[h] == v) {
                return false;
            }
            h = (h + 1) & mask;
        }
        table[h] = v;
        return true;
    }
}
