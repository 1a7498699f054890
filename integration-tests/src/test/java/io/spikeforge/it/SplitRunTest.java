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
}
