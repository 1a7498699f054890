package io.spikeforge.plugins.inputs;

import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.testing.InMemoryBuildContext;
import io.spikeforge.spi.testing.ModelParams;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SpikeTimes through its {@code create}: neuron indices[k] spikes in step round(times[k] / dt) and in
 * no other, every neuron at every time without indices, and the documented refusals.
 */
class SpikeTimesTest {

    private static final double DT = 0.1;

    /** A spike source of {@code size} neurons and its context. */
    private static final class Source {
        final InMemoryBuildContext context = new InMemoryBuildContext(DT, "gen", 0);
        final int[] spikes;
        final StepTask task;

        Source(int size, Object... params) {
            spikes = new int[size];
            SpikeTimes model = new SpikeTimes();
            task = model.create(ModelParams.of(model, params), context, size, null, spikes);
        }

        /** {@return the spikes of one step, as "step:neuron" strings}; a flag left from before would show */
        Set<String> step() {
            int step = context.currentStep();
            context.step(task);
            Set<String> fired = new java.util.TreeSet<>();
            for (int i = 0; i < spikes.length; i++) {
                assertTrue(spikes[i] == 0 || spikes[i] == 1);
                if (spikes[i] == 1) {
                    fired.add(step + ":" + i);
                }
            }
            return fired;
        }

        Set<String> run(int steps) {
            Set<String> all = new java.util.TreeSet<>();
            for (int n = 0; n < steps; n++) {
                all.addAll(step());
            }
            return all;
        }
    }

    @Test
    void eachNeuronSpikesExactlyInTheStepItsTimeRoundsTo() {
        // Unsorted; 1.04 ms rounds down to step 10, 2.96 up to 30; 0.3 / 0.1 is 2.9999999999999996: step 3.
        Source s = new Source(4, "times", new double[] {2.96, 0.3, 0, 1.04, 0.7, 0.3},
                "indices", new double[] {1, 1, 0, 2, 3, 2});
        assertTrue(s.task.serial(), "one range: the cursor is shared");
        assertEquals(Set.of("0:0", "3:1", "3:2", "7:3", "10:2", "30:1"), s.run(60));
        assertEquals(6, s.context.ints("cursor")[0], "past every event");
    }

    @Test
    void withoutIndicesEveryNeuronSpikesAtEveryTime() {
        assertEquals(Set.of("2:0", "2:1", "2:2", "5:0", "5:1", "5:2"),
                new Source(3, "times", new double[] {0.5, 0.2}).run(20));
    }

    @Test
    void eventsOfStepsBeforeTheClockAreSkippedNotEmittedLate() {
        Source s = new Source(2, "times", new double[] {0.1, 0.3, 0.6}, "indices", new double[] {0, 1, 0});
        s.context.clock()[0] = 4;
        assertEquals(Set.of("6:0"), s.run(6));
    }

    private static String refusal(int size, double[] times, double[] indices) {
        return assertThrows(IllegalArgumentException.class, () -> new Source(size, "times", times,
                "indices", indices)).getMessage();
    }

    @Test
    void refusesMismatchedListsIndicesOutsideTheSourceAndTwoSpikesOfANeuronInOneStep() {
        assertEquals("indices has 2 entries but times has 3",
                refusal(4, new double[] {1, 2, 3}, new double[] {0, 1}));
        assertEquals("indices[1] = 4.0 is not a neuron index in [0, 4)",
                refusal(4, new double[] {1, 2}, new double[] {0, 4}));
        assertEquals("indices[0] = 1.5 is not a neuron index in [0, 4)",
                refusal(4, new double[] {1}, new double[] {1.5}));
        assertEquals("neuron 1 is given two spikes in step 3",
                refusal(4, new double[] {0.3, 0.31}, new double[] {1, 1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Source(2, "times", new double[] {0.5, 0.5}));
        assertEquals("neuron 0 is given two spikes in step 5", e.getMessage());
    }
}
