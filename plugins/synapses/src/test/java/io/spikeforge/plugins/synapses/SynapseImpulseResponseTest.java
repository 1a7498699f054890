package io.spikeforge.plugins.synapses;

import io.spikeforge.spi.SynapseModel;
import io.spikeforge.spi.testing.InMemoryBuildContext;
import io.spikeforge.spi.testing.ModelParams;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Expon, DualExpon and Alpha through their {@code create}: the response of g to weights arriving in
 * step 0, against the closed forms at t = k dt after the arrival step (g is read after each update,
 * so the arrival step itself is t = 0).
 */
class SynapseImpulseResponseTest {

    private static final double DT = 0.1;

    /** A synapse state made by its model, with the input array the comm adds the arriving weights to. */
    private static final class SynapseUnderTest {
        final InMemoryBuildContext context = new InMemoryBuildContext(DT);
        final float[] input;
        final SynapseModel.SynapseState state;

        SynapseUnderTest(SynapseModel model, int size, Object... params) {
            input = new float[size];
            state = model.create(ModelParams.of(model, params), context, size, input);
        }

        /** Adds {@code arriving} to the input, runs one update and checks that the input was consumed. */
        float[] step(float... arriving) {
            for (int i = 0; i < arriving.length; i++) {
                input[i] += arriving[i];
            }
            context.step(state.update());
            assertArrayEquals(new float[input.length], input, "the input is consumed");
            return state.g();
        }
    }

    /**
     * The float error of a state decayed k times by a float factor: at most 2^-24 relative from the
     * factor and 2^-24 from each product, so (k + 1) 2^-23 relative, plus one float ulp.
     */
    private static double decayTolerance(int k, double expected) {
        return (k + 1) * 0x1p-23 * Math.abs(expected) + Math.ulp((float) expected);
    }

    @Test
    void exponDecaysAsWTimesExpMinusTOverTauAndSumsArrivals() {
        double tau = 5;
        SynapseUnderTest s = new SynapseUnderTest(new Expon(), 3, "tau", tau);
        float[] w = {0.5f, 0f, 2f};
        float[] g = s.step(w);
        assertArrayEquals(w, g, "the arrival step adds the weights undecayed");
        for (int k = 1; k <= 300; k++) {
            // slot 1 gets a weight of its own at k = 100: the responses superpose
            g = s.step(0f, k == 100 ? 1.25f : 0f, 0f);
            for (int i : new int[] {0, 2}) {
                double expected = w[i] * Math.exp(-k * DT / tau);
                assertEquals(expected, g[i], decayTolerance(k, expected), "slot " + i + ", t = " + k * DT);
            }
            double expected1 = k < 100 ? 0 : 1.25 * Math.exp(-(k - 100) * DT / tau);
            assertEquals(expected1, g[1], decayTolerance(k - 100, expected1), "slot 1, t = " + k * DT);
        }
        assertEquals(Set.of("g"), s.context.variables());
    }

    /** The peak of exp(-t/tau_decay) - exp(-t/tau_rise), found by a fine search rather than the formula. */
    private static double searchedPeak(double tauDecay, double tauRise) {
        double best = 0;
        for (double t = 0; t < 10 * Math.max(tauDecay, tauRise); t += 1e-4) {
            best = Math.max(best, Math.abs(Math.exp(-t / tauDecay) - Math.exp(-t / tauRise)));
        }
        return best;
    }

    @Test
    void dualExponFollowsTheDifferenceOfExponentialsNormalisedToPeakAtW() {
        double tauDecay = 10;
        double tauRise = 1;
        float w = 1.5f;
        double a = 1 / searchedPeak(tauDecay, tauRise);
        SynapseUnderTest s = new SynapseUnderTest(new DualExpon(), 1, "tau_decay", tauDecay, "tau_rise", tauRise);
        assertEquals(0f, s.step(w)[0], 0f, "both components start at w: g = 0 in the arrival step");
        double max = 0;
        int argMax = 0;
        for (int k = 1; k <= 500; k++) {
            float g = s.step(0f)[0];
            double t = k * DT;
            double expected = a * w * (Math.exp(-t / tauDecay) - Math.exp(-t / tauRise));
            assertEquals(expected, g, 1e-5 * w, "t = " + t);
            if (g > max) {
                max = g;
                argMax = k;
            }
        }
        // The continuous peak is w at t = ln(10) 10/9 = 2.558 ms; the grid's nearest point is 2.6 ms.
        assertEquals(26, argMax);
        assertEquals(w, max, 1e-4 * w);
        assertTrue(max <= w, "the grid never exceeds the continuous peak");
        assertEquals(Set.of("g", "g_rise", "g_decay"), s.context.variables());
    }

    @Test
    void dualExponWithAGivenAmplitudeIsNotNormalised() {
        SynapseUnderTest s = new SynapseUnderTest(new DualExpon(), 1, "tau_decay", 10.0, "tau_rise", 1.0, "A", 2.0);
        s.step(1f);
        for (int k = 1; k <= 100; k++) {
            double t = k * DT;
            double expected = 2 * (Math.exp(-t / 10) - Math.exp(-t / 1));
            assertEquals(expected, s.step(0f)[0], 1e-5, "t = " + t);
        }
    }

    @Test
    void dualExponWithTheTimeConstantsSwappedStillPeaksAtPlusW() {
        SynapseUnderTest usual = new SynapseUnderTest(new DualExpon(), 1, "tau_decay", 10.0, "tau_rise", 1.0);
        SynapseUnderTest swapped = new SynapseUnderTest(new DualExpon(), 1, "tau_decay", 1.0, "tau_rise", 10.0);
        usual.step(1f);
        swapped.step(1f);
        for (int k = 1; k <= 200; k++) {
            assertEquals(usual.step(0f)[0], swapped.step(0f)[0], 1e-6, "t = " + k * DT);
        }
    }

    @Test
    void dualExponRefusesEqualTimeConstants() {
        DualExpon m = new DualExpon();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.create(
                ModelParams.of(m, "tau_decay", 5.0, "tau_rise", 5.0), new InMemoryBuildContext(DT), 1, new float[1]));
        assertEquals("tau_rise must differ from tau_decay (both 5.0 ms); use Alpha for equal time constants",
                e.getMessage());
    }

    @Test
    void alphaFollowsWTimesTTimesExpMinusTOverTau() {
        double tau = 4;
        float w = 0.8f;
        SynapseUnderTest s = new SynapseUnderTest(new Alpha(), 1, "tau", tau);
        float[] h = s.context.floats("h");
        assertEquals(0f, s.step(w)[0], 0f, "g starts at 0; the weight goes to h");
        assertEquals(w, h[0], 0f);
        double max = 0;
        int argMax = 0;
        for (int k = 1; k <= 400; k++) {
            float g = s.step(0f)[0];
            double t = k * DT;
            double expected = w * t * Math.exp(-t / tau);
            assertEquals(expected, g, decayTolerance(2 * k, expected), "g at t = " + t);
            double expectedH = w * Math.exp(-t / tau);
            assertEquals(expectedH, h[0], decayTolerance(k, expectedH), "h at t = " + t);
            if (g > max) {
                max = g;
                argMax = k;
            }
        }
        assertEquals(40, argMax, "the peak is at t = tau");
        assertEquals(w * tau / Math.E, max, 1e-6, "of height w tau / e");
    }
}
