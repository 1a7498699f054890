package io.spikeforge.it;

import io.spikeforge.core.Engine;
import io.spikeforge.core.backend.JvmBackend;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.equations.EquationPacks;
import io.spikeforge.core.sim.Network;
import io.spikeforge.spi.RunListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BrainPy's LifRef, Expon, COBA and STDP_Song2000 written as equations (the model files of
 * examples/packs/brainpy-as-equations) give the built-in models' floats: every state array, spike and
 * weight bit for bit, on the examples (delays.yaml: per-synapse delays), with one and with two threads.
 */
class EquationBuiltinsTest {

    static final Engine ENGINE = Engine.create(EquationPacks.fromDirectory(Sims.root().resolve("examples/packs")));

    /** {@return the example with every built-in model it uses swapped for its equation twin} */
    static String asEquations(String yaml) {
        String out = yaml.replaceAll("\\bLifRef\\b", "LifRefEq")
                .replaceAll("(type: |syn: )Expon\\b", "$1ExponEq")
                .replaceAll("(type: |out: )COBA\\b", "$1COBAEq");
        return out.replaceAll("type: STDP_Song2000\\b(?=[^}]*W_m)", "type: STDP_Song2000Clipped")
                .replaceAll("type: STDP_Song2000\\b(?!Clipped)", "type: STDP_Song2000Eq");
    }

    private static Network run(String yaml, double durationMs, int threads) {
        Network net = ENGINE.build(ENGINE.parse(yaml, "test", new Overrides(durationMs, null, null, null, null)));
        ENGINE.run(net, new JvmBackend(threads, 1, Sims.TILE), RunListener.NONE);
        return net;
    }

    @ParameterizedTest(name = "{0}, {1} ms, {2} thread(s)")
    @CsvSource({"stdp_net.yaml, 300, 1", "stdp_net.yaml, 300, 2", "coba.yaml, 200, 1", "coba.yaml, 200, 2",
            "song2000.yaml, 20000, 1", "song2000.yaml, 20000, 2", "delays.yaml, 2000, 1", "delays.yaml, 2000, 2"})
    void builtinsWrittenAsEquationsGiveTheirFloats(String example, double durationMs, int threads) throws IOException {
        String yaml = Files.readString(Sims.root().resolve("examples").resolve(example));
        String eq = asEquations(yaml);
        assertNotEquals(yaml, eq, "the example uses built-in models that have equation twins");
        Network builtin = run(yaml, durationMs, threads);
        Network equations = run(eq, durationMs, threads);
        long spikes = 0;
        for (var group : builtin.groups()) {
            spikes += group.spikeTotal()[0];
        }
        assertTrue(spikes > 10, "the network is active: " + spikes + " spikes");
        Outputs.assertSameState(builtin, equations);
        for (var p : builtin.projections()) {
            assertArrayEquals(Sims.weights(builtin, p.name()), Sims.weights(equations, p.name()), p.name() + " weights");
        }
    }

    /**
     * STDP_Song2000 written as equations with A2 and W_max given per synapse (a Uniform draw and an expression of
     * the synapse's index) gives the built-in's weights and spikes with the same per-synapse values, bit for bit:
     * on sims' plastic network (one delay) and on delays.yaml (a delay per synapse), with 1 and 2 threads; and
     * the values do act (the weights differ from those of their mean).
     */
    @ParameterizedTest(name = "{0}, {1} thread(s)")
    @CsvSource({"one delay, 1", "one delay, 2", "delays.yaml, 1", "delays.yaml, 2"})
    void stdpWrittenAsEquationsWithValuesPerSynapseGivesTheBuiltinsFloats(String network, int threads)
            throws IOException {
        String yaml;
        String scalar;
        if (network.equals("one delay")) {
            // The bounds first: asEquations reads them before the first '}' to choose the clipped twin.
            yaml = Sims.plasticNetwork("{type: STDP_Song2000, W_min: 0, W_max: '0.1 + 0.05*i/N', A1: 0.01, A2: {type:"
                    + " Uniform, min_val: 0.005, max_val: 0.016}}");
            scalar = Sims.plasticNetwork("{type: STDP_Song2000, A1: 0.01, A2: 0.0105, W_min: 0, W_max: 0.125}");
        } else {
            String example = Files.readString(Sims.root().resolve("examples/delays.yaml"));
            yaml = example.replace("A1: 1.0e-4, A2: 1.05e-4, W_min: 0, W_max: 0.01}", "W_min: 0, W_max: '0.01 +"
                    + " 0.005*i/N', A1: 1.0e-4, A2: {type: Uniform, min_val: 0.5e-4, max_val: 1.6e-4}}");
            scalar = example;
            assertNotEquals(example, yaml);
        }
        double ms = network.equals("one delay") ? 300 : 2000;
        Network builtin = run(yaml, ms, threads);
        Network equations = run(asEquations(yaml), ms, threads);
        String p = builtin.projections().getFirst().name();
        float[] w = Sims.weights(builtin, p);
        assertArrayEquals(w, Sims.weights(equations, p), "weights");
        Outputs.assertSameState(builtin, equations);
        assertNotEquals(java.util.Arrays.toString(w), java.util.Arrays.toString(Sims.weights(run(scalar, ms, 1), p)),
                "the values per synapse act");
    }

    /** The triplet rule of Pfister and Gerstner (2006) in Brian2's notation: a few lines. */
    static final String TRIPLET = """
            models:
              - name: TripletEq
                kind: plasticity
                equations: |
                  w : uS
                  dr1/dt = -r1/tau_plus : 1 (event-driven)
                  dr2/dt = -r2/tau_x : 1 (event-driven)
                  do1/dt = -o1/tau_minus : 1 (event-driven)
                  do2/dt = -o2/tau_y : 1 (event-driven)
                on_pre: |
                  w = clip(w - o1*(A2_minus + A3_minus*r2), W_min, W_max)
                  r1 += 1
                  r2 += 1
                on_post: |
                  w = clip(w + r1*(A2_plus + A3_plus*o2), W_min, W_max)
                  o1 += 1
                  o2 += 1
                parameters: {tau_plus: 16.8 ms, tau_x: 101 ms, tau_minus: 33.7 ms, tau_y: 125 ms, A2_plus: 0.01 uS,
                             A3_plus: 0.02 uS, A2_minus: 0.0105 uS, A3_minus: 0.001 uS, W_min: 0 uS, W_max: 0.1 uS}
            """;

    @org.junit.jupiter.api.Test
    void theTripletRuleWrittenAsEquationsGivesTheJavaBuiltinsWeights() {
        Network pack = Packs.run(Sims.plasticNetwork("{type: TripletSTDP, A2_plus: 0.01, A3_plus: 0.02, A2_minus: 0.0105,"
                + " A3_minus: 0.001, W_min: 0, W_max: 0.1}"), 2);
        Network equations = Packs.run(Sims.plasticNetwork("TripletEq") + TRIPLET, 2);
        float[] w = Sims.weights(pack, "p");
        float[] initial = Sims.weights(Packs.run(Sims.plasticNetwork("TripletEq").replace("duration: 300",
                "duration: 0.1") + TRIPLET, 1), "p");
        assertNotEquals(java.util.Arrays.toString(initial), java.util.Arrays.toString(w), "the weights moved");
        assertArrayEquals(w, Sims.weights(equations, "p"));
        assertArrayEquals(Sims.spikes(pack, "n.spike"), Sims.spikes(equations, "n.spike"));
    }

    @org.junit.jupiter.api.Test
    void theCobaExampleWrittenAsEquationsGivesTheBuiltinsSpikes() {
        Overrides o = new Overrides(300.0, null, null, null, null);
        Network builtin = Sims.runExample("coba_subgroups.yaml", o, 2);
        Network equations = Sims.runExample("equations/coba.yaml", o, 2);
        int[] spikes = Sims.spikes(builtin, "P.spike");
        assertTrue(spikes.length > 2000, "the network fires: " + spikes.length / 2);
        assertArrayEquals(spikes, Sims.spikes(equations, "P.spike"));
        assertArrayEquals((float[]) builtin.states().find("P.V").orElseThrow().array(),
                (float[]) equations.states().find("P.V").orElseThrow().array());
    }

    @ParameterizedTest(name = "{0}, {1} ms, on TornadoVM")
    @CsvSource({"stdp_net.yaml, 300", "coba.yaml, 100", "song2000.yaml, 2000"})
    void builtinsWrittenAsEquationsGiveTheirFloatsOnTheDevice(String example, double durationMs) throws IOException {
        boolean present = ENGINE.backendNames().contains("tornado");
        if (!present) {
            System.out.println("EquationBuiltinsTest on TornadoVM skipped: this build has no TornadoVM backend (build"
                    + " with a TornadoVM SDK in TORNADOVM_HOME, which activates the tornado profile)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(present, "no TornadoVM backend in this build");
        String yaml = Files.readString(Sims.root().resolve("examples").resolve(example));
        Network builtin = run(yaml, durationMs, 1);
        Network device = ENGINE.build(ENGINE.parse(asEquations(yaml), "test",
                new Overrides(durationMs, null, null, null, "tornado")));
        ENGINE.run(device, ENGINE.backend(device), RunListener.NONE);
        Outputs.assertSameState(builtin, device);
        for (var p : builtin.projections()) {
            assertArrayEquals(Sims.weights(builtin, p.name()), Sims.weights(device, p.name()), p.name() + " weights");
        }
    }
}
