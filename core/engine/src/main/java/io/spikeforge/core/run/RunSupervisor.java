package io.spikeforge.core.run;

import io.spikeforge.spi.RunListener;
import io.spikeforge.core.checkpoint.CheckpointFile;
import io.spikeforge.core.checkpoint.CheckpointMeta;
import io.spikeforge.core.sim.Network;

import java.io.IOException;

/**
 * Watches a run between steps: scans the state for NaN and infinity, writes checkpoints, and passes
 * progress and stop requests through from the caller's listener. It runs on the thread that completes
 * each step while the others wait, so the state it reads and saves is consistent.
 */
public final class RunSupervisor implements RunListener {

    private final Network network;
    private final RunSettings settings;
    private final RunListener caller;
    private final long lastStep;
    private final FiniteCheck check;
    private long lastFinite = -1;
    private NumericalFault fault;
    private IOException checkpointFailure;
    private long lastCheckpoint = -1;

    /**
     * @param network  the network being run
     * @param settings check and checkpoint intervals
     * @param caller   the caller's listener (progress, signals)
     */
    public RunSupervisor(Network network, RunSettings settings, RunListener caller) {
        this.network = network;
        this.settings = settings;
        this.caller = caller;
        this.lastStep = network.spec().steps();
        this.check = new FiniteCheck(network);
    }

    @Override
    public void progress(long done, long total) {
        caller.progress(done, total);
    }

    @Override
    public boolean afterStep(long step) {
        if (settings.agreement() != null) {
            return agreedAfterStep(step);
        }
        if (settings.checkEverySteps() > 0 && step % settings.checkEverySteps() == 0 && !scan(step)) {
            return true;
        }
        if (settings.checkpointEverySteps() > 0 && step % settings.checkpointEverySteps() == 0 && step < lastStep
                && !checkpoint(step)) {
            return true;
        }
        return caller.afterStep(step);
    }

    /**
     * A process of a split network stops only where every process asks whether to: at the NaN check's
     * steps and the last, all alike, whatever each found or was asked between them.
     */
    private boolean agreedAfterStep(long step) {
        long every = settings.checkEverySteps() > 0 ? settings.checkEverySteps() : RunSettings.DEFAULT_CHECK_EVERY;
        boolean check = settings.checkEverySteps() > 0 && step % settings.checkEverySteps() == 0;
        if (step % every != 0 && step != lastStep) {
            return false;
        }
        boolean mine = (check && !scan(step)) | caller.afterStep(step) | caller.stopRequested();
        return settings.agreement().anyStops(mine);
    }

    @Override
    public boolean stopRequested() {
        // A split network's process never stops on its own: see agreedAfterStep.
        return settings.agreement() == null && caller.stopRequested();
    }

    /** The NaN check and checkpoints fall on multiples of their intervals: batches must divide both. */
    @Override
    public long checkInterval() {
        long interval = caller.checkInterval();
        for (long every : new long[] {settings.checkEverySteps(), settings.checkpointEverySteps()}) {
            if (every > 0) {
                interval = interval == Long.MAX_VALUE ? every : gcd(interval, every);
            }
        }
        return interval;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** @return true when every value is finite; otherwise records the fault */
    public boolean scan(long step) {
        if (fault != null) {
            return false;
        }
        if (lastFinite == step) {
            return true;
        }
        fault = check.scan(step, lastFinite);
        if (fault == null) {
            lastFinite = step;
        }
        return fault == null;
    }

    /** Writes a checkpoint of a finite state; @return false when it found a fault or could not write */
    public boolean checkpoint(long step) {
        if (lastCheckpoint == step) {
            return true;
        }
        if (!scan(step)) {
            return false;
        }
        try {
            CheckpointFile.write(settings.checkpointFile(), network, new CheckpointMeta(network.spec().origin(), step,
                    settings.outDir(), settings.checkpointEverySteps(), settings.checkEverySteps()));
            lastCheckpoint = step;
            return true;
        } catch (IOException e) {
            checkpointFailure = e;
            return false;
        }
    }

    /** @return the NaN or infinity found, or null */
    public NumericalFault fault() {
        return fault;
    }

    /** @return why the last checkpoint could not be written, or null */
    public IOException checkpointFailure() {
        return checkpointFailure;
    }
}
