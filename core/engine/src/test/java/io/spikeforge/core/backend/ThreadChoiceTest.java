package io.spikeforge.core.backend;

import io.spikeforge.spi.StepTask;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The automatic thread choice, decided from the step's work and the run's length (no timing involved). */
class ThreadChoiceTest {

    @Test
    void splitsWithoutMeasuringWhereEveryCoreGetsEnoughWorkEvenForAShortRun() {
        // bench coba-scaled --size 12500000 --duration 10: 12.5M neurons, 100 steps.
        ThreadChoice.Decision d = ThreadChoice.decide(5 * 12_500_000L, 100, 2);
        assertEquals(ThreadChoice.Kind.SPLIT, d.kind());
        assertEquals(0, d.probeSteps());
        assertEquals(ThreadChoice.Kind.SPLIT, ThreadChoice.decide(2 * ThreadChoice.SPLIT_ITEMS_PER_CORE, 1, 2).kind());
        // With more cores the bar is higher: the same work spread over 8 cores is measured instead.
        assertEquals(ThreadChoice.Kind.MEASURE,
                ThreadChoice.decide(2 * ThreadChoice.SPLIT_ITEMS_PER_CORE, 100_000, 8).kind());
    }

    @Test
    void staysOnOneThreadWhereTheStepIsTooSmallOrThereIsOneCore() {
        assertEquals(ThreadChoice.Kind.SINGLE, ThreadChoice.decide(ThreadChoice.SINGLE_ITEMS - 1, 1_000_000, 2).kind());
        assertEquals(ThreadChoice.Kind.SINGLE, ThreadChoice.decide(100_000_000L, 1_000_000, 1).kind());
    }

    @Test
    void measuresInBetweenWithProbesThatNeverTakeATenthOfTheRun() {
        long items = 40_000; // COBA 4000: a few passes over 4000 neurons per step
        for (long steps : new long[] {800, 1000, 2000, 4000, 10_000, 1_000_000}) {
            ThreadChoice.Decision d = ThreadChoice.decide(items, steps, 2);
            if (d.kind() == ThreadChoice.Kind.MEASURE) {
                long probed = 2L * ThreadChoice.ROUNDS * d.probeSteps();
                assertTrue(probed <= steps / 10, steps + " steps: probes take " + probed);
                assertTrue(d.probeSteps() >= ThreadChoice.MIN_PROBE_STEPS);
            } else {
                assertEquals(ThreadChoice.Kind.SINGLE, d.kind(), steps + " steps");
            }
        }
        assertEquals(ThreadChoice.Kind.SINGLE, ThreadChoice.decide(items, 799, 2).kind(), "too short to measure");
        assertEquals(20, ThreadChoice.decide(items, 800, 2).probeSteps());
        assertEquals(100, ThreadChoice.decide(items, 10_000, 2).probeSteps());
        assertEquals(ThreadChoice.Kind.MEASURE, ThreadChoice.decide(items, 10_000, 2).kind());
    }

    @Test
    void countsTheItemsOfSplittableTasksOnly() {
        StepTask parallel = StepTask.parallel("p", 3000).reads().writes().body((a, b) -> { });
        StepTask serial = StepTask.serial("s", 500).reads().writes().body((a, b) -> { });
        assertEquals(6000, ThreadChoice.splittableItems(List.of(parallel, serial, parallel)));
    }
}
