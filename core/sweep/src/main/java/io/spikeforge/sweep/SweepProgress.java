package io.spikeforge.sweep;

import java.io.PrintStream;

/**
 * A progress line per finished run: runs done, failed and left, and the time left at this sweep's pace
 * so far (runs that an earlier start did are not counted in the pace).
 */
final class SweepProgress {

    private final String name;
    private final int total;
    private final int before;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private int done;
    private int failed;
    private int now;

    SweepProgress(String name, int total, int doneBefore, int failedBefore, PrintStream out) {
        this.name = name;
        this.total = total;
        this.before = doneBefore;
        this.done = doneBefore;
        this.failed = failedBefore;
        this.out = out;
    }

    synchronized void finished(RunRow row) {
        done++;
        now++;
        if (row.exitCode() != 0) {
            failed++;
        }
        if (out == null) {
            return;
        }
        int left = total - done;
        double elapsed = (System.nanoTime() - start) / 1e9;
        String eta = left == 0 ? "0 s" : duration(elapsed / now * left);
        out.printf("spikeforge: sweep %s: %d done (%d failed), %d left, ETA %s; %s %s in %.1f s%s%n", name, done,
                failed, left, eta, row.id(), row.status(), row.wallS(), row.error() == null ? "" : ": " + row.error());
    }

    static String duration(double s) {
        long t = Math.round(s);
        return t >= 3600 ? String.format("%d h %02d min", t / 3600, t % 3600 / 60)
                : t >= 60 ? String.format("%d min %02d s", t / 60, t % 60) : t + " s";
    }

    /** @return how many runs an earlier start had done */
    int before() {
        return before;
    }
}
