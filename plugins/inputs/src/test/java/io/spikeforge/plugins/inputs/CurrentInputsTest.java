package io.spikeforge.plugins.inputs;

import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.testing.InMemoryBuildContext;
import io.spikeforge.spi.testing.ModelParams;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ConstantCurrent and SectionCurrent through their {@code create}: the current each adds in each step,
 * driven by the step clock, and SectionCurrent's refusals.
 */
class CurrentInputsTest {

    private static final double DT = 0.1;

    /**
     * The current a one-neuron target receives in each of {@code steps} steps; the target consumes it
     * every step, as a neuron update does.
     */
    private static float[] currentPerStep(InputModel model, double dt, int steps, Object... params) {
        InMemoryBuildContext context = new InMemoryBuildContext(dt, "I", 0);
        float[] current = new float[1];
        StepTask task = model.create(ModelParams.of(model, params), context, 1, current, null);
        float[] seen = new float[steps];
        for (int n = 0; n < steps; n++) {
            context.step(task);
            seen[n] = current[0];
            current[0] = 0f;
        }
        return seen;
    }

    @Test
    void constantCurrentAddsItsValueToEveryNeuronInEveryStep() {
        ConstantCurrent model = new ConstantCurrent();
        assertFalse(model.spikeSource());
        assertTrue(model.parameters().getFirst().required(), "value has no default");
        float[] current = {0.25f, 0f, -1f};
        StepTask task = model.create(ModelParams.of(model, "value", 1.5), new InMemoryBuildContext(DT), 3, current,
                null);
        task.run(0, 3);
        assertArrayEquals(new float[] {1.75f, 1.5f, 0.5f}, current, "added to what the neurons already receive");
        task.run(0, 3);
        assertArrayEquals(new float[] {3.25f, 3f, 2f}, current, "and again in the next step");
        float[] seen = currentPerStep(model, DT, 50, "value", -2.0);
        float[] expected = new float[50];
        Arrays.fill(expected, -2f);
        assertArrayEquals(expected, seen);
    }

    @Test
    void sectionCurrentGivesEachValueForItsDurationInStepsThenZero() {
        SectionCurrent model = new SectionCurrent();
        assertFalse(model.spikeSource());
        // 2, 3, 0 and 1 steps at dt = 0.1 ms; the empty section never shows.
        float[] seen = currentPerStep(model, DT, 10, "values", new double[] {1, 2.5, 7, -1},
                "durations", new double[] {0.2, 0.3, 0, 0.1});
        assertArrayEquals(new float[] {1f, 1f, 2.5f, 2.5f, 2.5f, -1f, 0f, 0f, 0f, 0f}, seen);
    }

    @Test
    void theReadmeSectionsSwitchExactlyAtSteps50And200() {
        // values [0, 30, 0], durations [5, 15, 280] ms at dt = 0.1 ms: 50, 150 and 2800 steps, then none.
        float[] seen = currentPerStep(new SectionCurrent(), DT, 3100, "values", new double[] {0, 30, 0},
                "durations", new double[] {5, 15, 280});
        for (int n = 0; n < seen.length; n++) {
            assertEquals(n >= 50 && n < 200 ? 30f : 0f, seen[n], 0f, "step " + n);
        }
    }

    @Test
    void durationsRoundToTheNearestStepWhicheverSideTheQuotientFallsOn() {
        // At dt = 0.01 ms, 0.07 / 0.01 is 7.000000000000001 and 0.03 / 0.01 is 2.9999999999999996 in double.
        float[] seen = currentPerStep(new SectionCurrent(), 0.01, 12, "values", new double[] {1, 2},
                "durations", new double[] {0.07, 0.03});
        assertArrayEquals(new float[] {1f, 1f, 1f, 1f, 1f, 1f, 1f, 2f, 2f, 2f, 0f, 0f}, seen);
    }

    private static String refusal(double[] values, double[] durations, double dt) {
        SectionCurrent model = new SectionCurrent();
        return assertThrows(IllegalArgumentException.class, () -> model.create(ModelParams.of(model, "values", values,
                "durations", durations), new InMemoryBuildContext(dt), 1, new float[1], null)).getMessage();
    }

    @Test
    void sectionCurrentRefusesMismatchedListsUnalignedDurationsAndTooManySteps() {
        assertEquals("values has 2 entries but durations has 3; give one duration per value",
                refusal(new double[] {1, 2}, new double[] {1, 1, 1}, DT));
        assertEquals("durations[1] = 0.25 ms is not a multiple of dt = 0.1 ms",
                refusal(new double[] {1, 2}, new double[] {1, 0.25}, DT));
        assertEquals("the sections last more than 2^31 steps",
                refusal(new double[] {1, 2, 3}, new double[] {1e8, 1e8, 1e8}, DT));
        assertFalse(new SectionCurrent().parameters().get(1).allows(-1), "the engine refuses negative durations");
    }
}
