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
 * weight bit for bit, on the examples, with one and with two threads.
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
            "song2000.yaml, 20000, 1", "song2000.yaml, 20000, 2"})
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
    @CsvSource({"stdp_net.yaml, 300", "coba.yaml, 100"})
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
