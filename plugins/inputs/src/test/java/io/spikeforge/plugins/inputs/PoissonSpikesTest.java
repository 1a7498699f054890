package io.spikeforge.plugins.inputs;

import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.testing.InMemoryBuildContext;
import io.spikeforge.spi.testing.ModelParams;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PoissonSpikes through its {@code create}: Bernoulli spikes with probability rate * dt per neuron and
 * step, independent across neurons and steps, drawn the same however the neurons are split into
 * ranges, and the refusal of more than one spike per step.
 */
class PoissonSpikesTest {

    private static final int NEURONS = 1000;
    private static final int STEPS = 1000;

    /** A Poisson source with its own context (and so its own clock) and its flags. */
    private static final class Source {
        final InMemoryBuildContext context;
        final int[] spikes;
        final StepTask task;

        Source(double dt, long seed, double rate) {
            context = new InMemoryBuildContext(dt, "noise", seed);
            spikes = new int[NEURONS];
            PoissonSpikes model = new PoissonSpikes();
            task = model.create(ModelParams.of(model, "rate", rate), context, NEURONS, null, spikes);
        }
    }

    /** {@return the spikes per neuron over STEPS steps} */
    private static int[] spikesPerNeuron(Source s) {
        int[] counts = new int[NEURONS];
        for (int n = 0; n < STEPS; n++) {
            s.context.step(s.task);
            for (int i = 0; i < NEURONS; i++) {
                counts[i] += s.spikes[i];
            }
        }
        return counts;
    }

    @Test
    void meanRateIsRateWithinFiveStandardDeviationsAndDrawsAreIndependent() {
        double p = 20 * 0.1 / 1000;
        Source s = new Source(0.1, 42, 20);
        assertTrue(new PoissonSpikes().spikeSource());
        long total = 0;
        double sumSquares = 0;
        int[] perNeuron = new int[NEURONS];
        for (int n = 0; n < STEPS; n++) {
            java.util.Arrays.fill(s.spikes, 7);
            s.context.step(s.task);
            int inStep = 0;
            for (int i = 0; i < NEURONS; i++) {
                assertTrue(s.spikes[i] == 0 || s.spikes[i] == 1, "every flag is written, 0 or 1");
                inStep += s.spikes[i];
                perNeuron[i] += s.spikes[i];
            }
            total += inStep;
            sumSquares += (inStep - NEURONS * p) * (inStep - NEURONS * p);
        }
        // 1e6 Bernoulli draws with p = 0.002: mean 2000, standard deviation 44.7.
        double mean = (double) NEURONS * STEPS * p;
        double sd = Math.sqrt(mean * (1 - p));
        assertEquals(mean, total, 5 * sd, "spikes in 1000 neurons x 100 ms at 20 Hz");
        // Independent across neurons: the spikes per step have the binomial variance N p (1 - p) = 1.996,
        // which 1000 steps estimate to a standard deviation of var sqrt(2 / 999) = 0.089.
        double variance = sumSquares / STEPS;
        double binomial = NEURONS * p * (1 - p);
        assertEquals(binomial, variance, 5 * binomial * Math.sqrt(2.0 / (STEPS - 1)), "variance of spikes per step");
        // Independent across steps: a neuron's count is binomial(1000, 0.002), mean 2; 15 is below 1e-9.
        for (int i = 0; i < NEURONS; i++) {
            assertTrue(perNeuron[i] < 15, "neuron " + i + " spiked " + perNeuron[i] + " times");
        }
    }

    @Test
    void anySplitOfTheNeuronsIntoRangesDrawsTheSameSpikes() {
        Source whole = new Source(0.1, 42, 200);
        Source pieces = new Source(0.1, 42, 200);
        int[][] ranges = {{500, 1000}, {0, 1}, {1, 333}, {333, 500}};
        int spikes = 0;
        for (int n = 0; n < 200; n++) {
            whole.context.step(whole.task);
            for (int[] r : ranges) {
                pieces.task.run(r[0], r[1]);
            }
            pieces.context.advance();
            assertArrayEquals(whole.spikes, pieces.spikes, "step " + n);
            for (int f : whole.spikes) {
                spikes += f;
            }
        }
        assertTrue(spikes > 0);
    }

    @Test
    void theSeedAloneDecidesTheSpikes() {
        assertArrayEquals(spikesPerNeuron(new Source(0.1, 7, 50)), spikesPerNeuron(new Source(0.1, 7, 50)));
        assertFalse(java.util.Arrays.equals(spikesPerNeuron(new Source(0.1, 7, 50)),
                spikesPerNeuron(new Source(0.1, 8, 50))), "another seed, other spikes");
    }

    @Test
    void rateZeroNeverSpikesAndOneSpikePerStepAlwaysDoes() {
        int[] none = spikesPerNeuron(new Source(0.1, 1, 0));
        assertArrayEquals(new int[NEURONS], none);
        // rate * dt = 2000 Hz * 0.5 ms = 1: allowed, a spike in every step.
        int[] all = spikesPerNeuron(new Source(0.5, 1, 2000));
        int[] expected = new int[NEURONS];
        java.util.Arrays.fill(expected, STEPS);
        assertArrayEquals(expected, all);
    }

    @Test
    void highRateNearOneSpikePerStepGivesTheRightMeanCount() {
        // 9 kHz at dt = 0.1 ms: p = 0.9, 900 spikes per neuron in 1000 steps, sd sqrt(1000 * 0.9 * 0.1) = 9.5.
        int[] counts = spikesPerNeuron(new Source(0.1, 3, 9000));
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        double mean = 0.9 * NEURONS * STEPS;
        assertEquals(mean, total, 5 * Math.sqrt(mean * 0.1), "all spikes");
        for (int c : counts) {
            assertEquals(900, c, 6 * Math.sqrt(90), "spikes of one neuron");
        }
    }

    @Test
    void refusesMoreThanOneSpikePerStep() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Source(0.5, 1, 3000));
        assertEquals("rate * dt = 1.5 exceeds one spike per step: a spike source emits at most one spike per neuron"
                + " and step, so rate <= 1/dt = 2000.0 Hz at dt = 0.5 ms; lower rate or dt, or use PoissonInput, which"
                + " draws binomial counts per step", e.getMessage());
        assertFalse(new PoissonSpikes().parameters().getFirst().allows(-1), "the engine refuses negative rates");
    }
}
