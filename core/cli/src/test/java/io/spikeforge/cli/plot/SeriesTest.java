package io.spikeforge.cli.plot;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeriesTest {

    @Test
    void binWidthsAreRoundAndGiveAboutAHundredBins() {
        assertEquals(5, Series.binWidthMs(300, 0.1), 1e-12);
        assertEquals(10, Series.binWidthMs(1000, 0.1), 1e-12);
        assertEquals(1000, Series.binWidthMs(100_000, 0.1), 1e-12);
        assertEquals(0.1, Series.binWidthMs(2, 0.1), 1e-12, "never below dt");
    }

    @Test
    void rateCountsSpikesPerNeuronPerSecondInEachBin() {
        // 4 neurons, dt 0.1 ms, 20 ms in 10 ms bins: 2 spikes in the first bin, 4 in the second.
        int[] steps = {0, 99, 100, 150, 199, 199};
        double[][] r = Series.rate(steps, 0.1, 20, 4, 10);
        assertArrayEquals(new double[] {0, 10}, r[0], 1e-12);
        assertArrayEquals(new double[] {2 / 4.0 / 0.010, 4 / 4.0 / 0.010}, r[1], 1e-9);
    }

    @Test
    void aShortLastBinIsNormalisedByItsOwnWidth() {
        double[][] r = Series.rate(new int[] {240}, 0.1, 25, 1, 10);
        assertEquals(3, r[0].length);
        assertEquals(1 / 0.005, r[1][2], 1e-9);
    }

    @Test
    void decimationKeepsEveryBucketsExtremesInOrder() {
        int n = 10_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i == 4321 ? 50 : i == 8765 ? -7 : Math.sin(i / 500.0);
        }
        double[][] d = Series.decimate(x, y, 200);
        assertTrue(d[0].length <= 200, "thinned to " + d[0].length);
        assertTrue(contains(d, 4321, 50) && contains(d, 8765, -7), "a one-sample spike survives");
        for (int i = 1; i < d[0].length; i++) {
            assertTrue(d[0][i] > d[0][i - 1], "x stays increasing");
        }
        double[] shortX = {1, 2, 3};
        assertArrayEquals(shortX, Series.decimate(shortX, shortX, 200)[0]);
    }

    @Test
    void timeAxisSwitchesToSecondsForLongRuns() {
        assertEquals("time (ms)", Series.TimeAxis.of(300).label());
        Series.TimeAxis s = Series.TimeAxis.of(100_000);
        assertEquals("time (s)", s.label());
        assertEquals(2.5, s.at(2500), 1e-12);
    }

    @Test
    void histogramOutlineRunsOverEveryBarAndANarrowBarStandsForEqualWeights() {
        long[] counts = {1, 0, 0, 0, 0, 0, 0, 0, 0, 3};
        double[][] o = WeightCharts.outline(new RunOutput.Histogram(counts, 0, 1), 1);
        assertEquals(22, o[0].length);
        assertEquals(0, o[1][0]);
        assertEquals(1, o[1][1]);
        assertEquals(0.1, o[0][2], 1e-12);
        assertEquals(3, o[1][20]);
        assertEquals(1.0, o[0][21], 1e-12);
        double[][] single = WeightCharts.outline(new RunOutput.Histogram(new long[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                0.5, 0.5), 0.4);
        assertArrayEquals(new double[] {0.496, 0.496, 0.504, 0.504}, single[0], 1e-12);
        assertArrayEquals(new double[] {0, 1, 1, 0}, single[1]);
    }

    private static boolean contains(double[][] d, double x, double y) {
        for (int i = 0; i < d[0].length; i++) {
            if (d[0][i] == x && d[1][i] == y) {
                return true;
            }
        }
        return false;
    }
}
