package io.spikeforge.plugins.synapses;

import io.spikeforge.spi.Params;
import io.spikeforge.spi.SynapseModel;
import io.spikeforge.spi.testing.InMemoryBuildContext;
import io.spikeforge.spi.testing.ModelParams;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AMPA, GABAa, NMDA, BioNMDA, STD and STP with parameters given per slot (per pre neuron): values all equal
 * give the scalar kernel's floats bit for bit, and distinct values act per slot, each slot following the
 * closed form of its own values (the per-slot kernels run the scalar kernels' operations on each slot's own
 * factors). Values are chosen exact in float, as the engine holds per-element values in float.
 */
class PerSlotReceptorsTest {

    private static final double DT = 0.1;

    /** A model's parameters with some given per slot, as the engine gives them from an initializer. */
    private static Params varying(SynapseModel model, Map<String, float[]> perSlot, Object... scalars) {
        ModelParams base = ModelParams.of(model, scalars);
        return new Params() {
            @Override
            public double real(String name) {
                if (perSlot.containsKey(name)) {
                    throw new IllegalStateException(name + " varies: the model must read values(name)");
                }
                return base.real(name);
            }

            @Override
            public int integer(String name) {
                return base.integer(name);
            }

            @Override
            public boolean bool(String name) {
                return base.bool(name);
            }

            @Override
            public double[] reals(String name) {
                return base.reals(name);
            }

            @Override
            public boolean has(String name) {
                return base.has(name);
            }

            @Override
            public boolean varies(String name) {
                return perSlot.containsKey(name);
            }

            @Override
            public float[] values(String name) {
                float[] v = perSlot.get(name);
                if (v == null) {
                    throw new IllegalStateException(name + " does not vary");
                }
                return v;
            }
        };
    }

    /** Every parameter of {@code model} given per slot, each slot the value {@code scalars} give it. */
    private static Params allPerSlot(SynapseModel model, int size, Object... scalars) {
        ModelParams base = ModelParams.of(model, scalars);
        Map<String, float[]> perSlot = new HashMap<>();
        for (String name : model.perElement()) {
            float[] v = new float[size];
            java.util.Arrays.fill(v, (float) base.real(name));
            assertEquals(base.real(name), v[0], 0, name + " is exact in float, so the two forms see one value");
            perSlot.put(name, v);
        }
        return varying(model, perSlot, scalars);
    }

    /** Runs a synapse state of {@code size} slots; slot i gets a spike in the steps where spikes[i] says. */
    private static final class Run {
        final InMemoryBuildContext context = new InMemoryBuildContext(DT);
        final float[] input;
        final SynapseModel.SynapseState state;

        Run(SynapseModel model, Params p, int size) {
            input = new float[size];
            state = model.create(p, context, size, input);
        }

        float[] step(int k) {
            for (int i = 0; i < input.length; i++) {
                // slot i spikes every 7 + 3 i steps from step i: each slot its own train
                input[i] += k >= i && (k - i) % (7 + 3 * i) == 0 ? 1f : 0f;
            }
            context.step(state.update());
            return state.g().clone();
        }
    }

    /** Scalar values of each model that are exact in float and differ from the defaults. */
    private static final List<Object[]> EXACT = List.<Object[]>of(
            new Object[] {TransmitterGated.ampa(), "alpha", 1.0, "beta", 0.25, "T", 0.5, "T_dur", 0.5},
            new Object[] {TransmitterGated.gabaA(), "alpha", 0.5, "beta", 0.125, "T", 1.0, "T_dur", 1.0},
            new Object[] {new Nmda(), "a", 0.5, "tau_decay", 64.0, "tau_rise", 2.0},
            new Object[] {new BioNmda(), "alpha1", 2.0, "beta1", 0.0078125, "alpha2", 1.0, "beta2", 0.5, "T", 1.0,
                    "T_dur", 0.5},
            new Object[] {new Std(), "tau", 200.0, "U", 0.125, "tau_syn", 8.0},
            new Object[] {new Stp(), "U", 0.25, "tau_f", 1500.0, "tau_d", 200.0, "tau_syn", 8.0});

    @Test
    void everyParameterOfTheReceptorsAndShortTermPlasticityMayVary() {
        for (Object[] c : EXACT) {
            SynapseModel m = (SynapseModel) c[0];
            assertEquals(new java.util.HashSet<>(io.spikeforge.spi.ParamSpec.names(m.parameters())), m.perElement(),
                    m.name());
        }
    }

    @Test
    void valuesAllEqualGiveTheScalarKernelsFloatsBitForBit() {
        for (Object[] c : EXACT) {
            SynapseModel m = (SynapseModel) c[0];
            Object[] scalars = java.util.Arrays.copyOfRange(c, 1, c.length);
            Run scalar = new Run(m, ModelParams.of(m, scalars), 3);
            Run perSlot = new Run(m, allPerSlot(m, 3, scalars), 3);
            float max = 0;
            for (int k = 0; k < 2000; k++) {
                float[] g = scalar.step(k);
                assertArrayEquals(g, perSlot.step(k), m.name() + ", step " + k);
                max = Math.max(max, g[0]);
            }
            assertTrue(max > 0.01, m.name() + " is driven: g peaks at " + max);
            for (String v : scalar.context.variables()) {
                if (v.equals("pulse")) {
                    assertArrayEquals(scalar.context.ints(v), perSlot.context.ints(v), m.name() + "." + v);
                } else {
                    assertArrayEquals(scalar.context.floats(v), perSlot.context.floats(v), m.name() + "." + v);
                }
            }
        }
    }

    @Test
    void eachSlotIsTheScalarModelWithItsOwnValues() {
        for (Object[] c : EXACT) {
            SynapseModel m = (SynapseModel) c[0];
            Object[] scalars = java.util.Arrays.copyOfRange(c, 1, c.length);
            ModelParams base = ModelParams.of(m, scalars);
            // slot i scales every parameter by 1 + i/4 (exact in float); U and other fractions stay in range
            Map<String, float[]> perSlot = new HashMap<>();
            for (String name : m.perElement()) {
                float[] v = new float[3];
                for (int i = 0; i < 3; i++) {
                    double x = base.real(name) * (1 + i / 4.0);
                    v[i] = (float) (name.equals("U") ? Math.min(x, 1) : x);
                }
                perSlot.put(name, v);
            }
            Run varied = new Run(m, varying(m, perSlot, scalars), 3);
            Run[] alone = new Run[3];
            for (int i = 0; i < 3; i++) {
                Object[] own = new Object[2 * perSlot.size()];
                int at = 0;
                for (Map.Entry<String, float[]> e : perSlot.entrySet()) {
                    own[at++] = e.getKey();
                    own[at++] = (double) e.getValue()[i];
                }
                alone[i] = new Run(m, ModelParams.of(m, own), 3);
            }
            for (int k = 0; k < 1500; k++) {
                float[] g = varied.step(k);
                for (int i = 0; i < 3; i++) {
                    assertEquals(alone[i].step(k)[i], g[i], 0, m.name() + ", slot " + i + ", step " + k);
                }
            }
            assertNotEquals(alone[0].state.g()[0], varied.state.g()[2], m.name() + ": the slots differ");
        }
    }

    /**
     * AMPA with beta per slot: after the pulse of a spike in step 0, each slot's g decays as exp(-beta_i t)
     * from its own peak g_inf,i (1 - exp(-(alpha T + beta_i) T_dur)).
     */
    @Test
    void ampaDecaysAtEachSlotsOwnBeta() {
        float[] beta = {0.125f, 0.5f};
        SynapseModel m = TransmitterGated.ampa();
        Run r = new Run(m, varying(m, Map.of("beta", beta), "alpha", 1.0, "T", 1.0, "T_dur", 1.0), 2);
        r.input[0] = 1;
        r.input[1] = 1;
        r.context.step(r.state.update());
        int on = 10;
        for (int k = 2; k <= 400; k++) {
            r.context.step(r.state.update());
            for (int i = 0; i < 2; i++) {
                double rate = 1.0 + beta[i];
                double gInf = 1.0 / rate;
                double expected = k <= on ? gInf * (1 - Math.exp(-rate * k * DT))
                        : gInf * (1 - Math.exp(-rate * on * DT)) * Math.exp(-beta[i] * (k - on) * DT);
                assertEquals(expected, r.state.g()[i], 2e-6 * gInf + 1e-4 * expected, "slot " + i + ", t = " + k * DT);
            }
        }
    }

    /** STD with tau per slot: after one spike each slot's x recovers as 1 - U exp(-t/tau_i). */
    @Test
    void stdRecoversAtEachSlotsOwnTau() {
        float[] tau = {50f, 400f};
        SynapseModel m = new Std();
        Run r = new Run(m, varying(m, Map.of("tau", tau), "U", 0.5), 2);
        r.input[0] = 1;
        r.input[1] = 1;
        r.context.step(r.state.update());
        float[] x = r.context.floats("x");
        assertEquals(0.5f, x[0], 0);
        for (int k = 1; k <= 3000; k++) {
            r.context.step(r.state.update());
            for (int i = 0; i < 2; i++) {
                double expected = 1 - 0.5 * Math.exp(-k * DT / tau[i]);
                // the float factor exp(-dt/tau) carries 2^-24 relative, k times over, on the deficit 1 - x
                assertEquals(expected, x[i], (k + 2) * 0x1p-23 * (1 - expected) + 0x1p-23, "slot " + i + ", t = "
                        + k * DT);
            }
        }
    }

    /** NMDA with tau_rise per slot: x decays from 1 as exp(-t/tau_rise,i) after a spike. */
    @Test
    void nmdaRiseVariableDecaysAtEachSlotsOwnTauRise() {
        float[] tauRise = {2f, 8f};
        SynapseModel m = new Nmda();
        Run r = new Run(m, varying(m, Map.of("tau_rise", tauRise)), 2);
        r.input[0] = 1;
        r.input[1] = 1;
        r.context.step(r.state.update());
        float[] x = r.context.floats("x");
        for (int k = 1; k <= 500; k++) {
            r.context.step(r.state.update());
            for (int i = 0; i < 2; i++) {
                double expected = Math.exp(-k * DT / tauRise[i]);
                assertEquals(expected, x[i], (k + 1) * 0x1p-23 * expected + 1e-30, "slot " + i + ", t = " + k * DT);
            }
        }
    }

    /** STP with U per slot: u starts at each slot's own U, and a first spike releases u x of that slot's own u. */
    @Test
    void stpStartsEachSlotAtItsOwnUAndReleasesItsOwnFraction() {
        float[] bigU = {0.25f, 0.5f};
        SynapseModel m = new Stp();
        Run r = new Run(m, varying(m, Map.of("U", bigU)), 2);
        assertArrayEquals(bigU, r.context.floats("u"), "u starts at U");
        r.input[0] = 1;
        r.input[1] = 1;
        r.context.step(r.state.update());
        for (int i = 0; i < 2; i++) {
            // u decays one step, then u += U (1 - u); x = 1 - u x; g = u x
            double u = bigU[i] * Math.exp(-DT / 1500);
            u += bigU[i] * (1 - u);
            double x = 1 - u;
            assertEquals(u, r.context.floats("u")[i], 1e-6, "u, slot " + i);
            assertEquals(u * x, r.state.g()[i], 1e-6, "g, slot " + i);
        }
    }
}
