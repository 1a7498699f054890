package io.spikeforge.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A JVM of its own started by a test, as the launcher starts {@code spikeforge sweep}: Spark's module opens,
 * the module's classes and {@code target/lib} (what {@code ./spikeforge sweep} puts on its class path).
 */
final class ChildJvm {

    /** What {@code ./spikeforge sweep} opens of java.base for Spark's driver (its JavaModuleOptions). */
    static final List<String> SPARK_OPENS = Stream.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io",
            "java.net", "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "sun.nio.ch",
            "sun.nio.cs", "sun.util.calendar").map(p -> "--add-opens=java.base/" + p + "=ALL-UNNAMED").toList();

    private ChildJvm() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** @return {@code java} with the launcher's options for Spark, a class path and a main class */
    static List<String> command(String classPath, String main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx512m", "--sun-misc-unsafe-memory-access=allow",
                "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true", "-Dguice_bytecode_gen_option=DISABLED"));
        cmd.addAll(SPARK_OPENS);
        cmd.addAll(List.of("-cp", classPath, main));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** @return the class path of {@code ./spikeforge sweep}: this module's classes and its lib folder */
    static String sweepClassPath() {
        return Path.of("target/classes").toAbsolutePath() + java.io.File.pathSeparator
                + Path.of("target/lib").toAbsolutePath() + "/*";
    }

    /** @return a class path of Spark's own jars: target/lib without engine-lib's (a distribution's jars/) */
    static String sparkClassPath() throws IOException {
        List<String> engine;
        try (Stream<Path> f = Files.list(Path.of("target/engine-lib"))) {
            engine = f.map(p -> p.getFileName().toString()).toList();
        }
        try (Stream<Path> f = Files.list(Path.of("target/lib"))) {
            return String.join(java.io.File.pathSeparator, f.filter(jar -> !engine.contains(jar.getFileName().toString()))
                    .map(jar -> jar.toAbsolutePath().toString()).sorted().toList());
        }
    }

    /** Starts {@code cmd} with SPARK_LOCAL_IP on loopback, stdout and stderr into files of {@code log}'s name. */
    static Process start(List<String> cmd, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(log.resolveSibling(log.getFileName() + ".out")
                .toFile()).redirectError(log.resolveSibling(log.getFileName() + ".err").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    /** What a child wrote: its exit code, stdout and stderr. */
    record Result(int code, String out, String err) {
    }

    /** Runs {@code cmd} to its end (at most {@code seconds}). */
    static Result run(List<String> cmd, Path log, int seconds) throws IOException, InterruptedException {
        Process p = start(cmd, log);
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not end within " + seconds + " s: " + String.join(" ", cmd));
        }
        return new Result(p.exitValue(), Files.readString(log.resolveSibling(log.getFileName() + ".out")),
                Files.readString(log.resolveSibling(log.getFileName() + ".err")));
    }
}
