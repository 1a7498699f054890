package io.spikeforge.cli;

import io.spikeforge.core.backend.RunListener;

/**
 * A progress line on stderr, shown only on a terminal and only once a run has taken about 2 s:
 * simulated time, the realtime factor (simulated / wall) and the ETA. It also carries a signal's stop
 * request to the run.
 */
final class Progress implements RunListener {

    private static final long SHOW_AFTER_NS = 2_000_000_000L;
    private static final long REFRESH_NS = 200_000_000L;

    private final double dt;
    private final boolean enabled;
    private final SignalStop stop;
    private final long start = System.nanoTime();
    private long lastPrint;
    private boolean printed;

    Progress(double dt, boolean quiet, SignalStop stop) {
        this.dt = dt;
        this.stop = stop;
        this.enabled = !quiet && System.console() != null && System.console().isTerminal();
    }

    @Override
    public boolean stopRequested() {
        return stop.requested();
    }

    @Override
    public void progress(long done, long total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - start < SHOW_AFTER_NS || now - lastPrint < REFRESH_NS) {
            return;
        }
        lastPrint = now;
        double wall = (now - start) / 1e9;
        double simulatedS = done * dt / 1000.0;
        double eta = done == 0 ? 0 : wall * (total - done) / done;
        int width = 30;
        int filled = (int) (width * done / Math.max(1, total));
        System.err.printf("\r[%s%s] %5.1f%%  %.1f / %.1f s simulated  %.2fx realtime  ETA %.0f s ",
                "#".repeat(filled), " ".repeat(width - filled), 100.0 * done / Math.max(1, total), simulatedS,
                total * dt / 1000.0, simulatedS / wall, eta);
        printed = true;
    }

    void finish() {
        if (printed) {
            System.err.println();
        }
    }
}
