package io.spikeforge.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {

    private final long[] now = {0};
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void showsSimulatedTimeRealtimeFactorAndEtaOnceTheRunHasTakenTwoSeconds() {
        Progress p = new Progress(0.1, true, out, () -> now[0]);
        now[0] = 1_000_000_000L;
        p.progress(10_000, 100_000);
        assertEquals("", text(), "nothing before 2 s");
        now[0] = 4_000_000_000L;
        p.progress(30_000, 100_000);
        // 30000 steps of 0.1 ms = 3 s simulated in 4 s wall: 0.75x realtime, 9.3 s to go.
        assertEquals("\r[#########                     ]  30.0%  3.0 / 10.0 s simulated  0.75x realtime  ETA 9 s ",
                text());
        now[0] += 1_000_000L;
        p.progress(30_010, 100_000);
        assertEquals(1, text().chars().filter(c -> c == '\r').count(), "at most 5 refreshes a second");
        now[0] += 1_000_000L;
        p.progress(100_000, 100_000);
        assertTrue(text().endsWith("100.0%  10.0 / 10.0 s simulated  2.50x realtime  ETA 0 s " + System.lineSeparator()),
                "the last step shows 100 % and ends the line: " + text());
        p.finish();
        assertEquals(text().length() - 1, text().indexOf('\n'), "one line end, and finish() adds no empty line");
    }

    @Test
    void printsNothingWhenDisabled() {
        Progress p = new Progress(0.1, false, out, () -> now[0]);
        now[0] = 10_000_000_000L;
        p.progress(50, 100);
        p.finish();
        assertEquals("", text());
    }

    @Test
    void stderrOfATestRunIsNotATerminal() {
        // Surefire pipes the test JVM's stderr, so the real check must say no here.
        assertEquals(false, Progress.stderrIsTerminal());
    }
}
