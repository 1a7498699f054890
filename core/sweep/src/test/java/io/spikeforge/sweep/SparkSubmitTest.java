package io.spikeforge.sweep;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sweep through {@code spark-submit}, as the README gives it: Spark's own submit program
 * ({@code org.apache.spark.deploy.SparkSubmit}, what {@code bin/spark-submit} of a distribution starts),
 * in a JVM of its own whose class path holds Spark's jars only (a distribution's {@code jars/}), given
 * SpikeForge's jar as the application and {@code engine-lib} as {@code --jars}, on {@code local[2]}.
 */
class SparkSubmitTest {

    @TempDir
    static Path tmp;
    static String sparkJars;
    static String application;
    static String engineJars;

    @BeforeAll
    static void jars() throws Exception {
        SweepRuns.quiet();
        sparkJars = ChildJvm.sparkClassPath();
        // This module's jar (made from target/classes when the tests run before the package phase) and the rest.
        List<String> jars = new ArrayList<>(SparkRuns.executorJars());
        application = jars.removeFirst();
        engineJars = String.join(",", jars);
    }

    private static ChildJvm.Result submit(String name, String... args) throws Exception {
        List<String> submit = new ArrayList<>(List.of("--master", "local[2]", "--class", "io.spikeforge.sweep.SweepCli",
                "--jars", engineJars, application));
        submit.addAll(List.of(args));
        return ChildJvm.run(ChildJvm.command(sparkJars, "org.apache.spark.deploy.SparkSubmit",
                submit.toArray(String[]::new)), tmp.resolve(name), 300);
    }

    @Test
    void aSweepSubmittedToSparkWritesTheTableOfAnInProcessSweepAndExits0() throws Exception {
        Path dir = tmp.resolve("submitted");
        ChildJvm.Result r = submit("ok", SweepReaderTest.resource("tiny_sweep.yaml").toString(), "--out", dir.toString(),
                "-q");
        assertEquals(0, r.code(), r.err());
        assertEquals(dir + ": 6 runs (2 failed, 0 done before); table in " + dir.resolve("results.csv") + " and "
                + dir.resolve("results.parquet") + ", plots in " + dir.resolve("plots") + "\n", r.out());
        Sweep.of(SweepReaderTest.resource("tiny_sweep.yaml")).master("local[2]").out(tmp.resolve("in-process"))
                .progress(null).run();
        assertEquals(SweepRuns.csv(tmp.resolve("in-process/results.csv"), "wall_s", "host"),
                SweepRuns.csv(dir.resolve("results.csv"), "wall_s", "host"));
        SweepRuns.sameAsSpikeforgeRun(dir, "run-0003", tmp.resolve("cli"));
    }

    @Test
    void aWrongSweepFileSubmittedToSparkExits2WithItsMessage() throws Exception {
        ChildJvm.Result r = submit("bad", SweepReaderTest.resource("bad_axes.yaml").toString(), "--out",
                tmp.resolve("bad").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("""
                spikeforge: 2 configuration errors in src/test/resources/sweep/bad_axes.yaml:
                  axes.projections[0].plastcity.A2: no key 'plastcity' in projections[0]. Did you mean 'plasticity'? \
                Keys there: name, pre, post, comm, syn, out, plasticity
                  axes.seed.range: from must not be above to, got [4, 1]
                """), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals("", r.out());
    }
}
