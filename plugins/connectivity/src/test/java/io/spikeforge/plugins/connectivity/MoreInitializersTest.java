package io.spikeforge.plugins.connectivity;

import io.spikeforge.spi.InitializerModel;
import io.spikeforge.spi.testing.ModelParams;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TruncatedNormal, LogNormal, Gamma and Clip against the closed forms of their mean and variance (the
 * truncated normal's tail also by numerical integration of the density), within five standard errors, and
 * the same values whether filled whole or in blocks.
 */
class MoreInitializersTest {

    private static final int N = 200_000;
    /** Phi(-0.5) and Phi(1), from tables. */
    private static final double PHI_M05 = 0.30853753872598688;
    private static final double PHI_1 = 0.84134474606854293;

    private static float[] draw(InitializerModel m, Object... params) {
        float[] out = new float[N];
        m.fill(ModelParams.of(m, params), out, 77);
        return out;
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(float[] v) {
        double m = mean(v);
        double s = 0;
        for (float x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }

    private static double density(double x) {
        return Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    }

    /** The k-th moment of the standard normal restricted to [a, b], by Simpson's rule with 200000 panels. */
    private static double truncatedMoment(double a, double b, int k) {
        int n = 200_000;
        double h = (b - a) / n;
        double z = 0;
        double m = 0;
        for (int i = 0; i <= n; i++) {
            double x = a + i * h;
            double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
            z += w * density(x);
            m += w * Math.pow(x, k) * density(x);
        }
        return m / z;
    }

    private static void assertMoments(float[] v, double mean, double var, String what) {
        assertEquals(mean, mean(v), 5 * Math.sqrt(var / N), what + " mean");
        // Standard error of a variance estimate, taken generously as var sqrt(2 / N) times 2 for heavier tails.
        assertEquals(var, variance(v), 10 * var * Math.sqrt(2.0 / N), what + " variance");
    }

    @Test
    void truncatedNormalHasTheTruncatedMomentsAndStaysWithinItsBounds() {
        InitializerModel m = new MoreInitializers.TruncatedNormal();
        float[] v = draw(m, "loc", 1.0, "scale", 2.0, "lower", 0.0, "upper", 3.0);
        double alpha = -0.5;
        double beta = 1;
        double z = PHI_1 - PHI_M05;
        double ratio = (density(alpha) - density(beta)) / z;
        double var = 4 * (1 + (alpha * density(alpha) - beta * density(beta)) / z - ratio * ratio);
        assertMoments(v, 1 + 2 * ratio, var, "[0, 3]");
        for (float x : v) {
            assertTrue(x >= 0 && x <= 3, "within bounds: " + x);
        }
        // The far upper tail, [5, 7] of N(0, 1): drawn in the lower tail by symmetry, against numerical moments.
        float[] tail = draw(m, "lower", 5.0, "upper", 7.0);
        double m1 = truncatedMoment(5, 7, 1);
        double m2 = truncatedMoment(5, 7, 2);
        assertMoments(tail, m1, m2 - m1 * m1, "[5, 7]");
        assertTrue(Arrays.stream(toDouble(tail)).allMatch(x -> x >= 5 && x <= 7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> draw(m, "lower", 1.0, "upper",
                1.0));
        assertEquals("upper = 1.0 must be above lower = 1.0", e.getMessage());
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    @Test
    void logNormalHasItsClosedFormMoments() {
        float[] v = draw(new MoreInitializers.LogNormal(), "mean", 0.5, "scale", 0.4);
        double s2 = 0.16;
        assertMoments(v, Math.exp(0.5 + s2 / 2), (Math.exp(s2) - 1) * Math.exp(1 + s2), "LogNormal");
        for (float x : v) {
            assertTrue(x > 0);
        }
    }

    @Test
    void gammaHasMeanShapeScaleAndVarianceShapeScaleSquared() {
        InitializerModel m = new MoreInitializers.Gamma();
        assertMoments(draw(m, "shape", 2.5, "scale", 0.3), 0.75, 2.5 * 0.09, "shape 2.5");
        assertMoments(draw(m, "shape", 0.5, "scale", 0.3), 0.15, 0.5 * 0.09, "shape 0.5 (boosted)");
        assertMoments(draw(m, "shape", 30.0, "scale", 2.0), 60, 120, "shape 30");
    }

    @Test
    void clipSetsValuesBeyondTheBoundsToThemWithTheCensoredMoments() {
        float[] v = draw(new MoreInitializers.Clip(), "mean", 0.0, "scale", 1.0, "min_val", -0.5, "max_val", 1.0);
        long atLow = 0;
        long atHigh = 0;
        for (float x : v) {
            assertTrue(x >= -0.5f && x <= 1f);
            atLow += x == -0.5f ? 1 : 0;
            atHigh += x == 1f ? 1 : 0;
        }
        assertEquals(PHI_M05, atLow / (double) N, 5 * Math.sqrt(PHI_M05 * (1 - PHI_M05) / N), "P(x <= -0.5)");
        assertEquals(1 - PHI_1, atHigh / (double) N, 5 * Math.sqrt(PHI_1 * (1 - PHI_1) / N), "P(x >= 1)");
        // E = a Phi(a) + b (1 - Phi(b)) + phi(a) - phi(b) for N(0, 1) clipped to [a, b].
        double mean = -0.5 * PHI_M05 + (1 - PHI_1) + density(-0.5) - density(1);
        double second = 0.25 * PHI_M05 + (1 - PHI_1) + (PHI_1 - PHI_M05) + (-0.5 * density(-0.5) - density(1));
        assertMoments(v, mean, second - mean * mean, "Clip");
    }

    @Test
    void blocksGetTheValuesTheWholeArrayHas() {
        for (InitializerModel m : new InitializerModel[] {new MoreInitializers.TruncatedNormal(),
                new MoreInitializers.LogNormal(), new MoreInitializers.Gamma(), new MoreInitializers.Clip()}) {
            float[] whole = new float[1000];
            m.fill(ModelParams.of(m), whole, 5);
            float[] tail = new float[400];
            m.fill(ModelParams.of(m), tail, 5, 600);
            assertArrayEquals(Arrays.copyOfRange(whole, 600, 1000), tail, 0f, m.name());
        }
    }
}
