package io.spikeforge.plugins.connectivity;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Sampling without replacement. */
final class Sampling {

    private Sampling() {
    }

    /**
     * Floyd's algorithm: k distinct values from [0, n) without {@code exclude} (or -1 for none),
     * ascending; time and memory proportional to k.
     */
    static int[] distinctSorted(SplittableRandom r, int n, int k, int exclude) {
        int m = exclude >= 0 ? n - 1 : n;
        int[] table = new int[Integer.highestOneBit(Math.max(4, k * 2)) << 1];
        Arrays.fill(table, -1);
        int[] out = new int[k];
        int count = 0;
        for (int j = m - k; j < m; j++) {
            int t = r.nextInt(j + 1);
            int pick = insert(table, t) ? t : j;
            if (pick == j) {
                insert(table, j);
            }
            out[count++] = pick;
        }
        for (int i = 0; i < k; i++) {
            if (exclude >= 0 && out[i] >= exclude) {
                out[i]++;
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** Open addressing; @return false when v was already present. */
    private static boolean insert(int[] table, int v) {
        int mask = table.length - 1;
        int h = (v * 0x9E3779B1) >>> 1 & mask;
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
