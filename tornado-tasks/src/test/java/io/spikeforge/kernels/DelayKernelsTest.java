package io.spikeforge.kernels;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link DelayKernels} against a brute force over every synapse: in step n, synapse (i, j) of delay d adds
 * its weight when i spiked in step n - 1 - d, post neurons summing in (delay, pre) order, whatever the
 * item ranges, with and without the table of where each row's delays start.
 */
class DelayKernelsTest {

    private static final int PRE = 50;
    private static final int POST = 37;
    private static final int MIN = 2;
    private static final int MAX = 9;
    private static final int SLOTS = MAX + 1;

    private record Net(int[] rowPtr, int[] table, short[] delay, int[] cols, int[] cell, float[] w) {
    }

    /** Rows of random pairs, each row's synapses in (delay, post) order; weight k at w[cell[k]]. */
    private static Net net(Random r) {
        int[] rowPtr = new int[PRE + 1];
        List<int[]> syn = new ArrayList<>();
        for (int i = 0; i < PRE; i++) {
            List<int[]> row = new ArrayList<>();
            for (int j = 0; j < POST; j++) {
                if (r.nextDouble() < 0.3) {
                    row.add(new int[] {MIN + r.nextInt(MAX - MIN + 1), j});
                }
            }
            row.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
            syn.addAll(row);
            rowPtr[i + 1] = syn.size();
        }
        int m = syn.size();
        short[] delay = new short[m];
        int[] cols = new int[m];
        int[] cell = new int[m];
        float[] w = new float[m];
        for (int k = 0; k < m; k++) {
            delay[k] = (short) syn.get(k)[0];
            cols[k] = syn.get(k)[1];
            cell[k] = m - 1 - k;
            w[m - 1 - k] = r.nextFloat();
        }
        int nd = MAX - MIN + 1;
        int[] table = new int[PRE * nd + 1];
        for (int i = 0; i < PRE; i++) {
            for (int d = MIN; d <= MAX; d++) {
                int p = rowPtr[i];
                while (p < rowPtr[i + 1] && delay[p] < d) {
                    p++;
                }
                table[i * nd + d - MIN] = p;
            }
        }
        table[PRE * nd] = m;
        return new Net(rowPtr, table, delay, cols, cell, w);
    }

    @Test
    void propagationAddsEachSynapsesWeightItsOwnDelayLate() {
        Random r = new Random(5);
        Net net = net(r);
        int[] ring = new int[SLOTS * PRE];
        int[] ringCount = new int[SLOTS];
        List<boolean[]> fired = new ArrayList<>();
        int[] clock = new int[1];
        for (int n = 0; n < 40; n++) {
            clock[0] = n;
            float[] expected = new float[POST];
            for (int d = MIN; d <= MAX; d++) {
                int step = n - 1 - d;
                for (int i = 0; i < PRE && step >= 0; i++) {
                    for (int k = net.rowPtr[i]; k < net.rowPtr[i + 1] && fired.get(step)[i]; k++) {
                        if (net.delay[k] == d) {
                            expected[net.cols[k]] += net.w[net.cell[k]];
                        }
                    }
                }
            }
            for (int[] table : new int[][] {new int[0], net.table}) {
                float[] whole = new float[POST];
                DelayKernels.propagate(0, POST, net.rowPtr, table, net.delay, net.cols, net.cell, net.w, ring, ringCount,
                        SLOTS, PRE, MIN, MAX, clock, whole);
                assertArrayEquals(expected, whole, "step " + n + ", table " + table.length);
                float[] split = new float[POST];
                for (int[] range : new int[][] {{0, 13}, {13, 14}, {14, POST}}) {
                    DelayKernels.propagate(range[0], range[1], net.rowPtr, table, net.delay, net.cols, net.cell, net.w,
                            ring, ringCount, SLOTS, PRE, MIN, MAX, clock, split);
                }
                assertArrayEquals(expected, split, "step " + n + " in three ranges, table " + table.length);
            }
            // The spikes of step n, stored for later steps.
            boolean[] now = new boolean[PRE];
            int[] list = new int[PRE];
            int c = 0;
            for (int i = 0; i < PRE; i++) {
                if (r.nextDouble() < 0.2) {
                    now[i] = true;
                    list[c++] = i;
                }
            }
            fired.add(now);
            SpikeKernels.pushRing(ring, ringCount, n % SLOTS, PRE, list, new int[] {c});
        }
    }

    @Test
    void theBoundFindsTheFirstSynapseOfADelayFromAnyGuess() {
        short[] delay = {2, 2, 3, 5, 5, 5, 9};
        for (int d = 0; d <= 10; d++) {
            int expected = 0;
            while (expected < delay.length && delay[expected] < d) {
                expected++;
            }
            for (float perStep : new float[] {0f, 0.125f, 1f, 7f}) {
                assertEquals(expected, DelayKernels.delayBound(delay, 0, delay.length, d, 2, perStep), "d " + d);
            }
        }
    }

    @Test
    void potentiationReadsEachSynapsesPreValueItsOwnDelayAgo() {
        // Post 0 has three synapses: from pre 1 (delay 0), pre 2 (delay 3) and pre 4 (delay 7).
        int[] colPtr = {0, 3};
        int[] colCell = {0, 1, 2};
        int[] colRows = {1, 2, 4};
        short[] colDelay = {0, 3, 7};
        int slots = 8;
        int pre = 5;
        float[] history = new float[slots * pre];
        for (int step = 0; step < slots; step++) {
            for (int i = 0; i < pre; i++) {
                history[step * pre + i] = 100 + 10 * step + i;
            }
        }
        float[] w = new float[3];
        DelayKernels.updateColumns(0, 1, colPtr, colCell, colRows, colDelay, w, new int[] {0}, new int[] {1}, history,
                slots, pre, new int[] {13}, 1f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
        // Step 13: pre 1 as of step 13 (slot 5), pre 2 as of step 10 (slot 2), pre 4 as of step 6 (slot 6).
        assertArrayEquals(new float[] {151, 122, 164}, w);
        float[] early = new float[3];
        DelayKernels.updateColumns(0, 1, colPtr, colCell, colRows, colDelay, early, new int[] {0}, new int[] {1}, history,
                slots, pre, new int[] {2}, 1f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
        assertArrayEquals(new float[] {121, 0, 0}, early, "before step 0 a trace is 0");
    }
}
