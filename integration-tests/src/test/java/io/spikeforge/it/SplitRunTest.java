package io.spikeforge.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code spikeforge run --processes N} on MPJ Express's multicore device, as a user runs it: the output
 * folder holds what one process writes, file for file (the spike rasters, value and weight monitors, and
 * the summary but for its times and the number of processes). Skips, saying why, where MPJ Express is
 * not installed ({@code .ci/run} installs Debian's {@code libmpj-java}).
 */
class SplitRunTest {

    @TempDir
    static Path tmp;

    @BeforeAll
    static void mpjExpress() {
        boolean debian = Files.isRegularFile(Path.of("/usr/share/mpj/lib/starter.jar"));
        String home = System.getenv("MPJ_HOME");
        boolean given = home != null && Files.isRegularFile(Path.of(home, "lib", "starter.jar"));
        if (!debian && !given) {
            System.out.println("SplitRunTest skipped: MPJ Express is not installed (apt-get install libmpj-java,"
                    + " or set MPJ_HOME); SplitNetworkTest checks the split without it");
        }
        assumeTrue(debian || given, "MPJ Express is not installed");
    }

    private static void assertSameOutputs(Path one, Path split, int processes) throws IOException {
        try (var files = Files.list(one)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".npy")).toList()) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(split.resolve(f.getFileName())),
                        f.getFileName() + " over " + processes + " processes");
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode a = (ObjectNode) json.readTree(one.resolve("summary.json").toFile());
        ObjectNode b = (ObjectNode) json.readTree(split.resolve("summary.json").toFile());
        assertEquals(processes, b.get("processes").asInt());
        for (ObjectNode s : new ObjectNode[] {a, b}) {
            s.remove(java.util.List.of("wall_s", "build_s", "processes"));
        }
        assertEquals(a, b, "summary over " + processes + " processes");
        assertFalse(Files.exists(split.resolve("ranks")), "the processes' own folders are removed");
    }

    @Test
    void cobaOverTwoAndFourProcessesWritesTheOneProcessOutputs() throws IOException {
        String coba = Sims.root().resolve("examples/coba.yaml").toString();
        Path one = tmp.resolve("coba1");
        assertEquals(0, Cli.run("run", coba, "--duration", "300", "--out", one.toString(), "--quiet").code());
        JsonNode summary = new ObjectMapper().readTree(one.resolve("summary.json").toFile());
        assertTrue(summary.at("/populations/E/spikes").asLong() > 1000, "the network is active");
        for (int processes : new int[] {2, 4}) {
            Path split = tmp.resolve("coba" + processes);
            Cli.Result r = Cli.run("run", coba, "--duration", "300", "--out", split.toString(), "--processes",
                    String.valueOf(processes), "--quiet");
            assertEquals(0, r.code(), r.err());
            assertSameOutputs(one, split, processes);
        }
    }

    @Test
    void plasticWeightsAndVoltagesOverThreeProcessesAreTheOneProcessOnes() throws IOException {
        Path config = tmp.resolve("plastic.yaml");
        Files.writeString(config, Sims.plasticNetwork("{type: STDP_Song2000, A1: 0.01, A2: 0.0105, W_min: 0,"
                + " W_max: 0.1}") + """
                  - {target: n, var: V, indices: [0, 74, 75, 149]}
                  - {target: p, var: weight, every: 500}
                """);
        Path one = tmp.resolve("plastic1");
        assertEquals(0, Cli.run("run", config.toString(), "--out", one.toString(), "--quiet").code());
        Path split = tmp.resolve("plastic3");
        Cli.Result r = Cli.run("run", config.toString(), "--out", split.toString(), "--processes", "3", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertSameOutputs(one, split, 3);
    }

    @Test
    void refusesWhatASplitRunCannotDoAllTogetherBeforeStartingAnyProcess() throws IOException {
        Path config = tmp.resolve("chosen.yaml");
        Files.writeString(config, Sims.plasticNetwork("STDP_Song2000") + """
                  - {target: p, var: weight, indices: [0, 1]}
                """);
        Path out = tmp.resolve("refused");
        Cli.Result r = Cli.run("run", config.toString(), "--out", out.toString(), "--processes", "0",
                "--checkpoint-every", "10");
        assertEquals(2, r.code());
        assertFalse(r.stackTrace(), r.err());
        assertTrue(r.err().contains("--processes: 0 processes; allowed: a whole number from 1 up"), r.err());
        assertTrue(r.err().contains("--checkpoint-every: a network split over processes writes no checkpoints yet;"
                + " run it in one process to checkpoint it"), r.err());
        assertTrue(r.err().contains("monitors[1].indices: a weight monitor of chosen synapses cannot record a network"
                + " split over processes (each holds part of p's synapses, numbered its own way); allowed there: a"
                + " weight monitor of every synapse (no indices)"), r.err());
        assertFalse(Files.exists(out.resolve("summary.json")));
    }

    /**
     * {@code --hosts}: MPJ's niodev device, one JVM per process, spikes over TCP through MPJ's daemon. The
     * daemon listens on every interface, so the test runs it, and the run, in a network namespace of
     * their own that has loopback alone ({@code unshare -n}, as root); it skips, saying why, where that
     * is not allowed.
     */
    @Test
    void overTwoJvmsOnNiodevThroughMpjsDaemonOnLoopbackOnly() throws Exception {
        boolean isolated = new ProcessBuilder("unshare", "-n", "true").start().waitFor() == 0;
        if (!isolated) {
            System.out.println("SplitRunTest niodev skipped: 'unshare -n' is not allowed here (it needs root), and"
                    + " MPJ's daemon must not listen on other interfaces than loopback during a test");
        }
        assumeTrue(isolated, "no network namespace for MPJ's daemon");
        String coba = Sims.root().resolve("examples/coba.yaml").toString();
        Path one = tmp.resolve("niodev1");
        assertEquals(0, Cli.run("run", coba, "--duration", "200", "--out", one.toString(), "--quiet").code());
        // A split run prepares MPJ's folder (the daemon's jars) where a user's would be.
        assertEquals(0, Cli.run("run", coba, "--duration", "1", "--processes", "1", "--out",
                tmp.resolve("prepare").toString(), "--quiet").code());
        String mpj = System.getenv("MPJ_HOME") != null ? System.getenv("MPJ_HOME")
                : Path.of(System.getProperty("user.home"), ".cache/spikeforge/mpj-0.44").toString();
        Path split = tmp.resolve("niodev2");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String script = String.join("\n",
                "set -e", "ip link set lo up",
                "export MPJ_HOME='" + mpj + "' PATH='" + Path.of(java).getParent() + "':$PATH",
                "java -jar \"$MPJ_HOME/lib/daemon.jar\" 40055 > '" + tmp.resolve("daemon.log") + "' 2>&1 &",
                "D=$!", "trap 'kill $D' EXIT",
                "for i in $(seq 100); do (echo > /dev/tcp/127.0.0.1/40055) 2>/dev/null && break; sleep 0.1; done",
                "java --sun-misc-unsafe-memory-access=allow -cp '" + cp + "' io.spikeforge.cli.SpikeForgeCli run '"
                        + coba + "' --duration 200 --hosts localhost,localhost --out '" + split + "'");
        Path log = tmp.resolve("niodev.log");
        Process p = new ProcessBuilder("unshare", "-n", "bash", "-c", script).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the run ended within 180 s");
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("started in the cluster configuration with niodev"), out);
        assertSameOutputs(one, split, 2);
    }

    @Test
    void aFaultInOneProcessStopsThemAllAtOnceAndIsReportedAsOneProcessWould() throws IOException {
        // A conductance of 1e30 uS onto neuron 3 alone, which the second of two processes owns: V turns NaN in step 12.
        Path config = tmp.resolve("nan.yaml");
        Files.writeString(config, """
                dt: 0.1
                duration: 100
                inputs:
                  - {name: src, type: SpikeTimes, size: 1, times: [1.0]}
                populations:
                  - {name: n, size: 4, neuron: {type: LifRef, V_rest: -60, V_reset: -65, V_th: 3e38}}
                projections:
                  - {name: p, pre: src, post: "n[3:4]", comm: {type: Dense, weight: 1e30}, syn: Expon, out: COBA}
                monitors:
                  - {target: n, var: V}
                """);
        Path one = tmp.resolve("nan1");
        Cli.Result single = Cli.run("run", config.toString(), "--out", one.toString(), "--check-every", "1", "--quiet");
        assertEquals(3, single.code());
        Path split = tmp.resolve("nan2");
        Cli.Result r = Cli.run("run", config.toString(), "--out", split.toString(), "--check-every", "1", "--quiet",
                "--processes", "2");
        assertEquals(3, r.code(), r.err());
        assertEquals(single.err().replace(one.toString(), split.toString()), r.err());
        assertSameOutputs(one, split, 2);
    }
}
