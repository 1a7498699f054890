package io.spikeforge.plugins.neurons;

import io.spikeforge.spi.NeuronModel;
import io.spikeforge.spi.ParamSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Lif and LifRef through their {@code create}: exact exponential relaxation below threshold, the
 * threshold test {@code V >= V_th} and the reset, and LifRef's refractory period of
 * floor(tau_ref / dt) steps (BrainPy's {@code t - t_spike <= tau_ref}).
 */
class LifTest {

    private static final double DT = 0.1;

    private static NeuronModel model(boolean refractory) {
        return new Lif(refractory);
    }

    @ParameterizedTest(name = "refractory = {0}")
    @ValueSource(booleans = {false, true})
    void belowThresholdVRelaxesExactlyTowardsVRestPlusRI(boolean refractory) {
        double vRest = -65;
        double r = 10;
        double tau = 20;
        // V_inf = V_rest + R*I: -65, -60 and -52.5 mV, all below V_th = -50; neuron 3 starts above its V_inf.
        float[] input = {0f, 0.5f, 1.25f, 0f};
        NeuronUnderTest n = new NeuronUnderTest(model(refractory), DT, 4, "V_rest", vRest, "V_reset", -70.0,
                "V_th", -50.0, "R", r, "tau", tau);
        n.v()[3] = -51f;
        double[] v0 = {-65, -65, -65, -51};
        for (int k = 1; k <= 400; k++) {
            n.step(input.clone());
            for (int i = 0; i < 4; i++) {
                double vInf = vRest + r * input[i];
                double expected = vInf + (v0[i] - vInf) * Math.exp(-k * DT / tau);
                // The float decay factor exp(-dt/tau) is off by up to 2^-24 relative, which shifts V by up to
                // k 2^-24 |V0 - V_inf| exp(-k dt/tau) (5e-5 mV here), plus the rounding of V itself. Forward
                // Euler instead of the exact exponential would be off by 1e-2 mV.
                assertEquals(expected, n.v()[i], 1e-4, "neuron " + i + " after step " + k);
            }
            assertArrayEquals(new int[4], n.spikes, "no spike below threshold, step " + k);
            assertArrayEquals(new float[4], n.current, "the current is consumed, step " + k);
        }
        // After 40 ms (2 tau) the neurons are far from their start: the comparison above was not trivial.
        assertEquals(-52.5 - 12.5 * Math.exp(-2), n.v()[2], 1e-4);
        assertEquals(-65, n.v()[0], 0.0, "no input, at rest: V stays exactly at V_rest");
    }

    @ParameterizedTest(name = "refractory = {0}")
    @ValueSource(booleans = {false, true})
    void spikesWhenVReachesVThExactlyAndResetsToVReset(boolean refractory) {
        // Defaults: V_rest = 0, V_reset = -5, V_th = 20, R = 1. With R*I = 20 mV, V_inf = 20 = V_th, so a
        // neuron at V_th stays exactly there (and spikes), and one an ulp below stays below (no spike).
        NeuronUnderTest n = new NeuronUnderTest(model(refractory), DT, 2);
        n.v()[0] = 20f;
        n.v()[1] = Math.nextDown(20f);
        n.spikes[1] = 1;
        n.step(20f, 20f);
        assertArrayEquals(new int[] {1, 0}, n.spikes, "V' >= V_th spikes, V' < V_th does not (flag cleared)");
        assertEquals(-5f, n.v()[0], 0f, "reset to V_reset");
        assertEquals(Math.nextDown(20f), n.v()[1], 0f);
        assertArrayEquals(new float[2], n.current);
    }

    @Test
    void lifWithoutRefractorinessCanSpikeInEveryStep() {
        NeuronUnderTest n = new NeuronUnderTest(model(false), DT, 1);
        for (int step = 0; step < 5; step++) {
            // From V_reset = -5 mV, 10000 nA crosses V_th = 20 mV within one step (V' = 94.5 mV).
            n.step(10_000f);
            assertEquals(1, n.spikes[0], "step " + step);
            assertEquals(-5f, n.v()[0], 0f);
        }
    }

    /**
     * Driven so hard that it spikes whenever it may, LifRef spikes in step 0, is held for floor(tau_ref/dt)
     * steps at V_reset whatever its input, and spikes again in the step after.
     */
    @ParameterizedTest(name = "tau_ref = {0} ms: held {1} steps")
    @CsvSource({"0, 0", "0.1, 1", "0.25, 2", "0.3, 3", "0.35, 3", "2.0, 20"})
    void lifRefIsHeldForFloorTauRefOverDtStepsAfterASpike(double tauRef, int held) {
        NeuronUnderTest n = new NeuronUnderTest(model(true), DT, 1, "tau_ref", tauRef);
        for (int step = 0; step < 3 * (held + 1) + 1; step++) {
            n.step(10_000f);
            int sinceSpike = step % (held + 1);
            boolean spikes = sinceSpike == 0;
            assertEquals(spikes ? 1 : 0, n.spikes[0], "step " + step);
            assertEquals(-5f, n.v()[0], 0f, "at V_reset after the spike and while held, step " + step);
            assertEquals(spikes ? held : held - sinceSpike, n.refractory()[0], "steps left, step " + step);
            assertEquals(0f, n.current[0], 0f, "consumed while refractory too, step " + step);
        }
    }

    @Test
    void whileHeldLifRefIgnoresItsInputAndThenIntegratesFromVReset() {
        // One spike, then a current too weak to spike: held 3 steps at V_reset, then relaxing from there.
        NeuronUnderTest n = new NeuronUnderTest(model(true), DT, 1, "tau_ref", 0.3);
        n.step(10_000f);
        for (int step = 1; step <= 3; step++) {
            n.step(5f);
            assertEquals(-5f, n.v()[0], 0f, "held, step " + step);
        }
        n.step(5f);
        double expected = 5 + (-5 - 5) * Math.exp(-DT / 10);
        assertEquals(expected, n.v()[0], 1e-5, "the first free step starts from V_reset");
    }

    @Test
    void aRangeUpdatesOnlyItsOwnNeurons() {
        NeuronUnderTest whole = new NeuronUnderTest(model(true), DT, 4);
        NeuronUnderTest split = new NeuronUnderTest(model(true), DT, 4);
        float[] input = {3f, 10_000f, 7f, 10_000f};
        System.arraycopy(input, 0, split.current, 0, 4);
        split.group.update().run(1, 3);
        assertEquals(0f, split.v()[0], 0f, "neuron 0 is outside [1, 3): untouched");
        assertEquals(0f, split.v()[3], 0f, "neuron 3 is outside [1, 3): untouched");
        assertArrayEquals(new float[] {3f, 0f, 0f, 10_000f}, split.current, "only [1, 3) consumed");
        split.group.update().run(0, 1);
        split.group.update().run(3, 4);
        whole.step(input);
        assertArrayEquals(whole.v(), split.v(), "[1, 3) then [0, 1) and [3, 4) equal [0, 4)");
        assertArrayEquals(whole.spikes, split.spikes);
        assertArrayEquals(new int[] {0, 1, 0, 1}, whole.spikes);
    }

    @Test
    void lifRefAloneHasTauRefAndStartsAtVRest() {
        assertEquals(List.of("V_rest", "V_reset", "V_th", "R", "tau"), ParamSpec.names(model(false).parameters()));
        assertEquals(List.of("V_rest", "V_reset", "V_th", "R", "tau", "tau_ref"),
                ParamSpec.names(model(true).parameters()));
        NeuronUnderTest n = new NeuronUnderTest(model(true), DT, 3, "V_rest", -70.0);
        assertArrayEquals(new float[] {-70f, -70f, -70f}, n.v());
        assertArrayEquals(new int[3], n.refractory());
    }
}
