package io.spikeforge.it;

import io.spikeforge.core.api.Equations;
import io.spikeforge.core.api.Model;
import io.spikeforge.core.api.Population;
import io.spikeforge.core.api.Projection;
import io.spikeforge.core.api.Recording;
import io.spikeforge.core.api.Simulation;
import io.spikeforge.core.api.SpikingNetwork;
import io.spikeforge.core.api.Trace;
import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.arrays.NpyReader;
import io.spikeforge.core.sim.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fluent Java API builds the networks YAML builds, validates them the same way, and the example runs. */
class JavaApiTest {

    @TempDir
    Path tmp;

    /** Compiles examples/java/StdpNetExample.java as a user would, runs it, and returns its output. */
    private String runExample(Path outDir) throws Exception {
        Path source = Sims.root().resolve("examples/java/StdpNetExample.java");
        Path classes = tmp.resolve("classes");
        java.nio.file.Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        // Surefire may start the tests from a manifest-only jar; this property holds the real class path.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, files, diagnostics, List.of("-Xlint:all", "-Werror", "-proc:none",
                            "-cp", classPath, "-d", classes.toString()), null,
                    files.getJavaFileObjects(source.toFile())).call();
            assertTrue(ok, "the example compiles without warnings: " + diagnostics.getDiagnostics().stream()
                    .map(d -> d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(null)).toList());
        }
        assertTrue(diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() != Diagnostic.Kind.NOTE));
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Method main = loader.loadClass("StdpNetExample").getMethod("main", String[].class);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {outDir.toString()});
        } finally {
            System.setOut(oldOut);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        return text;
    }

    @Test
    void theExampleRunsAndPrintsTheSeedsSpikesAndWeightSteps() throws Exception {
        Path outDir = tmp.resolve("out");
        String text = runExample(outDir);
        Network yaml = Sims.runExample("stdp_net.yaml", Overrides.NONE, 1);

        assertEquals(6, count(text, "pre spikes \\(ms\\): (.*)"), text);
        assertEquals(5, count(text, "post spikes \\(ms\\): (.*)"), text);
        assertEquals(Sims.spikes(yaml, "pre.spike").length / 2, count(text, "pre spikes \\(ms\\): (.*)"));
        int ups = matches(text, "\\(up\\)");
        int downs = matches(text, "\\(down\\)");
        assertTrue(ups >= 3 && downs >= 3, "the weight steps up and down: " + ups + " up, " + downs + " down");
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "final weight: %+.4f uS",
                Sims.weights(yaml, "stdp")[0])), text);

        // The same network as examples/stdp_net.yaml, float for float.
        float[] fromApi = NpyReader.read(outDir.resolve("stdp.weight.npy")).floats();
        assertArrayEquals(Sims.column(yaml, "stdp.weight", 0), fromApi);
        assertArrayEquals(Sims.column(yaml, "post.V", 0), NpyReader.read(outDir.resolve("post.V.npy")).floats());
        assertTrue(outDir.resolve("summary.json").toFile().isFile());
    }

    @Test
    void yamlTextFromTheBuilderParsesBackToTheSameNetwork() {
        Two two = twoNeurons(16.8);
        Network viaYaml = Sims.ENGINE.build(Sims.ENGINE.parse(two.net().toYaml(), "api", Overrides.NONE));
        Sims.ENGINE.run(viaYaml, Sims.ENGINE.backend(viaYaml), io.spikeforge.spi.RunListener.NONE);
        Simulation sim = two.net().build(Sims.ENGINE).run();
        float[] w = sim.trace(two.weight()).column(0);
        assertArrayEquals(Sims.column(viaYaml, "p.weight", 0), w);
        assertTrue(w[w.length - 1] != w[0], "the weight moved, so the comparison means something");
    }

    @Test
    void modelsWrittenAsEquationsBuildBrian2sCuba() {
        SpikingNetwork net = SpikingNetwork.named("CUBA").dt(0.1).duration(200).seed(1);
        net.define(Equations.neuron("CUBA_neuron")
                .equations("""
                        dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
                        dge/dt = -ge/taue : volt
                        dgi/dt = -gi/taui : volt
                        """)
                .parameter("taum", "20*ms").parameter("taue", "5*ms").parameter("taui", "10*ms")
                .parameter("Vt", "-50*mV").parameter("Vr", "-60*mV").parameter("El", "-49*mV")
                .threshold("v>Vt").reset("v = Vr").refractory("5*ms").method("exact")
                .initial("v", "Vr + rand() * (Vt - Vr)"));
        Population p = net.population("P", 4000, Model.of("CUBA_neuron"));
        net.projection("Ce", p.slice(0, 3200), p).comm(Model.of("EventCSRLinear").with("conn",
                Model.of("FixedProb").with("prob", 0.02))).onPre("ge += (60*0.27/10)*mV");
        net.projection("Ci", p.slice(3200, 4000), p).comm(Model.of("EventCSRLinear").with("conn",
                Model.of("FixedProb").with("prob", 0.02))).onPre("gi += (-20*4.5/10)*mV");
        Recording spikes = net.record(p, "spike");
        Simulation sim = net.build(Sims.ENGINE).run();
        Network yaml = Sims.runExample("brian2/CUBA.yaml", new Overrides(200.0, null, null, null, null), 1);
        int[] expected = Sims.spikes(yaml, "P.spike");
        assertTrue(expected.length > 500, "the network fires: " + expected.length / 2 + " spikes");
        assertArrayEquals(expected, Sims.spikes(sim.network(), spikes.name()));
    }

    @Test
    void aRecordingAtTheStartOfEachStepHoldsTheInitialValuesFirst() {
        // v relaxes from -65 mV towards -45 mV with tau 10 ms, exactly: the start monitor's row 0 is -65 mV,
        // its row r + 1 the end monitor's row r, and row r the analytic value at r dt.
        SpikingNetwork net = SpikingNetwork.named("start").dt(0.1).duration(5);
        net.define("""
                name: Relaxing
                kind: neuron
                equations: "dv/dt = (-45*mV - v) / tau : volt"
                parameters: {tau: 10 ms}
                threshold: v > 0*mV
                reset: v = -65*mV
                method: exact
                initial: {v: -65*mV}
                """);
        Population p = net.population("p", 1, Model.of("Relaxing"));
        Recording start = net.record(p, "v").atStart().named("p.v_start");
        Recording end = net.record(p, "v");
        Simulation sim = net.build(Sims.ENGINE).run();
        float[] atStart = (float[]) sim.recorded(start.name());
        float[] atEnd = (float[]) sim.recorded(end.name());
        assertEquals(50, atStart.length);
        for (int r = 0; r < atStart.length; r++) {
            assertEquals(-45 - 20 * Math.exp(-0.1 * r / 10), atStart[r], 1e-4, "row " + r);
            if (r > 0) {
                assertEquals(atEnd[r - 1], atStart[r], "row " + r + " is the end of the step before");
            }
        }
    }

    @Test
    void aModelDefinitionMayBeGivenAsYaml() {
        SpikingNetwork net = SpikingNetwork.named("one").dt(0.1).duration(100);
        net.define("""
                name: Driven
                kind: neuron
                equations: |
                  dv/dt = (El - v + R*I) / tau : volt
                  I : amp
                parameters: {El: -65 mV, R: 10 Mohm, tau: 10 ms}
                threshold: v > -50*mV
                reset: v = El
                initial: {v: El}
                """);
        Population p = net.population("p", 1, Model.of("Driven"));
        net.current("drive", p, Model.of("ConstantCurrent").with("value", 2.0));   // nA: v_inf = -45 mV
        Recording spikes = net.record(p, "spike");
        Simulation sim = net.build(Sims.ENGINE).run();
        // From -65 mV towards -45 mV with tau 10 ms, v passes -50 mV 10 ms * ln(4) = 13.86 ms after each
        // reset. Step n's update takes v to (n + 1) dt and spikes there, so with exact integration the first
        // spike is at step 138 (13.9 ms >= 13.86 ms) and each later one 139 steps on.
        double[] t = sim.spikes(spikes).timesMs();
        assertEquals(7, t.length, java.util.Arrays.toString(t));
        for (int k = 0; k < t.length; k++) {
            assertEquals((139 * (k + 1) - 1) * 0.1, t[k], 1e-9, "spike " + k);
        }
    }

    @Test
    void subgroupsBuildTheSubgroupExamplesNetwork() {
        SpikingNetwork net = SpikingNetwork.named("coba_subgroups").dt(0.1).duration(100).seed(1);
        Population p = net.population("P", 4000, Model.of("LifRef").with("V_rest", -60).with("V_reset", -60)
                .with("V_th", -50).with("tau", 20).with("tau_ref", 5));
        p.init("V", Model.of("Normal").with("mean", -55).with("scale", 5));
        net.current("bias", p, Model.of("ConstantCurrent").with("value", 20));
        net.projection("Ce", p.slice(0, 3200), p)
                .comm(Model.of("EventCSRLinear"), Model.of("FixedProb").with("prob", 0.02), 0.6)
                .syn(Model.of("Expon").with("tau", 5)).out(Model.of("COBA").with("E", 0));
        net.projection("Ci", p.slice(-800, 4000), p)
                .comm(Model.of("EventCSRLinear"), Model.of("FixedProb").with("prob", 0.02), 6.7)
                .syn(Model.of("Expon").with("tau", 10)).out(Model.of("COBA").with("E", -80));
        Recording spikes = net.record(p, "spike");
        assertEquals("P[0:3200]", p.slice(0, 3200).reference());
        Simulation sim = net.build(Sims.ENGINE).run();
        Network yaml = Sims.runExample("coba_subgroups.yaml", new Overrides(100.0, null, null, null, null), 1);
        int[] expected = Sims.spikes(yaml, "P.spike");
        assertTrue(expected.length > 1000, "the network fires: " + expected.length / 2 + " spikes");
        assertArrayEquals(expected, Sims.spikes(sim.network(), spikes.name()));
    }

    @Test
    void runningInPiecesGivesWhatOneRunGivesAndStopsAtTheDuration() {
        Two two = twoNeurons(16.8);
        Simulation whole = two.net().build(Sims.ENGINE).run();
        Simulation pieces = two.net().build(Sims.ENGINE).run(12.3).run(40);
        assertEquals(52.3, pieces.timeMs(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> pieces.run(50));
        pieces.run();
        Trace a = whole.trace(two.weight());
        Trace b = pieces.trace(two.weight());
        assertArrayEquals(a.values(), b.values());
        assertEquals(0.0, a.timesMs()[0]);
        assertEquals(0.2, a.timesMs()[2], 1e-12);
        assertEquals("uS", a.unit());
    }

    @Test
    void badValuesAreReportedTogetherAtTheirConfigPaths() {
        SpikingNetwork net = twoNeurons(-1).net();
        net.population("typo", 1, Model.of("LifRf"));
        ConfigException e = assertThrows(ConfigException.class, () -> net.build(Sims.ENGINE));
        List<String> paths = e.errors().stream().map(ConfigError::path).toList();
        assertEquals(List.of("populations[2].neuron.type", "projections[0].plasticity.tau_s"), paths, e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean 'LifRef'?"), e.getMessage());
        assertTrue(e.getMessage().startsWith("2 configuration errors in network 'two':"), e.getMessage());
    }

    private record Two(SpikingNetwork net, Recording weight) {
    }

    /** Two LifRef neurons driven by constant currents, joined by a plastic synapse, for 100 ms. */
    private static Two twoNeurons(double tauS) {
        SpikingNetwork net = SpikingNetwork.named("two").dt(0.1).duration(100).seed(3);
        Population a = net.population("a", 1, Model.of("LifRef"));
        Population b = net.population("b", 1, Model.of("LifRef").with("tau_ref", 2));
        net.current("Ia", a, Model.of("ConstantCurrent").with("value", 25));
        net.current("Ib", b, Model.of("ConstantCurrent").with("value", 22));
        Projection p = net.projection("p", a, b).delay(0.5)
                .comm(Model.of("CSRLinear"), Model.of("All2All"), 0.05)
                .syn(Model.of("Expon"))
                .out(Model.of("COBA").with("E", 0.0))
                .plasticity(Model.of("STDP_Song2000").with("tau_s", tauS).with("W_min", 0).with("W_max", 1));
        Recording w = net.record(p, "weight");
        assertEquals("p.weight", w.name());
        return new Two(net, w);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return m.group(1).isBlank() ? 0 : m.group(1).trim().split(" +").length;
    }

    private static int matches(String text, String regex) {
        return (int) Pattern.compile(regex).matcher(text).results().count();
    }
}
