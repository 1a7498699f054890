package io.spikeforge.it;

import io.spikeforge.core.arrays.NpyWriter;
import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parameters given per element (an initializer, an {@code .npy} file or an expression of i and N): each
 * neuron follows its own closed form, a group with per-element values behaves neuron for neuron as groups
 * of one with those values (the array kernels against the scalar ones, bit for bit), and the example with
 * per-neuron thresholds and STDP gives the same spikes and weights on 1 and 2 threads.
 */
class HeterogeneityTest {

    @TempDir
    Path tmp;

    @Test
    void lifWithAPerNeuronTauFollowsEachNeuronsClosedForm() {
        // V_inf = R*I = 20 mV from V = 0: V(t) = 20 (1 - exp(-t/tau_i)), spike at 15 mV, reset to 0, so
        // the period is tau_i ln 4 rounded up to whole steps.
        int n = 10;
        Network net = Sims.run("""
                dt: 0.1
                duration: 100
                populations:
                  - name: n
                    size: 10
                    neuron: {type: LifRef, V_rest: 0, V_reset: 0, V_th: 15, tau: "5 + 10*i/N"}
                inputs:
                  - {name: bias, type: ConstantCurrent, target: n, value: 20}
                monitors:
                  - {target: n, var: spike}
                  - {target: n, var: V}
                """, 2);
        int[] spikes = Sims.spikes(net, "n.spike");
        for (int k = 0; k < n; k++) {
            double tau = 5 + 10.0 * k / n;
            int period = (int) Math.ceil(tau * Math.log(4) / 0.1);
            List<Integer> steps = new ArrayList<>();
            for (int s = 0; s < spikes.length; s += 2) {
                if (spikes[s + 1] == k) {
                    steps.add(spikes[s]);
                }
            }
            assertTrue(steps.size() >= 2, "neuron " + k + " fires: " + steps);
            // The value monitor records after the step: step s holds V((s + 1) dt).
            assertEquals(period - 1, steps.get(0), "first spike of neuron " + k + " (tau " + tau + " ms)");
            for (int j = 1; j < steps.size(); j++) {
                assertEquals(period, steps.get(j) - steps.get(j - 1), "period of neuron " + k);
            }
            float[] v = Sims.column(net, "n.V", k);
            for (int s = 0; s < period - 1; s++) {
                double exact = 20 * (1 - Math.exp(-(s + 1) * 0.1 / tau));
                assertEquals(exact, v[s], 2e-5 * 20, "V of neuron " + k + " at step " + s);
            }
        }
    }

    /** A parameter of a case: its name, its expression of i, and the same value computed in Java. */
    record Param(String name, String expression, IntToDoubleFunction value) {
    }

    /**
     * A network of one group of 4 with per-neuron values, or of 4 groups of one with the values each
     * neuron gets: Poisson inputs through All2All weights, so every neuron receives the same spikes.
     */
    record Case(String neuron, List<Param> neuronParams, double bias, String syn, List<Param> synParams, String out,
                List<Param> outParams) {

        String group(String name, int size, int element) {
            return """
                  - {name: %s, size: %d, neuron: %s}
                """.formatted(name, size, block(neuron, neuronParams, element));
        }

        String wiring(String name) {
            return """
                  - {name: src_%1$s, pre: src, post: %1$s, comm: {type: EventCSRLinear, conn: All2All, weight: 0.05},
                     syn: %2$s, out: %3$s}
                """.formatted(name, block(syn, synParams, -1), block(out, outParams, -1)).replace("\n   ", "");
        }

        /** @return the model block: expressions when element is -1, else element's values as numbers */
        static String block(String type, List<Param> params, int element) {
            StringBuilder b = new StringBuilder("{type: " + type);
            for (Param p : params) {
                b.append(", ").append(p.name()).append(": ")
                        .append(element < 0 ? "\"" + p.expression() + "\"" : Double.toString(p.value().applyAsDouble(element)));
            }
            return b.append("}").toString();
        }

        String whole() {
            return head() + group("n", 4, -1) + "inputs:\n  - {name: src, type: PoissonSpikes, size: 40, rate: 100}\n"
                    + "  - {name: bias, type: ConstantCurrent, target: n, value: " + bias + "}\nprojections:\n"
                    + wiring("n") + "monitors:\n  - {target: n, var: V}\n  - {target: n, var: spike}\n";
        }

        String split() {
            StringBuilder b = new StringBuilder(head());
            for (int k = 0; k < 4; k++) {
                b.append(group("n" + k, 1, k));
            }
            b.append("inputs:\n  - {name: src, type: PoissonSpikes, size: 40, rate: 100}\n");
            for (int k = 0; k < 4; k++) {
                b.append("  - {name: bias").append(k).append(", type: ConstantCurrent, target: n").append(k)
                        .append(", value: ").append(bias).append("}\n");
            }
            b.append("projections:\n");
            for (int k = 0; k < 4; k++) {
                // The synapse and output of a group of one take element k's values, as numbers.
                String w = wiring("n" + k);
                w = w.replace(block(syn, synParams, -1), block(syn, synParams, k))
                        .replace(block(out, outParams, -1), block(out, outParams, k));
                b.append(w);
            }
            b.append("monitors:\n");
            for (int k = 0; k < 4; k++) {
                b.append("  - {target: n").append(k).append(", var: V}\n");
            }
            return b.toString();
        }

        private static String head() {
            return "dt: 0.1\nduration: 40\nseed: 5\npopulations:\n";
        }

        @Override
        public String toString() {
            return neuron + " + " + syn + " + " + out;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("LifRef", List.of(new Param("V_th", "15 + i", k -> 15 + k), new Param("tau", "8 + 2*i",
                        k -> 8 + 2 * k), new Param("tau_ref", "1 + i", k -> 1 + k)), 10, "Expon",
                        List.of(new Param("tau", "4 + i", k -> 4 + k)), "COBA",
                        List.of(new Param("E", "40 - 10*i", k -> 40 - 10 * k))),
                new Case("Lif", List.of(new Param("V_reset", "-5 - i", k -> -5 - k), new Param("R", "1 + 0.5*i",
                        k -> 1 + 0.5 * k)), 25, "Alpha", List.of(new Param("tau", "4 + i", k -> 4 + k)), "CUBA",
                        List.of()),
                new Case("ExpIF", List.of(new Param("delta_T", "3 + 0.5*i", k -> 3 + 0.5 * k), new Param("tau",
                        "10 + i", k -> 10 + k), new Param("V_T", "-59.9 + 0.3*i", k -> -59.9 + 0.3 * k)), 12,
                        "DualExpon", List.of(new Param("tau_decay", "10 + i", k -> 10 + k)), "MgBlock",
                        List.of(new Param("cc_Mg", "1 + 0.5*i", k -> 1 + 0.5 * k), new Param("E", "-i", k -> -k))),
                new Case("AdExIF", List.of(new Param("a", "0.5*i", k -> 0.5 * k), new Param("b", "1 + i", k -> 1 + k),
                        new Param("tau_w", "30 + 10*i", k -> 30 + 10 * k), new Param("tau_ref", "2*i", k -> 2 * k)), 14,
                        "Expon", List.of(), "COBA", List.of()),
                new Case("Izhikevich", List.of(new Param("a", "0.02 + 0.01*i", k -> 0.02 + 0.01 * k),
                        new Param("c", "-65 + 5*i", k -> -65 + 5 * k), new Param("d", "8 - 2*i", k -> 8 - 2 * k)), 10,
                        "DualExpon", List.of(new Param("tau_rise", "1 + 0.5*i", k -> 1 + 0.5 * k),
                        new Param("A", "1 + i", k -> 1 + k)), "COBA", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachNeuronWithPerNeuronValuesIsAGroupOfOneWithItsValuesBitForBit(Case c) {
        Network whole = Sims.run(c.whole(), 2);
        Network split = Sims.run(c.split(), 1);
        int[] spikes = Sims.spikes(whole, "n.spike");
        assertTrue(spikes.length >= 8, c + " fires: " + spikes.length / 2 + " spikes");
        List<float[]> traces = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            float[] v = Sims.column(whole, "n.V", k);
            assertArrayEquals(Sims.column(split, "n" + k + ".V", 0), v, c + ", neuron " + k);
            traces.add(v);
        }
        assertNotEquals(traces.get(0)[traces.get(0).length - 1], traces.get(3)[traces.get(3).length - 1],
                "the neurons differ");
    }

    /** Every parameter of a COBA network given per element, each element the scalar value. */
    private static final String UNIFORM = """
            dt: 0.1
            duration: 100
            seed: 3
            populations:
              - name: E
                size: 400
                neuron: {type: LifRef, V_rest: %s, V_reset: -60, V_th: %s, tau: %s, tau_ref: 5}
                init: {V: {type: Normal, mean: -55, scale: 5}}
            inputs:
              - {name: bias, type: ConstantCurrent, target: E, value: 11}
            projections:
              - name: EE
                pre: E
                post: E
                comm: {type: EventCSRLinear, conn: {type: FixedProb, prob: 0.05}, weight: 0.3}
                syn: {type: Expon, tau: %s}
                out: {type: COBA, E: %s}
            monitors:
              - {target: E, var: spike}
              - {target: E, var: V, every: 10}
            """;

    @Test
    void aUniformValueGivenPerElementGivesTheScalarKernelsFloatsBitForBit() throws IOException {
        Network scalar = Sims.run(UNIFORM.formatted("-60", "-50", "20", "5", "0"), 1);
        writeFloat64(tmp.resolve("tau.npy"), new double[400], 20);
        Path config = tmp.resolve("uniform.yaml");
        Files.writeString(config, UNIFORM.formatted("\"-60 + 0*i/N\"", "{type: Uniform, min_val: -50, max_val: -50}",
                "{npy: tau.npy}", "\"5\"", "{type: Normal, mean: 0, scale: 0}"));
        Network perElement = Sims.ENGINE.build(Sims.ENGINE.load(config, Overrides.NONE));
        Sims.ENGINE.run(perElement, new io.spikeforge.core.backend.JvmBackend(2, 1, Sims.TILE),
                io.spikeforge.spi.RunListener.NONE);
        int[] s = Sims.spikes(scalar, "E.spike");
        assertTrue(s.length > 400, "the network is active: " + s.length / 2 + " spikes");
        assertArrayEquals(s, Sims.spikes(perElement, "E.spike"));
        for (int k = 0; k < 400; k += 37) {
            assertArrayEquals(Sims.column(scalar, "E.V", k), Sims.column(perElement, "E.V", k), "neuron " + k);
        }
        assertTrue(perElement.tasks().stream().anyMatch(t -> t.name().equals("E.LifRef.update")));
    }

    @Test
    void anNpyFileGivesOneValuePerNeuronRelativeToTheConfig() throws IOException {
        // float32 thresholds 10, 11, 12 mV, then float64 ones: a neuron fires first when its threshold is lowest.
        NpyWriter.writeFloat32(tmp.resolve("th.npy"), new long[] {3}, i -> 10 + i);
        writeFloat64(tmp.resolve("th64.npy"), new double[] {12, 11, 10}, 0);
        String yaml = """
                dt: 0.1
                duration: 50
                populations:
                  - {name: a, size: 3, neuron: {type: Lif, V_th: {npy: th.npy}}}
                  - {name: b, size: 3, neuron: {type: Lif, V_th: {npy: th64.npy}}}
                inputs:
                  - {name: ia, type: ConstantCurrent, target: a, value: 20}
                  - {name: ib, type: ConstantCurrent, target: b, value: 20}
                monitors:
                  - {target: a, var: spike}
                  - {target: b, var: spike}
                """;
        Path config = tmp.resolve("npy.yaml");
        Files.writeString(config, yaml);
        Network net = Sims.ENGINE.build(Sims.ENGINE.load(config, Overrides.NONE));
        Sims.ENGINE.run(net, new io.spikeforge.core.backend.JvmBackend(1, 1, Sims.TILE),
                io.spikeforge.spi.RunListener.NONE);
        // V = 20 (1 - exp(-t/10)) reaches th at t = 10 ln(20 / (20 - th)).
        int[] a = Sims.spikes(net, "a.spike");
        int[] b = Sims.spikes(net, "b.spike");
        for (int k = 0; k < 3; k++) {
            int first = (int) Math.ceil(10 * Math.log(20 / (20.0 - (10 + k))) / 0.1) - 1;
            assertEquals(first, firstSpike(a, k), "a, neuron " + k);
            assertEquals(first, firstSpike(b, 2 - k), "b, neuron " + (2 - k));
        }
    }

    private static int firstSpike(int[] pairs, int neuron) {
        for (int s = 0; s < pairs.length; s += 2) {
            if (pairs[s + 1] == neuron) {
                return pairs[s];
            }
        }
        return -1;
    }

    /** Writes a 1-D float64 .npy (NumPy's default dtype): the values, or fill when they are all 0. */
    static void writeFloat64(Path file, double[] values, double fill) throws IOException {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + values.length + ",), }";
        StringBuilder h = new StringBuilder(header);
        while ((10 + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        byte[] hb = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer buf = ByteBuffer.allocate(10 + hb.length + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) hb.length).put(hb);
        for (double v : values) {
            buf.putDouble(v == 0 && fill != 0 ? fill : v);
        }
        Files.write(file, buf.array());
    }

    @Test
    void drawnValuesDependOnTheSeedAndNotOnTheThreadCount() {
        String yaml = """
                dt: 0.1
                duration: 10
                seed: %d
                populations:
                  - {name: n, size: 1000, neuron: {type: LifRef, V_th: {type: Normal, mean: -50, scale: 2}}}
                """;
        float[] one = thresholds(Sims.run(yaml.formatted(1), 1));
        assertArrayEquals(one, thresholds(Sims.run(yaml.formatted(1), 2)));
        assertNotEquals(one[0], thresholds(Sims.run(yaml.formatted(2), 1))[0]);
        double mean = 0;
        for (float x : one) {
            mean += x / one.length;
        }
        assertEquals(-50, mean, 0.2, "the thresholds' mean");
    }

    private static float[] thresholds(Network net) {
        return net.spec().populations().get(0).neuron().params().values("V_th");
    }

    @Test
    void theHeterogeneousExampleGivesTheSameSpikesAndWeightsOnOneAndTwoThreads() {
        Overrides o = new Overrides(500.0, null, null, null, null);
        Network one = Sims.runExample("heterogeneous.yaml", o, 1);
        Network two = Sims.runExample("heterogeneous.yaml", o, 2);
        int[] s = Sims.spikes(one, "neurons.spike");
        assertTrue(s.length > 1000, "the network is active: " + s.length / 2 + " spikes");
        assertArrayEquals(s, Sims.spikes(two, "neurons.spike"));
        float[] w = Sims.weights(one, "stdp");
        assertArrayEquals(w, Sims.weights(two, "stdp"));
        float[] thresholds = one.spec().populations().get(0).neuron().params().values("V_th");
        assertNotEquals(thresholds[0], thresholds[1], "one threshold per neuron");
        assertNotNull(one.spec().projections().get(0).delays(), "a delay drawn per synapse");
        assertFalse(java.util.Arrays.equals(w, one.projection("stdp").initialWeights()), "STDP changed the weights");
    }

    /** BrainPy's LifRef written as equations, as examples/packs/brainpy-as-equations has it. */
    private static final String LIF_EQ = """
            models:
              - name: LifRefEq
                kind: neuron
                equations: |
                  dV/dt = (-(V - V_rest) + R*I) / tau : mV (unless refractory)
                  I : nA
                parameters: {V_rest: 0 mV, V_reset: -5 mV, V_th: 20 mV, R: 1 Mohm, tau: 10 ms, tau_ref: 0 ms}
                initial: {V: V_rest}
                threshold: V >= V_th
                reset: V = V_reset
                refractory: t - lastspike <= tau_ref
                method: exact
              - name: ExponEq
                kind: synapse
                equations: |
                  dg/dt = -g/tau : uS
                parameters: {tau: 8 ms}
              - name: CUBAEq
                kind: output
                equations: |
                  I = k * g : nA
                  g : uS
                parameters: {k: 1 nA/uS}
            """;

    @Test
    void anEquationNeuronReadsAnArrayForEachParameterThatVaries() {
        // V starts at V_rest = -i (its initial value names the parameter), V_inf = 20 - i, threshold 15,
        // reset 0: the first spike at tau ln(20 / (5 - i)), then every tau ln((20 - i) / (5 - i)).
        Network net = Sims.run(LIF_EQ + """
                dt: 0.1
                duration: 100
                populations:
                  - {name: n, size: 10, neuron: {type: LifRefEq, V_rest: "-i", V_reset: 0, V_th: 15, tau: "5 + 10*i/N"}}
                inputs:
                  - {name: bias, type: ConstantCurrent, target: n, value: 20}
                monitors:
                  - {target: n, var: spike}
                  - {target: n, var: V}
                """, 2);
        int[] spikes = Sims.spikes(net, "n.spike");
        for (int k = 0; k < 10; k++) {
            double tau = 5 + 10.0 * k / 10;
            List<Integer> steps = new ArrayList<>();
            for (int s = 0; s < spikes.length; s += 2) {
                if (spikes[s + 1] == k) {
                    steps.add(spikes[s]);
                }
            }
            if (k >= 5) {
                assertEquals(List.of(), steps, "V_inf = " + (20 - k) + " mV stays below the threshold");
                assertEquals(20 - k - (20 - 0.0) * Math.exp(-100 / tau), Sims.column(net, "n.V", k)[999], 1e-3);
                continue;
            }
            assertEquals((int) Math.ceil(tau * Math.log(20.0 / (5 - k)) / 0.1) - 1, steps.get(0), "neuron " + k);
            int period = (int) Math.ceil(tau * Math.log((20.0 - k) / (5 - k)) / 0.1);
            for (int j = 1; j < steps.size(); j++) {
                assertEquals(period, steps.get(j) - steps.get(j - 1), "period of neuron " + k);
            }
        }
    }

    @Test
    void anEquationNeuronWithPerNeuronParametersGivesTheBuiltInsFloats() {
        // The propagator exp(-dt/tau) of each neuron is computed when the model is built, as the built-in's is,
        // and the refractory period is counted in each neuron's own whole steps as the built-in counts them.
        String net = LIF_EQ + """
                dt: 0.1
                duration: 100
                populations:
                  - {name: n, size: 6, neuron: {type: %s, V_rest: "-i", V_reset: 0, V_th: "14 + i", tau: "5 + 1.5*i",
                     tau_ref: "2*i"}}
                inputs:
                  - {name: bias, type: ConstantCurrent, target: n, value: 20}
                monitors:
                  - {target: n, var: V}
                  - {target: n, var: spike}
                """;
        Network eq = Sims.run(net.formatted("LifRefEq"), 1);
        Network builtIn = Sims.run(net.formatted("LifRef"), 2);
        assertTrue(Sims.spikes(builtIn, "n.spike").length > 20);
        assertArrayEquals(Sims.spikes(builtIn, "n.spike"), Sims.spikes(eq, "n.spike"));
        for (int k = 0; k < 6; k++) {
            assertArrayEquals(Sims.column(builtIn, "n.V", k), Sims.column(eq, "n.V", k), "neuron " + k);
        }
    }

    @Test
    void equationSynapsesAndOutputsTakeValuesPerPostNeuron() {
        // One spike at 1 ms through weights of 1 uS onto 4 neurons: g = exp(-t/tau_j) per post neuron, and the
        // current k_j g, which the neuron (R = 1, tau = 1 ms) follows: V' = V_inf + (V - V_inf) exp(-dt/tau).
        Network net = Sims.run(LIF_EQ + """
                dt: 0.1
                duration: 20
                inputs:
                  - {name: s, type: SpikeTimes, size: 1, times: [1.0]}
                populations:
                  - {name: n, size: 4, neuron: {type: LifRefEq, V_th: 1000, tau: 1}}
                projections:
                  - {name: p, pre: s, post: n, comm: {type: Dense, conn: All2All, weight: 1}, syn: {type: ExponEq,
                     tau: "2 + 2*i"}, out: {type: CUBAEq, k: "1 + i"}}
                monitors:
                  - {target: p, var: g}
                  - {target: n, var: V}
                """, 1);
        for (int j = 0; j < 4; j++) {
            float[] g = Sims.column(net, "p.g", j);
            double tau = 2 + 2 * j;
            // The source fires in step 10; the weight arrives in step 11 and adds after the step's decay.
            assertEquals(0f, g[10]);
            double v = 0;
            float[] trace = Sims.column(net, "n.V", j);
            for (int s = 11; s < 200; s++) {
                double exact = Math.exp(-(s - 11) * 0.1 / tau);
                assertEquals(exact, g[s], 1e-5, "g of slot " + j + " at step " + s);
                // The output adds k g, with g of this step, to the current the neuron then consumes.
                double vInf = (1 + j) * g[s];
                v = vInf + (v - vInf) * Math.exp(-0.1);
                assertEquals(v, trace[s], 1e-7 + 1e-5 * Math.abs(v), "V of neuron " + j + " at step " + s);
            }
        }
    }

    @Test
    void anEquationParameterThatCannotVaryIsRefusedWithTheOnesThatCan() {
        String yaml = """
                dt: 0.1
                duration: 10
                models:
                  - name: Coupled
                    kind: neuron
                    equations: |
                      dv/dt = (w - v) / tau : 1
                      dw/dt = -w / tau_w : 1
                    parameters: {tau: 10 ms, tau_w: 20 ms, v_th: 1}   # a coupled exact system needs constant coefficients
                    threshold: v > v_th
                    reset: v = 0
                    method: exact
                populations:
                  - {name: n, size: 4, neuron: {type: Coupled, tau: "10 + i", v_th: "1 + i"}}
                """;
        assertEquals(List.of("populations[0].neuron.tau: expected a number in ms, got '10 + i'; Coupled takes one value"
                + " of tau for all its elements (it may vary v_th per element)"), errors(yaml));
    }

    @Test
    void aReceptorsParametersVaryPerPreNeuronAndATracesTimeConstantIsRefusedWithWhy() {
        // AMPA keeps its state per pre neuron: 5 values for 5 pre neurons, whatever the post size
        Network net = Sims.run("""
                dt: 0.1
                duration: 30
                inputs:
                  - {name: src, type: SpikeTimes, size: 5, times: [1.0], indices: [0]}
                populations:
                  - {name: n, size: 3, neuron: {type: Lif, V_th: 1000}}
                projections:
                  - {name: p, pre: src, post: n, comm: {type: Dense, conn: All2All, weight: 0.1},
                     syn: {type: AMPA, beta: "0.1 + 0.05*i"}, out: CUBA}
                monitors:
                  - {target: p, var: g}
                """.replace("\n     ", ""), 1);
        float[] g = Sims.column(net, "p.g", 0);
        assertEquals(0f, Sims.column(net, "p.g", 4)[g.length - 1], 0, "pre neuron 4 never spiked");
        // long after the pulse, g of pre neuron 0 decays by exp(-beta_0 dt) per step, beta_0 = 0.1 / ms
        int k = g.length - 1;
        assertTrue(g[k] > 0.01, "AMPA opened: " + g[k]);
        assertEquals(Math.exp(-0.1 * 0.1), g[k] / g[k - 1], 1e-6);
        assertEquals(List.of("projections[0].plasticity.tau_x: expected a number in ms, got '100 + i'; TripletSTDP"
                        + " takes one value of tau_x for all its synapses: it is the time constant of the pre trace r2,"
                        + " one per pre neuron, which all that neuron's synapses read (it may vary A2_minus, A2_plus,"
                        + " A3_minus, A3_plus, W_max, W_min per synapse)"),
                errors(BAD.replace("{type: STDP_Song2000, tau_s: %s}", "{type: TripletSTDP, tau_x: \"100 + i\"}")
                        .formatted(100, -50, 10, 5)));
    }

    private static List<String> errors(String yaml) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Sims.ENGINE.build(Sims.ENGINE.parse(yaml, "bad.yaml", Overrides.NONE)));
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    private static final String BAD = """
            dt: 0.1
            duration: 10
            inputs:
              - {name: src, type: PoissonSpikes, size: 10, rate: %s}
            populations:
              - {name: n, size: 20, neuron: {type: LifRef, V_th: %s, tau: %s}}
            projections:
              - name: p
                pre: src
                post: n
                comm: {type: EventCSRLinear, conn: {type: FixedProb, prob: 0.5}, weight: 0.1}
                syn: {type: Expon, tau: %s}
                out: COBA
                plasticity: {type: STDP_Song2000, tau_s: %s}
            """;

    @Test
    void perElementMistakesAreNamedAtTheirPaths() {
        // In the order of the sections; the values are made (and checked) once all are read.
        assertEquals(List.of(
                        "inputs[0].rate: expected a number in Hz, got a mapping; an input model takes one value of each"
                                + " parameter (neuron, synapse, output and plasticity models may take one per element)",
                        "projections[0].syn.tau: expected a number in ms, an initializer ({type: Normal, mean: ...,"
                                + " scale: ...}), {npy: FILE} or an expression of i and N, got a mapping without 'type'"
                                + " or 'npy'",
                        "projections[0].plasticity.tau_s: expected a number in ms, got a mapping; STDP_Song2000 takes"
                                + " one value of tau_s for all its synapses: it is the time constant of the pre trace"
                                + " A_pre, one per pre neuron, which all that neuron's synapses read (it may vary A1,"
                                + " A2, W_max, W_min per synapse)",
                        "populations[0].neuron.tau: '5 - 10*i/N' gives 0.0 at element 10; every value must be > 0 ms"),
                errors(BAD.formatted("{type: Uniform}", "\"-50 + i/N\"", "\"5 - 10*i/N\"", "{mean: 5}",
                        "{type: Uniform, min_val: 15, max_val: 17}")));
    }

    @Test
    void expressionsAreCheckedAsWritten() {
        assertEquals(List.of("populations[0].neuron.V_th: expected a number in mV or an expression of i (the element's"
                        + " index, from 0) and N (the number of elements) in mV, got '-50 + j': it may name i, N, pi and"
                        + " e, not 'j'",
                "populations[0].neuron.tau: expected a number in ms or an expression of i (the element's index, from 0)"
                        + " and N (the number of elements) in ms, got '5 + ': the expression ends too early in '5 + ' at"
                        + " column 5",
                "projections[0].syn.tau: expected a number in ms or an expression of i (the element's index, from 0) and"
                        + " N (the number of elements) in ms, got '5*ms': it may name i, N, pi and e, not 'ms' (write the"
                        + " value in ms without a unit)"),
                errors(BAD.formatted("10", "\"-50 + j\"", "\"5 + \"", "\"5*ms\"", "0.96")));
        assertEquals(List.of("projections[0].syn.tau: expected a number in ms or an expression of i (the element's index,"
                        + " from 0) and N (the number of elements) in ms, got 'foo(i)': foo() has no value"),
                errors(BAD.formatted("10", "-50", "10", "\"foo(i)\"", "0.96")));
        assertEquals(List.of("populations[0].neuron.V_th: expected a number in mV or an expression of i (the element's"
                        + " index, from 0) and N (the number of elements) in mV, got '-50 + rand()': draw random values"
                        + " with an initializer, {type: Uniform, min_val: ..., max_val: ...} or {type: Normal, mean: ...,"
                        + " scale: ...}, not rand()",
                "populations[0].neuron.tau: expected a number in ms or an expression of i (the element's index, from 0)"
                        + " and N (the number of elements) in ms, got 'clip(i, 5)': clip() takes 3 arguments, got 2"),
                errors(BAD.formatted("10", "\"-50 + rand()\"", "\"clip(i, 5)\"", "5", "0.96")));
    }

    @Test
    void anNpyFileOfTheWrongLengthOrMissingIsRefused() throws IOException {
        NpyWriter.writeFloat32(tmp.resolve("five.npy"), new long[] {5}, i -> 20);
        Path config = tmp.resolve("bad.yaml");
        Files.writeString(config, BAD.formatted("10", "{npy: five.npy}", "{npy: none.npy}", "5", "0.96"));
        ConfigException e = assertThrows(ConfigException.class, () -> Sims.ENGINE.load(config, Overrides.NONE));
        assertEquals(List.of("populations[0].neuron.V_th.npy: 'five.npy' holds 5 values (shape [5]);"
                        + " it must hold one per element, 20",
                "populations[0].neuron.tau.npy: no such file: " + tmp.resolve("none.npy")),
                e.errors().stream().map(ConfigError::toString).toList());
    }
}
