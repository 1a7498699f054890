package io.spikeforge.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikeforge.core.backend.JvmBackend;
import io.spikeforge.spi.RunListener;
import io.spikeforge.core.checkpoint.CheckpointFile;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import io.spikeforge.core.sim.SpikeMonitor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM and SIGINT stop a run in a separate JVM after a step: the monitors, a summary marked partial and
 * a checkpoint of exactly that step are written, and the JVM exits with 128 + the signal.
 */
class SignalsTest {

    private static final long STEPS = 1_000_000;

    /** The checkpoint test's network, its value monitors thinned: they preallocate a row per recorded step. */
    private static final String NETWORK = CheckpointTest.NETWORK
            .replace("  - {target: rew, var: eligibility, every: 7}\n", "")
            .replace("  - {target: ie, var: g, every: 3}\n", "")
            .replace("{target: exc, var: V, every: 5}", "{target: exc, var: V, every: 100}");

    @TempDir
    Path tmp;

    /** Starts {@code spikeforge run} on the network for 100 s simulated, packs from the environment. */
    private Process start(Path config, Path out, Path log) throws IOException {
        assertTrue(!NETWORK.contains("every: 7") && !NETWORK.contains("every: 3}") && NETWORK.contains("every: 100"),
                "the monitors are thinned");
        Files.writeString(config, NETWORK);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--sun-misc-unsafe-memory-access=allow", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "io.spikeforge.cli.SpikeForgeCli", "run", config.toString(), "--out", out.toString(),
                "--duration", String.valueOf(STEPS / 10), "--checkpoint-every", "100", "--threads", "2"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPIKEFORGE_PLUGINS", Packs.DIR.toString());
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.exists(log) && Files.readString(log).contains(" built signalled: "))) {
            assertTrue(p.isAlive(), "the run started: " + (Files.exists(log) ? Files.readString(log) : ""));
            assertTrue(System.nanoTime() < deadline, "the run built its network within 120 s");
            sleep(50);
        }
        sleep(700);
        return p;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int waitFor(Process p) throws InterruptedException {
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the run did not stop within 120 s of the signal");
        }
        return p.exitValue();
    }

    /** @return the step the run stopped after, checked against the message, the summary and the checkpoint */
    private static long assertStoppedAndFlushed(Path out, Path log) throws IOException {
        String text = Files.readString(log);
        Matcher m = Pattern.compile("spikeforge: signalled: stopped on request after (\\d+) of " + STEPS + " steps; the"
                + " outputs up to t = [0-9.]+ ms are in " + Pattern.quote(out.toString()) + "; continue with: spikeforge"
                + " resume " + Pattern.quote(out.resolve("checkpoint.sfck").toString()) + "\n").matcher(text);
        assertTrue(m.find(), "one line says where it stopped and how to continue:\n" + text);
        long stopped = Long.parseLong(m.group(1));
        assertTrue(stopped > 0 && stopped < STEPS, "stopped mid-run: " + stopped);
        assertTrue(!text.contains("\tat "), "no stack trace:\n" + text);
        JsonNode s = Outputs.summary(out);
        assertTrue(s.get("partial").asBoolean());
        assertEquals(stopped, s.get("steps").asLong());
        assertEquals("stopped on request after " + stopped + " of " + STEPS + " steps", s.get("stop_reason").asText());
        assertEquals(stopped, CheckpointFile.read(out.resolve("checkpoint.sfck")).meta().step(),
                "a checkpoint of the step it stopped after");
        assertEquals(List.of(s.at("/populations/exc/spikes").asLong(), 2L), shape(out.resolve("exc.spike.npy")),
                "every spike up to the stop is in the spike monitor");
        assertEquals(List.of((stopped + 99) / 100, 120L), shape(out.resolve("exc.V.npy")),
                "V was recorded every 100 steps up to the stop");
        return stopped;
    }

    @Test
    void sigtermStopsAfterAStepAndLeavesTheExactStateOfThatStep() throws Exception {
        Path out = tmp.resolve("out");
        Path log = tmp.resolve("log");
        Process p = start(tmp.resolve("signalled.yaml"), out, log);
        p.destroy();
        assertEquals(143, waitFor(p), "128 + SIGTERM");
        long stopped = assertStoppedAndFlushed(out, log);

        Network reference = Packs.ENGINE.build(Packs.ENGINE.parse(NETWORK, "signalled.yaml",
                new Overrides((double) (STEPS / 10), null, null, null, null)));
        Packs.ENGINE.run(reference, new JvmBackend(1), new RunListener() {
            @Override
            public boolean afterStep(long step) {
                return step >= stopped;
            }
        });
        Network restored = Packs.ENGINE.resume(out.resolve("checkpoint.sfck"), null, null).network();
        Outputs.assertSameState(reference, restored);
        assertArrayEquals(((SpikeMonitor) reference.monitor("exc.spike")).pairs(),
                ((SpikeMonitor) restored.monitor("exc.spike")).pairs());
    }

    @Test
    void sigintStopsTheRunTheSameWay() throws Exception {
        Assumptions.assumeFalse(sigintIgnored(), "SIGINT is ignored in this process (started in the background by a"
                + " non-interactive shell); a child JVM would inherit that and could not be interrupted");
        Path out = tmp.resolve("out");
        Path log = tmp.resolve("log");
        Process p = start(tmp.resolve("signalled.yaml"), out, log);
        assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor());
        assertEquals(130, waitFor(p), "128 + SIGINT");
        assertStoppedAndFlushed(out, log);
    }

    /** @return the shape an .npy file's header declares */
    private static List<Long> shape(Path npy) throws IOException {
        Matcher m = Pattern.compile("'shape': \\((\\d+), (\\d+)\\)").matcher(
                new String(Files.readAllBytes(npy), 0, 128, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(m.find(), npy.toString());
        return List.of(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    /** @return whether this process ignores SIGINT (Linux: bit 1 of SigIgn in /proc/self/status) */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 2) != 0;
            }
        }
        return false;
    }
}
