package io.spikeforge.plugins.neurons;

import org.junit.jupiter.api.Test;

import static io.spikeforge.plugins.neurons.NeuronUnderTest.floatTolerance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ExpIF and AdExIF through their {@code create}: one forward-Euler step against the equations computed
 * here in double precision, the spike at {@code V >= V_th} with its reset (and AdExIF's jump of w by
 * b), and the refractory hold of floor(tau_ref / dt) steps.
 */
class ExponentialIntegrateAndFireTest {

    private static final double DT = 0.1;
    private static final double V_REST = -65;
    private static final double V_RESET = -68;
    private static final double V_TH = -30;
    private static final double V_T = -59.9;
    private static final double DELTA_T = 3.48;

    /** The right-hand side tau dV/dt of ExpIF, plus the adaptation term -R w of AdExIF. */
    private static double tauDvDt(double v, double w, double r, double i) {
        return -(v - V_REST) + DELTA_T * Math.exp((v - V_T) / DELTA_T) - r * w + r * i;
    }

    @Test
    void expIfTakesOneForwardEulerStep() {
        double r = 2;
        double tau = 5;
        NeuronUnderTest n = new NeuronUnderTest(new ExpIF(), DT, 4, "R", r, "tau", tau);
        float[] v0 = {-70f, -65f, -60f, -55f};
        float[] input = {0f, 1.5f, -2f, 3f};
        System.arraycopy(v0, 0, n.v(), 0, 4);
        n.step(input);
        for (int i = 0; i < 4; i++) {
            double expected = v0[i] + DT / tau * tauDvDt(v0[i], 0, r, input[i]);
            assertEquals(expected, n.v()[i], floatTolerance(expected), "neuron " + i);
        }
        assertArrayEquals(new int[4], n.spikes);
        assertArrayEquals(new float[4], n.current, "the current is consumed");
    }

    @Test
    void expIfSpikesOnceTheStepReachesVThAndIsHeldWhileRefractory() {
        // V = -40 mV is far above V_T: the exponential term carries the step to -29.7 mV, above V_th.
        NeuronUnderTest n = new NeuronUnderTest(new ExpIF(), DT, 2, "tau_ref", 0.5);
        n.v()[0] = -40f;
        n.v()[1] = -60f;
        assertTrue(-40 + DT / 10 * tauDvDt(-40, 0, 1, 0) >= V_TH, "precondition: the Euler step crosses V_th");
        n.step(0f, 0f);
        assertArrayEquals(new int[] {1, 0}, n.spikes);
        assertEquals((float) V_RESET, n.v()[0], 0f);
        assertEquals(5, n.refractory()[0], "floor(0.5 / 0.1) steps");
        // Held 5 steps at V_reset whatever the input (4000 nA would cross V_th in one step), then spikes.
        for (int step = 1; step <= 6; step++) {
            n.step(4000f, 0f);
            assertEquals(step == 6 ? 1 : 0, n.spikes[0], "step " + step);
            assertEquals((float) V_RESET, n.v()[0], 0f, "step " + step);
            assertEquals(0f, n.current[0], 0f, "consumed while held, step " + step);
        }
    }

    @Test
    void adExIfStepsVAndWFromTheSameStartOfStepValues() {
        double r = 2;
        double tau = 5;
        double a = 0.5;
        double tauW = 20;
        NeuronUnderTest n = new NeuronUnderTest(new AdExIF(), DT, 3, "R", r, "tau", tau, "a", a, "tau_w", tauW);
        float[] v0 = {-70f, -60f, -55f};
        float[] w0 = {0.5f, -0.25f, 1f};
        float[] input = {0f, 2f, 1f};
        float[] w = n.context.floats("w");
        System.arraycopy(v0, 0, n.v(), 0, 3);
        System.arraycopy(w0, 0, w, 0, 3);
        n.step(input);
        for (int i = 0; i < 3; i++) {
            double expectedV = v0[i] + DT / tau * tauDvDt(v0[i], w0[i], r, input[i]);
            double expectedW = w0[i] + DT / tauW * (a * (v0[i] - V_REST) - w0[i]);
            assertEquals(expectedV, n.v()[i], floatTolerance(expectedV), "V of neuron " + i);
            assertEquals(expectedW, w[i], floatTolerance(expectedW), "w of neuron " + i);
        }
        assertArrayEquals(new int[3], n.spikes);
        assertArrayEquals(new float[3], n.current);
    }

    @Test
    void adExIfSpikeResetsVAndAddsBToWWhichKeepsAdaptingWhileHeld() {
        double a = 1;
        double b = 0.75;
        double tauW = 30;
        NeuronUnderTest n = new NeuronUnderTest(new AdExIF(), DT, 1, "b", b, "tau_ref", 0.2);
        float[] w = n.context.floats("w");
        n.v()[0] = -40f;
        w[0] = 0.5f;
        assertTrue(-40 + DT / 10 * tauDvDt(-40, 0.5, 1, 0) >= V_TH, "precondition: the Euler step crosses V_th");
        n.step(0f);
        assertEquals(1, n.spikes[0]);
        assertEquals((float) V_RESET, n.v()[0], 0f);
        double expectedW = 0.5 + DT / tauW * (a * (-40 - V_REST) - 0.5) + b;
        assertEquals(expectedW, w[0], floatTolerance(expectedW), "w' + b");
        for (int step = 1; step <= 2; step++) {
            double before = w[0];
            n.step(4000f);
            assertEquals(0, n.spikes[0], "held, step " + step);
            assertEquals((float) V_RESET, n.v()[0], 0f, "held, step " + step);
            double adapted = before + DT / tauW * (a * (V_RESET - V_REST) - before);
            assertEquals(adapted, w[0], floatTolerance(adapted), "w adapts while held, step " + step);
        }
    }
}
