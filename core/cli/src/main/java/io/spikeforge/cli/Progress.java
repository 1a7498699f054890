package io.spikeforge.cli;

import io.spikeforge.spi.RunListener;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress line on stderr, shown only when stderr is a terminal and only once a run has taken
 * about 2 s: simulated time, the realtime factor (simulated / wall) and the ETA. It also carries a
 * signal's stop request to the run.
 */
final class Progress implements RunListener {

    static final long SHOW_AFTER_NS = 2_000_000_000L;
    private static final long REFRESH_NS = 200_000_000L;
    private static final int WIDTH = 30;

    private final double dt;
    private final boolean enabled;
    private final PrintStream out;
    private final LongSupplier nanoClock;
    private final SignalStop stop;
    private final long start;
    private long lastPrint;
    private boolean printed;

    /**
     * @param dt   time step in ms
     * @param stop the signal handler whose request ends the run, or null
     */
    Progress(double dt, boolean quiet, SignalStop stop) {
        this(dt, !quiet && stderrIsTerminal(), System.err, System::nanoTime, stop);
    }

    Progress(double dt, boolean enabled, PrintStream out, LongSupplier nanoClock) {
        this(dt, enabled, out, nanoClock, null);
    }

    private Progress(double dt, boolean enabled, PrintStream out, LongSupplier nanoClock, SignalStop stop) {
        this.dt = dt;
        this.enabled = enabled;
        this.out = out;
        this.nanoClock = nanoClock;
        this.stop = stop;
        this.start = nanoClock.getAsLong();
    }

    @Override
    public boolean stopRequested() {
        return stop != null && stop.requested();
    }

    @Override
    public void progress(long done, long total) {
        if (!enabled) {
            return;
        }
        long now = nanoClock.getAsLong();
        boolean last = done >= total;
        if (last && printed) {
            // Show 100 % and end the line here: the engine logs its "ran" line before finish() is called.
            out.println("\r" + line(done, total, (now - start) / 1e9));
            printed = false;
            return;
        }
        if (now - start < SHOW_AFTER_NS || now - lastPrint < REFRESH_NS) {
            return;
        }
        lastPrint = now;
        out.print("\r" + line(done, total, (now - start) / 1e9));
        printed = true;
    }

    /** @return the progress line for {@code done} of {@code total} steps after {@code wallS} seconds */
    String line(long done, long total, double wallS) {
        double simulatedS = done * dt / 1000.0;
        double eta = done == 0 ? 0 : wallS * (total - done) / done;
        int filled = (int) (WIDTH * done / Math.max(1, total));
        return String.format(Locale.ROOT, "[%s%s] %5.1f%%  %.1f / %.1f s simulated  %.2fx realtime  ETA %.0f s ",
                "#".repeat(filled), " ".repeat(WIDTH - filled), 100.0 * done / Math.max(1, total), simulatedS,
                total * dt / 1000.0, simulatedS / wallS, eta);
    }

    /** Ends the progress line of a run that stopped early, so that what follows starts on a fresh line. */
    void finish() {
        if (printed) {
            out.println();
        }
    }

    /**
     * @return whether stderr (not stdin or stdout, which {@link System#console()} looks at) is a
     *         terminal; on Linux, /proc tells where file descriptor 2 goes
     */
    static boolean stderrIsTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        if (Files.isSymbolicLink(fd2)) {
            try {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | SecurityException e) {
                return false;
            }
        }
        return System.console() != null && System.console().isTerminal();
    }
}
