package io.spikeforge.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpikeStatisticsTest {

    @Test
    void rateCountsSpikesFromTheTransientOnAndTheCvAveragesNeuronsWithTwoIntervals() {
        // dt 1 ms, 1000 steps, from step 200 on (0.8 s). Neuron 0: steps 100 (before the window), 300, 400, 500:
        // intervals 100, 100, CV 0. Neuron 1: steps 200, 210, 240: intervals 10 and 30, mean 20, sd 10, CV 0.5.
        // Neuron 2: one spike, no CV. Neuron 3: none.
        int[] pairs = {100, 0, 200, 1, 210, 1, 240, 1, 300, 0, 400, 0, 500, 0, 600, 2};
        SpikeStatistics s = SpikeStatistics.of(pairs, 4, 4, 200, 1000, 1.0);
        assertEquals(7 / 4.0 / 0.8, s.rateHz(), 1e-12);
        assertEquals(2, s.counted());
        assertEquals((0 + 0.5) / 2, s.cvIsi(), 1e-12);
    }

    @Test
    void aMonitorOfSomeNeuronsDividesByThoseItRecordsAndNoThreeSpikesGiveNoCv() {
        SpikeStatistics s = SpikeStatistics.of(new int[] {5, 9, 7, 9}, 10, 2, 0, 10, 0.1);
        assertEquals(2 / 2.0 / 0.001, s.rateHz(), 1e-9);
        assertEquals(0, s.counted());
        assertTrue(Double.isNaN(s.cvIsi()));
    }
}
