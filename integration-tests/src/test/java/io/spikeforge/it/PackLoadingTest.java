package io.spikeforge.it;

import io.spikeforge.core.plugin.PackException;
import io.spikeforge.core.plugin.PluginLoader;
import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.ModelKind;
import io.spikeforge.spi.SpikeForgePlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Packs load from directories, each in a class loader that shares only the SPI; bad packs are refused by name. */
class PackLoadingTest {

    @TempDir
    Path tmp;

    private static final String NEURON_STUB = """
            public List<ParamSpec> parameters() { return List.of(); }
            public NeuronGroup create(Params p, BuildContext c, int size, float[] current, int[] spikes) {
                throw new UnsupportedOperationException();
            }
            """;

    private static String plugin(String pkg, String name, String body) {
        return "package " + pkg + ";\nimport io.spikeforge.spi.*;\nimport java.util.List;\n"
                + "public final class " + name + " implements SpikeForgePlugin {\n" + body + "\n}\n";
    }

    private static String neuron(String pkg, String cls, String model, String extra) {
        return "package " + pkg + ";\nimport io.spikeforge.spi.*;\nimport java.util.List;\n"
                + "public final class " + cls + " implements NeuronModel {\n"
                + "public String name() { return \"" + model + "\"; }\n" + extra + "\n}\n";
    }

    @Test
    void theSamplePackLoadsFromItsDirectoryAndTheListingNamesItsPack() {
        Cli.Result r = Cli.run("plugins", "--plugins", Packs.DIR.toString());
        assertEquals(0, r.code(), r.err());
        String pack = "(pack: sample (" + Packs.SAMPLE + "))";
        for (String model : List.of("NearestSTDP")) {
            assertTrue(r.out().contains("  " + model + "  " + pack + "\n"), model + " in:\n" + r.out());
        }
    }

    @Test
    void aPackSeesTheSpiTheKernelsAndTheJdkAndNothingElseOfTheEngine() throws Exception {
        ModelFactory rule = Packs.ENGINE.registry().find(ModelKind.PLASTICITY, "NearestSTDP").orElseThrow().factory();
        ClassLoader pack = rule.getClass().getClassLoader();
        assertNotSame(getClass().getClassLoader(), pack);
        assertSame(SpikeForgePlugin.class, pack.loadClass("io.spikeforge.spi.SpikeForgePlugin"));
        assertSame(CommModel.Comm.class, pack.loadClass("io.spikeforge.spi.CommModel$Comm"));
        assertSame(List.class, pack.loadClass("java.util.List"));
        // The built-in kernels, which a pack's models may call and which reach a device as its own do.
        assertSame(io.spikeforge.kernels.PlasticityKernelsCalls.class,
                pack.loadClass("io.spikeforge.kernels.PlasticityKernelsCalls"));
        for (String hidden : List.of("io.spikeforge.core.Engine", "io.spikeforge.core.plugin.PluginRegistry",
                "io.spikeforge.plugins.neurons.NeuronsPlugin",
                "com.google.inject.Guice", "com.fasterxml.jackson.databind.ObjectMapper", "org.slf4j.Logger",
                "io.spikeforge.it.Packs")) {
            assertThrows(ClassNotFoundException.class, () -> pack.loadClass(hidden), hidden);
        }
        List<URL> services = Collections.list(pack.getResources(
                "META-INF/services/io.spikeforge.spi.SpikeForgePlugin"));
        assertEquals(1, services.size(), "only the pack's own service file: " + services);
        assertTrue(services.get(0).toString().contains("spikeforge-sample-pack.jar"), services.toString());
    }

    @Test
    void aPackUsesItsOwnCopyOfALibraryThatTheEngineAlsoUses() throws Exception {
        new PackBuilder()
                .source("com.fasterxml.jackson.databind.ObjectMapper", """
                        package com.fasterxml.jackson.databind;
                        public final class ObjectMapper { public static final String ORIGIN = "the pack's own copy"; }
                        """)
                .source("iso.Probe", neuron("iso", "Probe", "Probe", NEURON_STUB + """
                        public String description() {
                            return "ObjectMapper is " + com.fasterxml.jackson.databind.ObjectMapper.ORIGIN
                                    + "; engine visible: " + visible("io.spikeforge.core.Engine")
                                    + "; Guice visible: " + visible("com.google.inject.Guice");
                        }
                        private static boolean visible(String name) {
                            try { Class.forName(name); return true; } catch (ClassNotFoundException e) { return false; }
                        }
                        """))
                .plugin("iso.IsoPlugin", plugin("iso", "IsoPlugin",
                        "public List<ModelFactory> models() { return List.of(new Probe()); }"))
                .build(tmp, "isolated");
        List<PluginLoader.Found> found = PluginLoader.fromDirectory(tmp);
        ModelFactory probe = found.get(0).models().get(0);
        assertEquals("ObjectMapper is the pack's own copy; engine visible: false; Guice visible: false",
                probe.description());
        Class<?> packs = probe.getClass().getClassLoader().loadClass("com.fasterxml.jackson.databind.ObjectMapper");
        assertNotSame(com.fasterxml.jackson.databind.ObjectMapper.class, packs);
        assertEquals("{}", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of()),
                "the engine's Jackson is untouched");
    }

    private Path onePluginPack(String name, String version) throws Exception {
        return new PackBuilder().spiVersion(version)
                .source(name + ".Only", neuron(name, "Only", "Only" + name, NEURON_STUB
                        + "public String description() { return \"\"; }"))
                .plugin(name + ".P", plugin(name, "P", "public List<ModelFactory> models() { return List.of(new Only()); }"))
                .build(tmp, name);
    }

    private static void assertRefused(String expected, Cli.Result r) {
        assertEquals(2, r.code(), r.err());
        assertEquals(expected + "\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void aJarThatDeclaresNoSpiVersionIsRefused() throws Exception {
        Path dir = onePluginPack("noversion", null);
        assertRefused("spikeforge: pack noversion (" + dir + "): noversion.jar declares no SpikeForge-SPI-Version in"
                + " its manifest; this SpikeForge loads packs built for SPI version 2 (rebuild the pack against"
                + " spikeforge-spi with 'SpikeForge-SPI-Version: 2' in its manifest)",
                Cli.run("plugins", "--plugins", tmp.toString()));
    }

    @Test
    void aJarBuiltForAnotherSpiVersionIsRefused() throws Exception {
        Path dir = onePluginPack("future", "3");
        assertRefused("spikeforge: pack future (" + dir + "): future.jar was built for SPI version '3', but this"
                + " SpikeForge provides SPI version 2; use a build of the pack for SPI version 2",
                Cli.run("plugins", "--plugins", tmp.toString()));
    }

    @Test
    void twoPacksWithTheSameModelNamesAreRefusedNamingBothPacks() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Files.createDirectories(a.resolve("sample"));
        Files.createDirectories(b.resolve("copy"));
        Path jar = Packs.SAMPLE.resolve("spikeforge-sample-pack.jar");
        Files.copy(jar, a.resolve("sample").resolve("spikeforge-sample-pack.jar"));
        Files.copy(jar, b.resolve("copy").resolve("spikeforge-sample-pack.jar"));
        String first = "sample (" + a.resolve("sample") + ")";
        String second = "copy (" + b.resolve("copy") + ")";
        assertRefused("spikeforge: two packs register the same model name, so a config could not tell them apart:"
                + " plasticity model 'NearestSTDP' is registered by both " + first + " and " + second
                + ". Remove one of the packs",
                Cli.run("plugins", "--plugins", a.toString(), "--plugins", b.toString()));
    }

    @Test
    void aPackModelNamedLikeABuiltInOneIsRefusedNamingBothPacks() throws Exception {
        Path dir = new PackBuilder()
                .source("clash.Lif", neuron("clash", "Lif", "LifRef", NEURON_STUB + "public String description() { return \"\"; }"))
                .plugin("clash.P", plugin("clash", "P", "public List<ModelFactory> models() { return List.of(new Lif()); }"))
                .build(tmp, "clash");
        String builtIn = Sims.ENGINE.registry().find(ModelKind.NEURON, "LifRef").orElseThrow().pack();
        assertRefused("spikeforge: two packs register the same model name, so a config could not tell them apart:"
                + " neuron model 'LifRef' is registered by both " + builtIn + " and clash (" + dir + "). Remove one of"
                + " the packs", Cli.run("plugins", "--plugins", tmp.toString()));
    }

    @Test
    void aPluginWhoseConstructorThrowsIsNamedWithItsPack() throws Exception {
        Path dir = new PackBuilder()
                .plugin("ctor.Broken", plugin("ctor", "Broken", """
                        public Broken() { throw new IllegalStateException("no licence file"); }
                        public List<ModelFactory> models() { return List.of(); }
                        """))
                .build(tmp, "ctor");
        assertRefused("spikeforge: pack ctor (" + dir + "): plugin ctor.Broken could not be created:"
                + " java.lang.IllegalStateException: no licence file", Cli.run("plugins", "--plugins", tmp.toString()));
    }

    @Test
    void aPluginWhoseModelsThrowIsNamedWithItsPack() throws Exception {
        Path dir = new PackBuilder()
                .plugin("models.Bad", plugin("models", "Bad",
                        "public List<ModelFactory> models() { throw new UnsupportedOperationException(\"not today\"); }"))
                .build(tmp, "models");
        assertRefused("spikeforge: pack models (" + dir + "): plugin models.Bad failed in models():"
                + " java.lang.UnsupportedOperationException: not today", Cli.run("plugins", "--plugins", tmp.toString()));
    }

    @Test
    void aPluginWhoseModelsThrowAnErrorIsNamedWithItsPack() throws Exception {
        Path dir = new PackBuilder()
                .plugin("err.Bad", plugin("err", "Bad",
                        "public List<ModelFactory> models() { throw new AssertionError(\"unreachable\"); }"))
                .build(tmp, "err");
        assertRefused("spikeforge: pack err (" + dir + "): plugin err.Bad failed in models():"
                + " java.lang.AssertionError: unreachable", Cli.run("plugins", "--plugins", tmp.toString()));
    }

    @Test
    void aModelThatCannotDescribeItselfIsRefusedWithItsPackBeforeAnyConfigIsRead() throws Exception {
        Path dir = new PackBuilder()
                .source("mute.Mute", neuron("mute", "Mute", "Mute", """
                        public String description() { return ""; }
                        public List<ParamSpec> parameters() { throw new AssertionError("no parameters yet"); }
                        public NeuronGroup create(Params p, BuildContext c, int size, float[] current, int[] spikes) {
                            throw new UnsupportedOperationException();
                        }
                        """))
                .plugin("mute.P", plugin("mute", "P", "public List<ModelFactory> models() { return List.of(new Mute()); }"))
                .build(tmp, "mute");
        assertRefused("spikeforge: pack mute (" + dir + "): plugin mute.P: model 0 of models() failed when asked to"
                + " describe itself: java.lang.AssertionError: no parameters yet",
                Cli.run("run", Sims.root().resolve("examples").resolve("stdp_net.yaml").toString(), "--quiet",
                        "--out", tmp.resolve("out").toString(), "--plugins", tmp.toString()));
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aPackThatReliesOnEngineClassesIsToldThatItSeesOnlyTheSpi() throws Exception {
        Path dir = new PackBuilder()
                .source("io.spikeforge.kernels.Helper", """
                        package io.spikeforge.kernels;
                        public final class Helper { public static int one() { return 1; } }
                        """)
                .omit("io.spikeforge.kernels.Helper")
                .plugin("leaky.P", plugin("leaky", "P", """
                        public List<ModelFactory> models() {
                            io.spikeforge.kernels.Helper.one();
                            return List.of();
                        }
                        """))
                .build(tmp, "leaky");
        assertRefused("spikeforge: pack leaky (" + dir + "): plugin leaky.P failed in models():"
                + " java.lang.NoClassDefFoundError: io/spikeforge/kernels/Helper (a pack sees only io.spikeforge.spi"
                + " and the JDK: bundle every other class it needs in its directory)",
                Cli.run("plugins", "--plugins", tmp.toString()));
    }

    @Test
    void aModelThatFailsWhileBuildingIsReportedWithItsPackAndExitCode1() throws Exception {
        Path dir = new PackBuilder()
                .source("faulty.Explodes", neuron("faulty", "Explodes", "Explodes", """
                        public String description() { return "throws in create"; }
                        public List<ParamSpec> parameters() { return List.of(); }
                        public NeuronGroup create(Params p, BuildContext c, int size, float[] current, int[] spikes) {
                            throw new IllegalStateException("boom");
                        }
                        """))
                .plugin("faulty.P", plugin("faulty", "P", "public List<ModelFactory> models() { return List.of(new Explodes()); }"))
                .build(tmp.resolve("packs"), "faulty");
        Path config = tmp.resolve("explodes.yaml");
        Files.writeString(config, """
                duration: 1
                populations:
                  - {name: n, size: 2, neuron: Explodes}
                """);
        Cli.Result r = Cli.run("run", config.toString(), "--out", tmp.resolve("out").toString(), "--quiet",
                "--plugins", tmp.resolve("packs").toString());
        assertEquals(1, r.code());
        assertEquals("spikeforge: populations[0].neuron: neuron model 'Explodes' from pack faulty (" + dir + ") failed"
                + " while building: java.lang.IllegalStateException: boom\n", r.err());
        assertFalse(r.stackTrace());
    }

    @Test
    void aMissingPluginDirectoryIsBadInput() {
        Path missing = tmp.resolve("nowhere");
        assertRefused("spikeforge: plugin directory " + missing + " does not exist or is not a directory",
                Cli.run("plugins", "--plugins", missing.toString()));
    }

    @Test
    void aPackWhoseJarsListNoPluginIsRefused() throws Exception {
        Path dir = new PackBuilder().source("lib.Util", "package lib; public final class Util { }").build(tmp, "lib");
        assertRefused("spikeforge: pack lib (" + dir + "): none of its jars lists a plugin in"
                + " META-INF/services/io.spikeforge.spi.SpikeForgePlugin", Cli.run("plugins", "--plugins", tmp.toString()));
    }

    @Test
    void aDirectoryOfMavenModulesHoldsNoPacks() {
        // The repository's plugins/ folder holds Maven modules (pom.xml, src/, target/), not pack jars.
        assertEquals(List.of(), PluginLoader.fromDirectory(Sims.root().resolve("plugins")));
        PackException e = assertThrows(PackException.class, () -> PluginLoader.fromPack(Sims.root().resolve("plugins")));
        assertTrue(e.getMessage().endsWith("none of its jars lists a plugin in"
                + " META-INF/services/io.spikeforge.spi.SpikeForgePlugin"), e.getMessage());
    }
}
