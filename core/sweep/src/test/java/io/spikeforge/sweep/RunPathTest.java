package io.spikeforge.sweep;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spark never enters {@code ./spikeforge run}: the launcher's class path for {@code run} holds no Spark or
 * Scala jar, and a run through the launcher loads no class of either (the JVM's class-load log), while
 * {@code sweep}'s class path has them. Needs the built launcher jars (core/cli/target, made in the package
 * phase, before this module's tests in a full build); skipped when they are absent.
 */
class RunPathTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    private static ChildJvm.Result launcher(Path log, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("spikeforge").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(log.resolveSibling(log.getFileName() + ".out")
                .toFile()).redirectError(log.resolveSibling(log.getFileName() + ".err").toFile());
        pb.environment().put("SPIKEFORGE_NO_BUILD", "1");
        pb.environment().put("SPIKEFORGE_NO_AOT", "1");
        pb.environment().remove("TORNADOVM_HOME");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher ended within 120 s");
        return new ChildJvm.Result(p.exitValue(), Files.readString(log.resolveSibling(log.getFileName() + ".out")),
                Files.readString(log.resolveSibling(log.getFileName() + ".err")));
    }

    /** @return every jar that a class path's entries name (a folder's {@code *} is each jar in it) */
    static List<String> jars(String classPath) throws IOException {
        List<String> jars = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.endsWith("/*")) {
                try (Stream<Path> f = Files.list(Path.of(entry.substring(0, entry.length() - 2)))) {
                    f.filter(j -> j.toString().endsWith(".jar")).forEach(j -> jars.add(j.getFileName().toString()));
                }
            } else {
                jars.add(Path.of(entry).getFileName().toString());
            }
        }
        return jars;
    }

    @Test
    void runsClassPathHasNoSparkJarAndARunLoadsNoSparkOrScalaClass(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.exists(ROOT.resolve("core/cli/target/spikeforge-cli.jar"))
                && Files.isDirectory(ROOT.resolve("core/cli/target/lib")), "the launcher's jars are not built");
        // The launcher prints the JDK, each JVM option, then -cp and the class path of run.
        ChildJvm.Result printed = launcher(tmp.resolve("print"), Map.of("SPIKEFORGE_PRINT_JVM", "1"), "run", "x.yaml");
        assertEquals(0, printed.code(), printed.err());
        List<String> lines = printed.out().lines().toList();
        List<String> run = jars(lines.get(lines.indexOf("-cp") + 1));
        assertTrue(run.contains("spikeforge-cli.jar") && run.contains("spikeforge-core-0.1.0-SNAPSHOT.jar"), run.toString());
        List<String> sweep = jars(ChildJvm.sweepClassPath());
        assertTrue(sweep.contains("spark-core_2.13-4.2.0.jar") && sweep.stream().anyMatch(j -> j.startsWith("scala-library-")),
                "sweep's class path has Spark and Scala: " + sweep);
        for (String jar : run) {
            assertTrue(!jar.startsWith("spark-") && !jar.startsWith("scala-") && !jar.startsWith("hadoop-"),
                    jar + " is on run's class path");
        }

        Path classes = tmp.resolve("classes.log");
        ChildJvm.Result r = launcher(tmp.resolve("run"), Map.of("SPIKEFORGE_JAVA_OPTS", "-Xlog:class+load=info:file="
                + classes), "run", SweepReaderTest.resource("tiny.yaml").toAbsolutePath().toString(), "--out",
                tmp.resolve("out").toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> loaded = Files.readAllLines(classes);
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" io.spikeforge.cli.SpikeForgeCli ")), "the log lists the run's classes");
        assertTrue(loaded.size() > 1000, loaded.size() + " classes");
        for (String line : loaded) {
            assertTrue(!line.contains(" org.apache.spark.") && !line.contains(" scala.") && !line.contains(" org.apache.hadoop."),
                    line);
        }
    }
}
