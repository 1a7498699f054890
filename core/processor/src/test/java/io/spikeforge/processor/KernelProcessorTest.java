package io.spikeforge.processor;

import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.KernelCall;
import io.spikeforge.spi.KernelSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The processor as a pack's build runs it: sources compiled by the JDK's compiler with the processor
 * and the SPI, and either the generated classes checked by loading and running them, or the exact
 * compile errors a broken declaration or a mistyped call gets.
 */
class KernelProcessorTest {

    @TempDir
    Path dir;

    private static final String DECAY = """
            package demo;
            import io.spikeforge.spi.*;
            final class DemoKernels {
                private DemoKernels() {
                }
                /** x' = x * decay + input, input consumed. */
                @Kernel(elementwise = true)
                static void decay(int from, int to, @Write float[] x, @Write float[] input, float decay) {
                    for (int i = from; i < to; i++) {
                        x[i] = x[i] * decay + input[i];
                        input[i] = 0f;
                    }
                }
                /** Serial: total[0] += sum of flags over [from, to). */
                @Kernel(serial = true)
                static void count(int from, int to, @Read int[] flags, @Write long[] total) {
                    for (int i = from; i < to; i++) {
                        total[0] += flags[i];
                    }
                }
                /** The items' own target only: target[j] += w[j] * source[0]. */
                @Kernel
                static void scale(int from, int to, @Read float[] w, @Read float[] source, @Write @Local float[] target) {
                    for (int j = from; j < to; j++) {
                        target[j] += w[j] * source[0];
                    }
                }
            }
            """;

    @Test
    void generatesATypedCallAndADeviceFormThatGiveTheKernelsResults() throws Exception {
        ClassLoader loader = compile(Map.of("demo/DemoKernels.java", DECAY)).loader();
        Class<?> calls = loader.loadClass("demo.DemoKernelsCalls");
        Class<?> device = loader.loadClass("demo.DemoKernelsDevice");
        float[] x = {1f, 2f, 3f};
        float[] input = {0.5f, 0f, 1f};
        KernelCall call = (KernelCall) calls.getMethod("decay", float[].class, float[].class, float.class)
                .invoke(null, x, input, 0.5f);
        KernelSignature s = call.signature();
        assertEquals("DemoKernels.decay", s.qualifiedName());
        assertSame(device, s.deviceClass());
        assertTrue(!s.serial());
        assertEquals(List.of(x, input), call.writes());
        assertEquals(List.of(x, input), call.local(), "elementwise: every array is local");
        float[] x2 = x.clone();
        float[] input2 = input.clone();
        call.run(0, 3);
        assertArrayEquals(new float[] {1f, 1f, 2.5f}, x);
        assertArrayEquals(new float[] {0f, 0f, 0f}, input);
        s.deviceMethod().invoke(null, 3, 3, x2, input2, 0.5f);
        assertArrayEquals(x, x2, "the device form, run as plain Java, gives the kernel's floats");
        float[] x3 = {1f, 2f, 3f};
        s.deviceMethod().invoke(null, 3, 2, x3, new float[] {0.5f, 0f, 1f}, 0.5f);
        assertArrayEquals(x, x3, "in two blocks too");

        int[] flags = {1, 0, 1, 1};
        long[] total = {10};
        KernelCall count = (KernelCall) calls.getMethod("count", int[].class, long[].class).invoke(null, flags, total);
        assertTrue(count.signature().serial());
        assertEquals(List.of(flags), count.reads());
        assertEquals(List.of(), count.local());
        count.signature().deviceMethod().invoke(null, 4, flags, total);
        assertEquals(13, total[0], "a serial device form runs [0, size) once");

        float[] w = {1f, 2f};
        float[] source = {3f};
        float[] target = new float[2];
        KernelCall scale = (KernelCall) calls.getMethod("scale", float[].class, float[].class, float[].class)
                .invoke(null, w, source, target);
        assertEquals(List.of(target), scale.local(), "only the @Local array");
        assertEquals(List.of(w, source), scale.reads());
        Method form = scale.signature().deviceMethod();
        assertArrayEquals(new Class<?>[] {int.class, int.class, float[].class, float[].class, float[].class},
                form.getParameterTypes());
        String generated = Files.readString(dir.resolve("gen/demo/DemoKernelsDevice.java"));
        assertTrue(generated.contains("for (@Parallel int block = 0; block < blocks; block++) {"), generated);
        assertTrue(generated.contains("DemoKernels.scale((int) ((long) size * block / blocks),"
                + " (int) ((long) size * (block + 1) / blocks), w, source, target);"), generated);
        float[] split = new float[2];
        form.invoke(null, 2, 2, w, source, split);
        scale.run(0, 2);
        assertArrayEquals(target, split);
    }

    @Test
    void aCallWhoseArgumentsDoNotMatchTheKernelDoesNotCompile() throws Exception {
        String model = """
                package demo;
                final class Model {
                    io.spikeforge.spi.StepTask task(float[] x, int[] wrong) {
                        return io.spikeforge.spi.StepTask.of("t", x.length, DemoKernelsCalls.decay(x, wrong, 0.5f));
                    }
                }
                """;
        List<String> errors = compile(Map.of("demo/DemoKernels.java", DECAY, "demo/Model.java", model)).errors();
        assertEquals(List.of("Model.java:4: incompatible types: int[] cannot be converted to float[]"), errors);
    }

    @Test
    void eachBrokenRuleIsACompileErrorThatSaysWhich() throws Exception {
        String broken = """
                package demo;
                import io.spikeforge.spi.*;
                final class Broken {
                    @Kernel
                    void notStatic(int from, int to, @Read float[] x) {
                    }
                    @Kernel
                    static int returns(int from, int to, @Read float[] x) {
                        return 0;
                    }
                    @Kernel
                    static void noRange(float[] x) {
                    }
                    @Kernel
                    static void unmarked(int from, int to, float[] x) {
                    }
                    @Kernel
                    static void both(int from, int to, @Read @Write float[] x) {
                    }
                    @Kernel
                    static void markedScalar(int from, int to, @Write float x) {
                    }
                    @Kernel
                    static void object(int from, int to, @Read String[] names, @Read Object o) {
                    }
                    static final class Nested {
                        @Kernel
                        static void inner(int from, int to) {
                        }
                        @HostForm
                        static void stray(int from, int to, float[] x) {
                        }
                    }
                }
                """;
        List<String> errors = compile(Map.of("demo/Broken.java", broken)).errors();
        assertEquals(List.of(
                "Broken.java:5: a kernel must be a static method that its package can call (not private)",
                "Broken.java:8: a kernel returns nothing (void): it writes its results into its array arguments",
                "Broken.java:12: a kernel's first two parameters are its item range (int from, int to)",
                "Broken.java:15: mark the array x @Read (only read) or @Write (written, and maybe read)",
                "Broken.java:18: mark the array x @Read (only read) or @Write (written, and maybe read)",
                "Broken.java:21: @Read, @Write and @Local mark arrays; x is a float value",
                "Broken.java:24: a kernel takes primitive values and primitive arrays only (what a device can hold);"
                        + " names is a java.lang.String[]",
                "Broken.java:24: a kernel takes primitive values and primitive arrays only (what a device can hold);"
                        + " o is a java.lang.Object",
                "Broken.java:28: a kernel must be declared in a top-level class",
                "Broken.java:31: this @HostForm matches no @Kernel of Broken with its name and parameter types"),
                errors);
    }

    @Test
    void aHostFormReplacesTheKernelOnTheJvmOnly() throws Exception {
        String source = """
                package demo;
                import io.spikeforge.spi.*;
                final class Twin {
                    @Kernel(elementwise = true)
                    static void fill(int from, int to, @Write int[] out) {
                        for (int i = from; i < to; i++) {
                            out[i] = 1;
                        }
                    }
                    static final class Fast {
                        @HostForm
                        static void fill(int from, int to, int[] out) {
                            java.util.Arrays.fill(out, from, to, 1);
                        }
                    }
                }
                """;
        compile(Map.of("demo/Twin.java", source));
        String calls = Files.readString(dir.resolve("gen/demo/TwinCalls.java"));
        assertTrue(calls.contains("(from, to) -> Twin.Fast.fill(from, to, out)"), calls);
        String device = Files.readString(dir.resolve("gen/demo/TwinDevice.java"));
        assertTrue(device.contains("Twin.fill((int) ((long) size * block / blocks),"), device);
    }

    @Test
    void theIndexListsEveryClassThatDeclaresKernels() throws Exception {
        compile(Map.of("demo/DemoKernels.java", DECAY));
        assertEquals(List.of("demo.DemoKernels"),
                Files.readAllLines(dir.resolve("classes/META-INF/spikeforge/kernel-classes")));
    }

    private record Compiled(ClassLoader loader, List<String> errors) {
    }

    /** Compiles the sources with the processor; returns a loader over the output and the errors. */
    private Compiled compile(Map<String, String> sources) throws IOException, URISyntaxException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path gen = Files.createDirectories(dir.resolve("gen"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = src.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            files.add(f);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String spi = Path.of(Kernel.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-classpath", spi, "-d", classes.toString(), "-s", gen.toString(),
                    "-proc:full", "-Xlint:none");
            JavaCompiler.CompilationTask task = javac.getTask(null, fm, diagnostics, options, null,
                    fm.getJavaFileObjectsFromPaths(files));
            task.setProcessors(List.of(new KernelProcessor()));
            task.call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String file = d.getSource() == null ? "?" : Path.of(d.getSource().toUri()).getFileName().toString();
                errors.add(file + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
            }
        }
        errors.sort(java.util.Comparator.comparing((String e) -> e.substring(0, e.indexOf(':')))
                .thenComparingInt(e -> Integer.parseInt(e.split(":")[1])));
        ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        return new Compiled(loader, errors);
    }

    @Test
    void constantsAreTheKernelNamesInUpperCase() {
        assertEquals("SCAN_RUN", KernelSources.constant("scanRun"));
        assertEquals("PROPAGATE_SPIKES_UNIFORM", KernelSources.constant("propagateSpikesUniform"));
        assertEquals(Arrays.asList("LIF", "AD_EX_IF"), Arrays.asList(KernelSources.constant("lif"),
                KernelSources.constant("adExIf")));
    }
}
