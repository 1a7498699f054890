package io.spikeforge.core.api;

import io.spikeforge.spi.RunListener;

/**
 * A run's progress, kept in fields that another thread reads while the run goes on: how an embedding
 * program (the Python package's progress bar) follows a run without a call back into it every few
 * steps, and asks it to stop after the current step.
 */
public final class RunProgress implements RunListener {

    private volatile long done;
    private volatile long total;
    private volatile boolean stop;

    @Override
    public void progress(long done, long total) {
        this.done = done;
        this.total = total;
    }

    @Override
    public boolean stopRequested() {
        return stop;
    }

    /** @return the steps done in this run so far (updated every few steps) */
    public long done() {
        return done;
    }

    /** @return the steps this run takes, 0 until the first report */
    public long total() {
        return total;
    }

    /** Asks the run to stop after the step it is in; the network stays consistent and can run on. */
    public void requestStop() {
        stop = true;
    }
}
