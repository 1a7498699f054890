package io.spikeforge.kernels;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scaled row/column updates and the per-synapse update give the same floats in CSR and dense form, for any split. */
class ScaledPlasticityKernelsTest {

    private static final int PRE = 40;
    private static final int POST = 33;

    private record Net(int[] rowPtr, int[] cols, int[] colPtr, int[] perm, int[] colRows, float[] csr, float[] dense,
                       int[] mask, int[] index) {
    }

    private static Net randomNet(Random r) {
        int[] rowPtr = new int[PRE + 1];
        int[] cols = new int[PRE * POST];
        int n = 0;
        for (int i = 0; i < PRE; i++) {
            for (int j = 0; j < POST; j++) {
                if (r.nextDouble() < 0.3) {
                    cols[n++] = j;
                }
            }
            rowPtr[i + 1] = n;
        }
        cols = java.util.Arrays.copyOf(cols, n);
        float[] csr = new float[n];
        float[] dense = new float[PRE * POST];
        int[] mask = new int[PRE * POST];
        int[] index = new int[n];
        int[] colPtr = new int[POST + 1];
        for (int i = 0; i < PRE; i++) {
            for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                csr[k] = (float) r.nextDouble();
                index[k] = i * POST + cols[k];
                dense[index[k]] = csr[k];
                mask[index[k]] = 1;
                colPtr[cols[k] + 1]++;
            }
        }
        for (int j = 0; j < POST; j++) {
            colPtr[j + 1] += colPtr[j];
        }
        int[] next = java.util.Arrays.copyOf(colPtr, POST);
        int[] perm = new int[n];
        int[] colRows = new int[n];
        for (int i = 0; i < PRE; i++) {
            for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                int c = next[cols[k]]++;
                perm[c] = k;
                colRows[c] = i;
            }
        }
        return new Net(rowPtr, cols, colPtr, perm, colRows, csr, dense, mask, index);
    }

    private static float[] gather(Net net) {
        float[] out = new float[net.index().length];
        for (int k = 0; k < out.length; k++) {
            out[k] = net.dense()[net.index()[k]];
        }
        return out;
    }

    private static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextDouble();
        }
        return a;
    }

    @Test
    void scaledRowAndColumnUpdatesAgreeBetweenCsrAndDenseForEverySplit() {
        Random r = new Random(11);
        Net net = randomNet(r);
        float[] preScale = random(r, PRE);
        float[] postScale = random(r, POST);
        float[] preValues = random(r, PRE);
        float[] postValues = random(r, POST);
        int[] preList = {1, 5, 6, 30};
        int[] postList = {0, 7, 32};
        for (int parts : new int[] {1, 2, 5, POST}) {
            Net fresh = new Net(net.rowPtr(), net.cols(), net.colPtr(), net.perm(), net.colRows(), net.csr().clone(),
                    net.dense().clone(), net.mask(), net.index());
            for (int p = 0; p < parts; p++) {
                int from = POST * p / parts;
                int to = POST * (p + 1) / parts;
                CsrKernels.updateRowsScaled(from, to, fresh.rowPtr(), fresh.cols(), fresh.csr(), preList,
                        new int[] {4}, preScale, postValues, -0.5f, 0.1f, 0.9f);
                DenseKernels.updateRowsScaled(from, to, fresh.dense(), fresh.mask(), POST, preList, new int[] {4},
                        preScale, postValues, -0.5f, 0.1f, 0.9f);
            }
            for (int p = 0; p < parts; p++) {
                int from = POST * p / parts;
                int to = POST * (p + 1) / parts;
                CsrKernels.updateColumnsScaled(from, to, fresh.colPtr(), fresh.perm(), fresh.colRows(), fresh.csr(),
                        postList, new int[] {3}, preValues, postScale, 0.25f, 0.1f, 0.9f);
                DenseKernels.updateColumnsScaled(from, to, fresh.dense(), fresh.mask(), PRE, POST, postList,
                        new int[] {3}, preValues, postScale, 0.25f, 0.1f, 0.9f);
            }
            assertArrayEquals(fresh.csr(), gather(fresh), "split into " + parts);
            if (parts == 1) {
                int k = fresh.rowPtr()[5];
                int j = fresh.cols()[k];
                float expected = CsrKernels.clip(net.csr()[k] + (-0.5f * preScale[5]) * postValues[j], 0.1f, 0.9f);
                boolean potentiated = j == 0 || j == 7 || j == 32;
                if (!potentiated) {
                    assertEquals(expected, fresh.csr()[k], "w += (factor * preScale[i]) * postValues[j], clipped");
                }
            }
        }
    }

    @Test
    void softBoundUpdatesAgreeBetweenCsrAndDenseForEverySplitAndFollowTheirFormula() {
        Random r = new Random(13);
        Net net = randomNet(r);
        float[] preValues = random(r, PRE);
        float[] postValues = random(r, POST);
        int[] preList = {2, 9, 17, 33};
        int[] postList = {1, 8, 31};
        for (float mu : new float[] {0f, 0.4f, 1f}) {
            for (int parts : new int[] {1, 3, POST}) {
                Net fresh = new Net(net.rowPtr(), net.cols(), net.colPtr(), net.perm(), net.colRows(),
                        net.csr().clone(), net.dense().clone(), net.mask(), net.index());
                for (int p = 0; p < parts; p++) {
                    int from = POST * p / parts;
                    int to = POST * (p + 1) / parts;
                    SoftBoundKernels.csrRows(from, to, fresh.rowPtr(), fresh.cols(), fresh.csr(), preList,
                            new int[] {4}, postValues, -0.3f, 0f, 1f, mu, 0f, 1f);
                    SoftBoundKernels.denseRows(from, to, fresh.dense(), fresh.mask(), POST, preList, new int[] {4},
                            postValues, -0.3f, 0f, 1f, mu, 0f, 1f);
                }
                for (int p = 0; p < parts; p++) {
                    int from = POST * p / parts;
                    int to = POST * (p + 1) / parts;
                    SoftBoundKernels.csrColumns(from, to, fresh.colPtr(), fresh.perm(), fresh.colRows(), fresh.csr(),
                            postList, new int[] {3}, preValues, 0.2f, 1f, 1f, mu, 0f, 1f);
                    SoftBoundKernels.denseColumns(from, to, fresh.dense(), fresh.mask(), PRE, POST, postList,
                            new int[] {3}, preValues, 0.2f, 1f, 1f, mu, 0f, 1f);
                }
                assertArrayEquals(fresh.csr(), gather(fresh), "mu = " + mu + ", split into " + parts);
                // Row 9's synapses onto posts that did not spike: depressed by 0.3 v w^mu (clipped at 0), nothing else.
                for (int k = fresh.rowPtr()[9]; k < fresh.rowPtr()[10]; k++) {
                    int j = fresh.cols()[k];
                    if (j == 1 || j == 8 || j == 31) {
                        continue;
                    }
                    double w = net.csr()[k];
                    assertEquals(Math.max(0, w - 0.3 * postValues[j] * Math.pow(w, mu)), fresh.csr()[k], 1e-6,
                            "w -= 0.3 v w^mu, clipped at 0, at mu = " + mu);
                }
            }
        }
    }

    @Test
    void perSynapseUpdateScalesByTheFactorReadAtRunTimeAndSkipsWhileItIsZero() {
        Random r = new Random(12);
        Net net = randomNet(r);
        float[] e = random(r, net.csr().length);
        float[] factor = {0f};
        float[] before = net.csr().clone();
        CsrKernels.updateSynapses(0, e.length, net.csr(), e, factor, 0f, 1f);
        assertArrayEquals(before, net.csr(), "factor 0: untouched");
        factor[0] = 0.01f;
        for (int parts : new int[] {1, 3}) {
            for (int p = 0; p < parts; p++) {
                int from = e.length * p / parts;
                int to = e.length * (p + 1) / parts;
                CsrKernels.updateSynapses(from, to, net.csr(), e, factor, 0f, 1f);
                DenseKernels.updateSynapses(from, to, net.dense(), net.index(), e, factor, 0f, 1f);
            }
        }
        assertArrayEquals(net.csr(), gather(net));
        for (int k = 0; k < e.length; k++) {
            float once = CsrKernels.clip(before[k] + 0.01f * e[k], 0f, 1f);
            assertEquals(CsrKernels.clip(once + 0.01f * e[k], 0f, 1f), net.csr()[k]);
        }
    }
}
