package io.spikeforge.plugins.inputs;

import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.testing.InMemoryBuildContext;
import io.spikeforge.spi.testing.ModelParams;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** RampCurrent, SinusoidalCurrent, SquareCurrent and SpikeCurrent: the exact current of every step. */
class WaveInputsTest {

    private static final double DT = 0.1;

    private static float[] perStep(InputModel model, int steps, Object... params) {
        InMemoryBuildContext ctx = new InMemoryBuildContext(DT, "I", 0);
        float[] current = new float[3];
        StepTask task = model.create(ModelParams.of(model, params), ctx, 3, current, null);
        float[] seen = new float[steps];
        for (int n = 0; n < steps; n++) {
            ctx.step(task);
            assertEquals(current[0], current[2], 0f, "every neuron gets the same current");
            seen[n] = current[0];
            java.util.Arrays.fill(current, 0f);
        }
        return seen;
    }

    @Test
    void rampIsLinspaceOverItsWindowAndZeroOutside() {
        // t_start = 0.5 ms (step 5), t_end = 1.5 ms (step 15): linspace(1, 3, 10) in steps 5..14.
        float[] seen = perStep(new RampCurrent(), 20, "c_start", 1.0, "c_end", 3.0, "t_start", 0.5, "t_end", 1.5);
        float[] expected = new float[20];
        for (int m = 0; m < 10; m++) {
            expected[5 + m] = (float) (1 + 2.0 * m / 9);
        }
        assertArrayEquals(expected, seen, 0f);
        assertEquals(1f, seen[5], 0f);
        assertEquals(3f, seen[14], 0f);
    }

    @Test
    void sinusoidHasItsAmplitudeFrequencyAndBias() {
        // 250 Hz: a period of 4 ms = 40 steps; t counts from t_start = 1 ms (step 10).
        float[] seen = perStep(new PeriodicCurrent(false), 60, "amplitude", 2.0, "frequency", 250.0, "t_start", 1.0,
                "t_end", 5.0);
        for (int n = 0; n < 60; n++) {
            double t = (n - 10) * DT / 1000;
            float expected = n < 10 || n >= 50 ? 0f : (float) (2 * Math.sin(2 * Math.PI * 250 * t));
            assertEquals(expected, seen[n], 1e-6, "step " + n);
        }
        assertEquals(2f, seen[20], 1e-6, "a quarter period after t_start: the peak");
        float[] biased = perStep(new PeriodicCurrent(false), 40, "amplitude", 2.0, "frequency", 250.0, "bias", true);
        assertEquals(2f, biased[0], 0f, "bias lifts the sinusoid by its amplitude");
        assertEquals(0f, biased[30], 1e-6, "the trough of a biased sinusoid is 0");
    }

    @Test
    void squareIsTheSignOfTheSinusoid() {
        float[] seen = perStep(new PeriodicCurrent(true), 80, "amplitude", 1.5, "frequency", 250.0);
        assertEquals(0f, seen[0], 0f, "sign(sin(0)) = 0");
        for (int n = 1; n < 80; n++) {
            if (n % 20 != 0) {
                assertEquals((n / 20) % 2 == 0 ? 1.5f : -1.5f, seen[n], 0f, "step " + n);
            }
        }
        float[] biased = perStep(new PeriodicCurrent(true), 40, "amplitude", 1.5, "frequency", 250.0, "bias", true);
        assertEquals(3f, biased[5], 0f);
        assertEquals(0f, biased[25], 0f);
        assertEquals("SquareCurrent", new PeriodicCurrent(true).name());
        assertEquals("SinusoidalCurrent", new PeriodicCurrent(false).name());
    }

    @Test
    void spikeCurrentAddsEachPulseForItsLength() {
        float[] seen = perStep(new SpikeCurrent(), 12, "times", new double[] {0.2, 0.5, 0.6}, "lengths",
                new double[] {0.2}, "sizes", new double[] {1.0, 2.0, 4.0});
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 2, 6, 4, 0, 0, 0, 0}, seen, 0f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> perStep(new SpikeCurrent(), 1,
                "times", new double[] {1, 2}, "lengths", new double[] {1, 1, 1}, "sizes", new double[] {1}));
        assertEquals("lengths has 3 entries but times has 2; give one per pulse or one for all", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> perStep(new SpikeCurrent(), 1, "times",
                new double[] {0.05}, "lengths", new double[] {1}, "sizes", new double[] {1}));
        assertEquals("times[0] = 0.05 ms is not a multiple of dt = 0.1 ms", e.getMessage());
    }

    @Test
    void windowEndingBeforeItStartsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> perStep(new RampCurrent(), 1,
                "t_start", 2.0, "t_end", 1.0));
        assertEquals("t_end = 1.0 ms is before t_start = 2.0 ms", e.getMessage());
    }

    @Test
    void timedArrayHoldsEachRowForValuesDtAndTheLastRowAfter() {
        // Three rows for 0.3 ms (3 steps) each, one value per neuron of three.
        TimedArrayCurrent model = new TimedArrayCurrent();
        InMemoryBuildContext ctx = new InMemoryBuildContext(DT, "ta", 0);
        float[] current = new float[3];
        StepTask task = model.create(ModelParams.of(model, "values", new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9},
                "columns", 3, "values_dt", 0.3), ctx, 3, current, null);
        float[][] expected = {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}, {4, 5, 6}, {4, 5, 6}, {4, 5, 6}, {7, 8, 9}, {7, 8, 9},
                {7, 8, 9}, {7, 8, 9}, {7, 8, 9}};
        for (int n = 0; n < expected.length; n++) {
            ctx.step(task);
            assertArrayEquals(expected[n], current, 0f, "step " + n + " (row boundaries at steps 3 and 6)");
            java.util.Arrays.fill(current, 0f);
        }
        float[] shared = perStep(model, 4, "values", new double[] {0.5, -1}, "values_dt", 0.2);
        assertArrayEquals(new float[] {0.5f, 0.5f, -1f, -1f}, shared, 0f, "one column: every neuron alike");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> perStep(model, 1, "values",
                new double[] {1, 2, 3, 4}, "columns", 2));
        assertEquals("columns = 2, but the target has 3 neurons; give 1 column (every neuron alike) or 3",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> perStep(model, 1, "values", new double[] {1, 2, 3, 4},
                "columns", 3));
        assertEquals("values has 4 entries, not a whole number (at least one) of rows of 3", e.getMessage());
    }

    @Test
    void timedArrayFromAFileTakesItsColumnsFromTheShape() {
        TimedArrayCurrent model = new TimedArrayCurrent();
        InMemoryBuildContext ctx = new InMemoryBuildContext(DT, "ta", 0);
        float[] current = new float[3];
        StepTask task = model.create(ModelParams.of(model, "file", new double[][] {{1, 2, 3}, {4, 5, 6}}, "values_dt",
                0.1), ctx, 3, current, null);
        ctx.step(task);
        assertArrayEquals(new float[] {1, 2, 3}, current, 0f);
        java.util.Arrays.fill(current, 0f);
        ctx.step(task);
        assertArrayEquals(new float[] {4, 5, 6}, current, 0f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> perStep(model, 1, "values",
                new double[] {1}, "file", new double[] {1}));
        assertEquals("give the series as values or as file, one of them", e.getMessage());
    }
}
