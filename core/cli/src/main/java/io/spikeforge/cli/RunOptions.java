package io.spikeforge.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.spikeforge.core.run.RunSettings;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options of the commands that run a network: {@code run} and {@code resume}. */
final class RunOptions {

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (run: out/<config name>;"
            + " resume: the directory of the run that wrote the checkpoint).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "JVM backend threads (default: 1 when the network"
            + " is too small to split, else one thread or every core, whichever the start of the run measures faster).")
    Integer threads;

    @Option(names = "--backend", paramLabel = "NAME", description = "Backend: jvm (default) or tornado.")
    String backend;

    @Option(names = "--device", paramLabel = "B:D", description = "Device of the tornado backend, as"
            + " ./spikeforge devices lists it.")
    String device;

    @Option(names = "--plot", description = "Also draw the results as PNG files in the output directory"
            + " (as `spikeforge plot DIR` does).")
    boolean plot;

    @Option(names = "--checkpoint-every", paramLabel = "MS", description = "Write the complete state to"
            + " DIR/checkpoint.sfck every MS of simulated time (a multiple of dt), and when the run is stopped;"
            + " continue with 'spikeforge resume DIR/checkpoint.sfck'.")
    Double checkpointEveryMs;

    @Option(names = "--check-every", paramLabel = "STEPS", description = "Scan the state for NaN and infinity every"
            + " STEPS steps (default: 1000; 0: only at the start, at checkpoints and at the end).")
    Long checkEvery;

    @Option(names = "--verbose", description = "Log more, print the step's task graph (and a device backend's plan),"
            + " and print stack traces.")
    boolean verbose;

    @Option(names = "--quiet", description = "Log only errors and print no progress.")
    boolean quiet;

    /** The checkpoint file name within the output directory. */
    static final String CHECKPOINT_FILE = "checkpoint.sfck";

    /** The run settings for output directory {@code dir}, with the checkpoint file inside it when checkpointing. */
    static RunSettings settings(Path dir, long checkSteps, long checkpointSteps) {
        return new RunSettings(checkSteps, checkpointSteps,
                checkpointSteps > 0 ? dir.resolve(CHECKPOINT_FILE) : null, dir.toString());
    }

    void applyLogLevel() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(quiet ? Level.ERROR : verbose ? Level.DEBUG : Level.INFO);
    }

    /**
     * @param dt the time step in ms, NaN when the config was refused (only the sign is checked then)
     * @return the checkpoint interval in steps, 0 for none; {@code fallback} when it is refused (reported)
     */
    long checkpointSteps(double dt, long fallback, InputErrors errors) {
        if (checkpointEveryMs == null) {
            return fallback;
        }
        double ms = checkpointEveryMs;
        if (Double.isNaN(dt)) {
            if (!(ms > 0) || Double.isInfinite(ms)) {
                errors.add("--checkpoint-every", "must be a positive multiple of dt in ms, got " + fmt(ms));
            }
            return fallback;
        }
        long steps = Math.round(ms / dt);
        if (!(ms > 0) || Double.isInfinite(ms) || steps < 1 || Math.abs(steps * dt - ms) > 1e-9) {
            errors.add("--checkpoint-every", fmt(ms) + " ms is not a positive multiple of dt = " + fmt(dt) + " ms");
            return fallback;
        }
        return steps;
    }

    /** @return the NaN check interval in steps; {@code fallback} when it is refused (reported) */
    long checkSteps(long fallback, InputErrors errors) {
        if (checkEvery == null) {
            return fallback;
        }
        if (checkEvery < 0) {
            errors.add("--check-every", "must be a number of steps >= 0, got " + checkEvery);
            return fallback;
        }
        return checkEvery;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
