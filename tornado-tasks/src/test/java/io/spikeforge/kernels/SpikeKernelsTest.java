package io.spikeforge.kernels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpikeKernelsTest {

    @Test
    void ringReturnsWhatWasPushedAndClearsStaleFlags() {
        int size = 4;
        int slots = 3;
        int[] ring = new int[size * slots];
        int[] ringCount = new int[slots];
        SpikeKernels.pushRing(ring, ringCount, 1, size, new int[] {0, 2, 0, 0}, new int[] {2});
        SpikeKernels.pushRing(ring, ringCount, 2, size, new int[] {3, 0, 0, 0}, new int[] {1});
        int[] flags = new int[size];
        int[] list = new int[size];
        int[] count = new int[1];
        SpikeKernels.readRing(ring, ringCount, 1, size, flags, list, count);
        assertArrayEquals(new int[] {1, 0, 1, 0}, flags);
        SpikeKernels.readRing(ring, ringCount, 2, size, flags, list, count);
        assertArrayEquals(new int[] {0, 0, 0, 1}, flags);
        SpikeKernels.readRing(ring, ringCount, -1, size, flags, list, count);
        assertArrayEquals(new int[] {0, 0, 0, 0}, flags);
        assertEquals(0, count[0]);
    }

    @Test
    void bernoulliHasTheRequestedRateAndIsAPureFunctionOfItsKey() {
        int n = 200_000;
        int[] a = new int[n];
        int[] b = new int[n];
        int[] clock = {17};
        CounterRng.bernoulli(0, n, a, 99, clock, 0.0015);
        CounterRng.bernoulli(n / 3, n, b, 99, clock, 0.0015);
        CounterRng.bernoulli(0, n / 3, b, 99, clock, 0.0015);
        assertArrayEquals(a, b, "same draws whatever the split");
        int ones = java.util.Arrays.stream(a).sum();
        double mean = n * 0.0015;
        assertTrue(Math.abs(ones - mean) < 5 * Math.sqrt(mean), "spikes " + ones + " vs " + mean);
    }

    @Test
    void runsScannedInAnySplitJoinIntoTheAscendingListWithCountsAndTotal() {
        java.util.Random r = new java.util.Random(3);
        int n = 10_000;
        for (double density : new double[] {0, 0.002, 0.3, 1}) {
            int[] flags = new int[n];
            for (int i = 0; i < n; i++) {
                flags[i] = r.nextDouble() < density ? 1 : 0;
            }
            flags[n - 1] = 1;
            int[] expected = java.util.stream.IntStream.range(0, n).filter(i -> flags[i] != 0).toArray();
            for (int[] cuts : new int[][] {{0, n}, {0, 1, 4095, 4097, n}, {0, 1024, 2048, 2048, 5000, n}}) {
                for (boolean loop : new boolean[] {false, true}) {
                    int[] runs = new int[n];
                    int[] counts = new int[n];
                    int[] runLength = new int[n];
                    int[] runEnd = new int[n];
                    for (int c = 0; c + 1 < cuts.length; c++) {
                        if (loop) {
                            SpikeKernels.scanRun(cuts[c], cuts[c + 1], flags, runs, counts, runLength, runEnd);
                        } else {
                            SpikeKernels.Simd.scanRun(cuts[c], cuts[c + 1], flags, runs, counts, runLength, runEnd);
                        }
                    }
                    int[] list = new int[n];
                    int[] count = new int[1];
                    long[] total = {5};
                    SpikeKernels.joinRuns(0, n, runs, runLength, runEnd, list, count, total);
                    String what = "density " + density + ", cuts " + java.util.Arrays.toString(cuts) + ", loop " + loop;
                    assertArrayEquals(expected, java.util.Arrays.copyOf(list, count[0]), what);
                    assertArrayEquals(flags, counts, what);
                    assertEquals(5 + expected.length, total[0], what);
                }
            }
        }
    }
}
