package io.spikeforge.kernels;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CsrKernelsTest {

    private static final int PRE = 300;
    private static final int POST = 257;

    /** A random CSR with ascending columns. */
    private static int[][] randomCsr(Random r) {
        int[] rowPtr = new int[PRE + 1];
        int[] cols = new int[PRE * POST];
        int n = 0;
        for (int i = 0; i < PRE; i++) {
            for (int j = 0; j < POST; j++) {
                if (r.nextDouble() < 0.1) {
                    cols[n++] = j;
                }
            }
            rowPtr[i + 1] = n;
        }
        return new int[][] {rowPtr, java.util.Arrays.copyOf(cols, n)};
    }

    /** @return the pre neurons that spike, each with probability {@code p}, ascending */
    private static int[] randomSpikes(Random r, double p) {
        int[] list = new int[PRE];
        int n = 0;
        for (int i = 0; i < PRE; i++) {
            if (r.nextDouble() < p) {
                list[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(list, n);
    }

    @Test
    void propagationIsTheSameForEverySplitAndMatchesTheDenseSum() {
        Random r = new Random(7);
        int[][] csr = randomCsr(r);
        int[] rowPtr = csr[0];
        int[] cols = csr[1];
        float[] w = new float[cols.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) r.nextGaussian();
        }
        int[] list = randomSpikes(r, 0.2);
        int n = list.length;
        int[] count = {n};
        float[] whole = new float[POST];
        CsrKernels.propagateSpikes(0, POST, rowPtr, cols, w, list, count, whole, new int[1]);
        for (int parts : new int[] {2, 3, 7, POST}) {
            float[] split = new float[POST];
            for (int p = 0; p < parts; p++) {
                CsrKernels.propagateSpikes(POST * p / parts, POST * (p + 1) / parts, rowPtr, cols, w, list, count, split, new int[1]);
            }
            assertArrayEquals(whole, split, "split into " + parts);
        }
        double[] expected = new double[POST];
        for (int s = 0; s < n; s++) {
            for (int k = rowPtr[list[s]]; k < rowPtr[list[s] + 1]; k++) {
                expected[cols[k]] += w[k];
            }
        }
        for (int j = 0; j < POST; j++) {
            assertEquals(expected[j], whole[j], 1e-4);
        }
    }

    @Test
    void uniformPropagationGivesTheGeneralKernelsFloatsAndCountsTimesTheWeight() {
        Random r = new Random(11);
        int[][] csr = randomCsr(r);
        int[] rowPtr = csr[0];
        int[] cols = csr[1];
        float weight = 0.6f;
        float[] w = new float[cols.length];
        java.util.Arrays.fill(w, weight);
        int[] list = randomSpikes(r, 0.3);
        int n = list.length;
        int[] count = {n};
        float[] start = new float[POST];
        for (int j = 0; j < POST; j++) {
            start[j] = (float) r.nextGaussian();
        }
        float[] general = start.clone();
        CsrKernels.propagateSpikes(0, POST, rowPtr, cols, w, list, count, general, new int[1]);
        for (int parts : new int[] {1, 2, 3, 7, POST}) {
            float[] uniform = start.clone();
            for (int p = 0; p < parts; p++) {
                CsrKernels.propagateSpikesUniform(POST * p / parts, POST * (p + 1) / parts, rowPtr, cols, weight,
                        list, count, uniform, new int[1]);
            }
            assertArrayEquals(general, uniform, "split into " + parts);
        }
        int[] arriving = new int[POST];
        for (int s = 0; s < n; s++) {
            for (int k = rowPtr[list[s]]; k < rowPtr[list[s] + 1]; k++) {
                arriving[cols[k]]++;
            }
        }
        for (int j = 0; j < POST; j++) {
            assertEquals(start[j] + arriving[j] * 0.6, general[j], 1e-5, "post " + j);
        }
    }

    @Test
    void rowAndColumnUpdatesClipAndTouchOnlySpikingRowsAndColumns() {
        // 2 x 3, all connected.
        int[] rowPtr = {0, 3, 6};
        int[] cols = {0, 1, 2, 0, 1, 2};
        float[] w = {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f};
        float[] post = {1f, 2f, 3f};
        CsrKernels.updateRows(0, 3, rowPtr, cols, w, new int[] {1}, new int[] {1}, post, -0.1f, 0f, 0.65f);
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.4f, 0.3f, 0.2f}, w, 1e-7f);
        // Column index of a complete 2 x 3: column j holds synapses j and 3 + j.
        int[] colPtr = {0, 2, 4, 6};
        int[] perm = {0, 3, 1, 4, 2, 5};
        int[] colRows = {0, 1, 0, 1, 0, 1};
        float[] pre = {1f, 2f};
        CsrKernels.updateColumns(0, 3, colPtr, perm, colRows, w, new int[] {2}, new int[] {1}, pre, 0.1f, 0f, 0.65f);
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.6f, 0.4f, 0.3f, 0.4f}, w, 1e-7f);
        CsrKernels.updateColumns(0, 3, colPtr, perm, colRows, w, new int[] {2}, new int[] {1}, pre, 0.1f, 0f, 0.65f);
        assertEquals(0.65f, w[2], "clipped at the upper bound");
    }

    @Test
    void gatherGivesTheSameFloatsAsEventPropagation() {
        Random r = new Random(11);
        int[][] csr = randomCsr(r);
        int[] rowPtr = csr[0];
        int[] cols = csr[1];
        float[] w = new float[cols.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) r.nextGaussian();
        }
        int[] list = randomSpikes(r, 0.3);
        int n = list.length;
        int[] flags = new int[PRE];
        for (int i : list) {
            flags[i] = 1;
        }
        // Build the column index by counting.
        int[] colPtr = new int[POST + 1];
        for (int c : cols) {
            colPtr[c + 1]++;
        }
        for (int j = 0; j < POST; j++) {
            colPtr[j + 1] += colPtr[j];
        }
        int[] next = java.util.Arrays.copyOf(colPtr, POST);
        int[] perm = new int[cols.length];
        int[] colRows = new int[cols.length];
        for (int i = 0; i < PRE; i++) {
            for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                colRows[next[cols[k]]] = i;
                perm[next[cols[k]]++] = k;
            }
        }
        float[] event = new float[POST];
        float[] gather = new float[POST];
        CsrKernels.propagateSpikes(0, POST, rowPtr, cols, w, list, new int[] {n}, event, new int[1]);
        CsrKernels.gatherSpikes(0, POST, colPtr, perm, colRows, w, flags, gather);
        assertArrayEquals(event, gather);
    }

    @Test
    void lowerBoundFindsTheFirstColumnAtOrAboveTheValueInEveryRow() {
        Random r = new Random(11);
        int[][] csr = randomCsr(r);
        int[] rowPtr = csr[0];
        int[] cols = csr[1];
        for (int row = 0; row < PRE; row++) {
            for (int value = 0; value <= POST; value++) {
                int expected = rowPtr[row];
                while (expected < rowPtr[row + 1] && cols[expected] < value) {
                    expected++;
                }
                assertEquals(expected, CsrKernels.lowerBound(cols, rowPtr[row], rowPtr[row + 1], value, POST),
                        "row " + row + ", value " + value);
            }
        }
        int[] skewed = {250, 251, 252, 253, 254, 255, 256};
        assertEquals(0, CsrKernels.lowerBound(skewed, 0, skewed.length, 3, POST));
        assertEquals(4, CsrKernels.lowerBound(skewed, 0, skewed.length, 254, POST));
        assertEquals(7, CsrKernels.lowerBound(skewed, 0, skewed.length, 257, POST));
        assertEquals(2, CsrKernels.lowerBound(skewed, 2, 2, 100, POST));
    }
}
