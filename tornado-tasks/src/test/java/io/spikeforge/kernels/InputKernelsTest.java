package io.spikeforge.kernels;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InputKernelsTest {

    /** The device-compilable rounding is the JDK's rint clamped to [0, n], ties and edge values included. */
    @Test
    void roundIntoIsMathRintClamped() {
        double[] edges = {0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 0.49999999999999994, -0.0, 0.0, 1e300, -1e300, 99.5, 100.5,
            100, 99.49999999999999, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            2.5000000000000004, 2.4999999999999996};
        for (double d : edges) {
            assertEquals(reference(d, 100), InputKernels.roundInto(d, 100), "d = " + d);
        }
        SplittableRandom r = new SplittableRandom(7);
        for (int k = 0; k < 200_000; k++) {
            int n = r.nextInt(1, 5000);
            double d = k % 2 == 0 ? (r.nextDouble() - 0.2) * 1.3 * n : r.nextInt(-100, 2 * n + 100) / 2.0;
            assertEquals(reference(d, n), InputKernels.roundInto(d, n), "d = " + d + ", n = " + n);
        }
    }

    private static int reference(double d, int n) {
        return (int) Math.max(0, Math.min(n, Math.rint(d)));
    }
}
