package io.spikeforge.sweep;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code spikeforge sweep} as a command: its exit codes and messages, and a sweep process killed mid-way. */
class SweepCliTest {

    @BeforeAll
    static void quiet() {
        SweepRuns.quiet();
    }

    @Test
    void aWrongSweepFileExits2WithEveryMistakeAtItsPathAndNoStackTrace(@TempDir Path tmp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = SweepCli.execute(SweepReaderTest.resource("bad_axes.yaml").toString(), "--out",
                    tmp.resolve("sweep").toString());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        assertEquals(2, code);
        assertEquals("""
                spikeforge: 2 configuration errors in src/test/resources/sweep/bad_axes.yaml:
                  axes.projections[0].plastcity.A2: no key 'plastcity' in projections[0]. Did you mean 'plasticity'? \
                Keys there: name, pre, post, comm, syn, out, plasticity
                  axes.seed.range: from must not be above to, got [4, 1]
                """, err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(!Files.exists(tmp.resolve("sweep")), "nothing is written before the file is right");
    }

    /**
     * The sweep runs as {@code ./spikeforge sweep} does, in a JVM of its own, and is killed (SIGKILL: no
     * shutdown hook, a journal line may be cut) once some of its rows are journaled; started again, it runs
     * only the other runs, and its table is that of a sweep that was never stopped.
     */
    @Test
    void aSweepKilledMidWayRunsOnlyTheRestWhenStartedAgainAndLosesOrDoublesNoRow(@TempDir Path tmp) throws Exception {
        Path sweep = SweepReaderTest.resource("kill_sweep.yaml");
        Path dir = tmp.resolve("killed");
        Path journal = dir.resolve("journal.jsonl");
        Process p = ChildJvm.start(ChildJvm.command(ChildJvm.sweepClassPath(), "io.spikeforge.sweep.SweepCli",
                sweep.toString(), "--master", "local[1]", "--out", dir.toString()), tmp.resolve("first"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!(Files.exists(journal) && Files.readAllLines(journal).size() >= 3)) {
            assertTrue(p.isAlive(), "the sweep ended before it was killed: "
                    + Files.readString(tmp.resolve("first.err")));
            assertTrue(System.nanoTime() < deadline, "3 rows within 240 s");
            Thread.sleep(10);
        }
        p.destroyForcibly();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        String before = Files.readString(journal);
        Map<String, RunRow> done = Journal.read(journal);
        int k = done.size();
        // The third line may be cut short by the kill.
        assertTrue(k >= 2 && k < 12, k + " rows journaled when killed");
        assertTrue(!Files.exists(dir.resolve("results.csv")), "killed before the end");

        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Sweep.Result again = Sweep.of(sweep).master("local[1]").out(dir)
                .progress(new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
        assertEquals(k, again.skipped());
        assertTrue(progress.toString(StandardCharsets.UTF_8).startsWith("spikeforge: sweep kill_sweep: " + k
                + " of 12 runs already done in " + dir + "; running the other " + (12 - k) + "\n"), progress.toString());
        // The journal keeps what the killed sweep wrote, and gains exactly one line per run it had not done.
        String after = Files.readString(journal);
        assertTrue(after.startsWith(before), "the journal was appended to, not rewritten");
        List<String> added = after.substring(before.length()).lines().filter(l -> !l.isBlank()).toList();
        assertEquals(12 - k, added.size(), after);
        Set<String> rerun = new HashSet<>();
        for (String line : added) {
            RunRow r = Journal.decode(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line));
            assertTrue(!done.containsKey(r.key()), r.id() + " was done before the kill and ran again");
            assertTrue(rerun.add(r.key()), r.id() + " twice");
        }
        assertEquals(12, Journal.read(journal).size());
        // A row done before the kill is the journaled one, not a new run of its point.
        Map<String, Object> first = again.rows().stream().filter(r -> done.values().stream()
                .anyMatch(d -> d.id().equals(r.get("id")))).findFirst().orElseThrow();
        RunRow journaled = done.values().stream().filter(d -> d.id().equals(first.get("id"))).findFirst().orElseThrow();
        assertEquals(journaled.wallS(), (Double) first.get("wall_s"), 0.0);

        Sweep.Result never = Sweep.of(sweep).master("local[2]").out(tmp.resolve("never")).progress(null).run();
        assertEquals(SweepRuns.comparable(never), SweepRuns.comparable(again));
        assertEquals(12, again.rows().stream().map(r -> r.get("seed")).distinct().count());
        for (Map<String, Object> row : again.rows()) {
            assertEquals("ok", row.get("status"), row.toString());
        }
        assertEquals(SweepRuns.csv(tmp.resolve("never/results.csv"), "wall_s", "host"),
                SweepRuns.csv(dir.resolve("results.csv"), "wall_s", "host"));
    }
}
