package io.spikeforge.plugins.neurons;

import org.junit.jupiter.api.Test;

import static io.spikeforge.plugins.neurons.NeuronUnderTest.floatTolerance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Izhikevich through its {@code create}: the start at V = c, u = b c, one forward-Euler step of both
 * variables from the same start-of-step values, the spike at {@code V >= V_th} with V = c and u += d,
 * and u adapting while V is held during refractoriness.
 */
class IzhikevichTest {

    private static final double DT = 0.1;

    private static double dvDt(double v, double u, double rI) {
        return 0.04 * v * v + 5 * v + 140 - u + rI;
    }

    @Test
    void startsAtCAndBTimesC() {
        NeuronUnderTest n = new NeuronUnderTest(new Izhikevich(), DT, 2, "b", 0.25, "c", -60.0);
        assertArrayEquals(new float[] {-60f, -60f}, n.v());
        assertArrayEquals(new float[] {-15f, -15f}, n.context.floats("u"));
    }

    @Test
    void startsAtVInitWithUAtBTimesIt() {
        NeuronUnderTest n = new NeuronUnderTest(new Izhikevich(), DT, 2, "b", 0.25, "V_init", -70.0);
        assertArrayEquals(new float[] {-70f, -70f}, n.v());
        assertArrayEquals(new float[] {-17.5f, -17.5f}, n.context.floats("u"));
    }

    @Test
    void takesOneForwardEulerStepOfVAndU() {
        double a = 0.02;
        double b = 0.2;
        double r = 1.5;
        NeuronUnderTest n = new NeuronUnderTest(new Izhikevich(), DT, 3, "R", r);
        float[] u = n.context.floats("u");
        float[] v0 = {-65f, -70f, 0f};
        float[] u0 = {-13f, -10f, 2f};
        float[] input = {10f, 0f, 5f};
        System.arraycopy(v0, 0, n.v(), 0, 3);
        System.arraycopy(u0, 0, u, 0, 3);
        n.step(input);
        for (int i = 0; i < 3; i++) {
            double expectedV = v0[i] + DT * dvDt(v0[i], u0[i], r * input[i]);
            double expectedU = u0[i] + DT * a * (b * v0[i] - u0[i]);
            assertEquals(expectedV, n.v()[i], floatTolerance(expectedV), "V of neuron " + i);
            assertEquals(expectedU, u[i], floatTolerance(expectedU), "u of neuron " + i);
        }
        assertArrayEquals(new int[3], n.spikes);
        assertArrayEquals(new float[3], n.current);
    }

    @Test
    void spikeSetsVToCAndAddsDToUWhichKeepsAdaptingWhileHeld() {
        double a = 0.02;
        double b = 0.2;
        double c = -65;
        double d = 8;
        NeuronUnderTest n = new NeuronUnderTest(new Izhikevich(), DT, 1, "tau_ref", 0.2);
        float[] u = n.context.floats("u");
        n.v()[0] = 25f;
        u[0] = -13f;
        assertTrue(25 + DT * dvDt(25, -13, 0) >= 30, "precondition: the step crosses V_th = 30 mV");
        n.step(0f);
        assertEquals(1, n.spikes[0]);
        assertEquals((float) c, n.v()[0], 0f);
        double expectedU = -13 + DT * a * (b * 25 - -13) + d;
        assertEquals(expectedU, u[0], floatTolerance(expectedU), "u' + d");
        assertEquals(2, n.refractory()[0]);
        for (int step = 1; step <= 2; step++) {
            double before = u[0];
            n.step(1000f);
            assertEquals(0, n.spikes[0], "held, step " + step);
            assertEquals((float) c, n.v()[0], 0f, "held, step " + step);
            double adapted = before + DT * a * (b * c - before);
            assertEquals(adapted, u[0], floatTolerance(adapted), "u adapts while held, step " + step);
            assertEquals(0f, n.current[0], 0f);
        }
        n.step(1000f);
        assertEquals(1, n.spikes[0], "free again after floor(0.2 / 0.1) = 2 steps");
    }
}
