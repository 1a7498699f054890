package io.spikeforge.core.run;

import java.nio.file.Path;

/**
 * How a run guards itself.
 *
 * @param checkEverySteps      scan the state for NaN and infinity every this many steps (0: only at the
 *                             start, at checkpoints and at the end)
 * @param checkpointEverySteps write a checkpoint every this many steps (0: none)
 * @param checkpointFile       where checkpoints go; null when there are none
 * @param outDir               the run's output directory, recorded in checkpoints for {@code resume}
 * @param agreement            how the processes of a split network agree to stop, at the NaN check's steps
 *                             (every {@link #DEFAULT_CHECK_EVERY} when it is off); null for one process
 */
public record RunSettings(long checkEverySteps, long checkpointEverySteps, Path checkpointFile, String outDir,
                          StopAgreement agreement) {

    /** The NaN check interval when none is given: 1000 steps, 100 ms at the default dt. */
    public static final long DEFAULT_CHECK_EVERY = 1000;

    /** No checkpoints; the NaN check every {@link #DEFAULT_CHECK_EVERY} steps. */
    public static final RunSettings DEFAULT = new RunSettings(DEFAULT_CHECK_EVERY, 0, null, "");

    /** Settings of a run in one process. */
    public RunSettings(long checkEverySteps, long checkpointEverySteps, Path checkpointFile, String outDir) {
        this(checkEverySteps, checkpointEverySteps, checkpointFile, outDir, null);
    }

    /** @return these settings for one process of a split network, which stops only as they all agree */
    public RunSettings withAgreement(StopAgreement agreement) {
        return new RunSettings(checkEverySteps, checkpointEverySteps, checkpointFile, outDir, agreement);
    }

    public RunSettings {
        if (checkEverySteps < 0 || checkpointEverySteps < 0) {
            throw new IllegalArgumentException("intervals must be >= 0");
        }
        if (checkpointEverySteps > 0 && checkpointFile == null) {
            throw new IllegalArgumentException("checkpoints need a file");
        }
    }
}
