package io.spikeforge.sweep;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Spark standalone cluster on 127.0.0.1, started by the test from the module's own Maven jars: a master
 * and two workers of one core each, as processes of their own, whose executors run from a SPARK_HOME whose
 * jars/ holds Spark's jars (SpikeForge's travel from the driver, as they would to a real cluster).
 */
class StandaloneClusterTest {

    @TempDir
    static Path tmp;
    static final List<Process> started = new ArrayList<>();
    static Process worker2;
    static String master;

    @BeforeAll
    static void startCluster() throws Exception {
        SweepRuns.quiet();
        Path home = tmp.resolve("spark-home");
        Files.createDirectories(home.resolve("jars"));
        // Spark's launcher takes SPARK_HOME/jars as the class path of a release (marked by a RELEASE file).
        Files.writeString(home.resolve("RELEASE"), "Spark's jars from SpikeForge's Maven build, for the tests\n");
        Set<String> engine = new HashSet<>();
        try (Stream<Path> f = Files.list(Path.of("target/engine-lib"))) {
            f.forEach(p -> engine.add(p.getFileName().toString()));
        }
        try (Stream<Path> f = Files.list(Path.of("target/lib"))) {
            for (Path jar : f.toList()) {
                if (!engine.contains(jar.getFileName().toString())) {
                    Files.createSymbolicLink(home.resolve("jars").resolve(jar.getFileName()), jar.toAbsolutePath());
                }
            }
        }
        int port = freePort();
        int ui = freePort();
        master = "spark://127.0.0.1:" + port;
        start(home, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--webui-port", Integer.toString(ui));
        for (int w = 1; w <= 2; w++) {
            Process p = start(home, "worker" + w, "org.apache.spark.deploy.worker.Worker", master, "--host", "127.0.0.1",
                    "--cores", "1", "--memory", "1g", "--webui-port", Integer.toString(freePort()),
                    "--work-dir", tmp.resolve("work" + w).toString());
            if (w == 2) {
                worker2 = p;
            }
        }
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            try {
                String json = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ui + "/json/"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
                if (json.replace(" ", "").contains("\"aliveworkers\":2")) {
                    break;
                }
            } catch (IOException e) {
                // Not up yet.
            }
            assertTrue(System.nanoTime() < deadline, "the master and two workers did not come up in 120 s; see "
                    + tmp + "/*.log");
            Thread.sleep(500);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Process start(Path home, String name, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "--enable-native-access=ALL-UNNAMED", "-cp", home.resolve("jars") + "/*", main));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        started.add(p);
        return p;
    }

    @AfterAll
    static void stopCluster() {
        for (Process p : started.reversed()) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private static Sweep onCluster(String file, Path out) {
        return Sweep.of(SweepReaderTest.resource(file)).master(master).out(out)
                .conf("spark.executor.memory", "512m").conf("spark.driver.host", "127.0.0.1")
                .conf("spark.driver.bindAddress", "127.0.0.1");
    }

    @Test
    void aSweepOnTwoWorkersGivesTheTableOfLocalModeAndRunsOnBoth() throws Exception {
        Sweep.Result cluster = onCluster("tiny_sweep.yaml", tmp.resolve("cluster")).progress(null).run();
        Sweep.Result local = Sweep.of(SweepReaderTest.resource("tiny_sweep.yaml")).master("local[2]")
                .out(tmp.resolve("local")).progress(null).run();
        assertEquals(SweepRuns.comparable(local), SweepRuns.comparable(cluster));
        assertEquals(4, cluster.rows().stream().filter(r -> r.get("status").equals("ok")).count());
        SweepRuns.sameAsSpikeforgeRun(tmp.resolve("cluster"), "run-0003", tmp.resolve("cli"));
    }

    @Test
    void aWorkerKilledDuringASweepLosesNoRowAndDoublesNone() throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        PrintStream killOnFirstRow = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                if (b == '\n' && killed.compareAndSet(false, true)) {
                    // The machine is lost: the worker and the executor it started.
                    worker2.descendants().forEach(ProcessHandle::destroyForcibly);
                    worker2.destroyForcibly();
                }
            }
        }, true);
        Path out = tmp.resolve("killed");
        Sweep.Result r = onCluster("long_sweep.yaml", out).progress(killOnFirstRow).run();
        assertTrue(killed.get());
        assertTrue(!worker2.isAlive());
        assertEquals(8, r.rows().size());
        for (Map<String, Object> row : r.rows()) {
            assertEquals("ok", row.get("status"), row.toString());
        }
        List<String> journal = Files.readAllLines(out.resolve("journal.jsonl"));
        assertEquals(8, journal.size(), "one journal line per run");
        assertEquals(8, r.rows().stream().map(row -> row.get("seed")).distinct().count());
        assertEquals(9, Files.readAllLines(out.resolve("results.csv")).size());
    }
}
