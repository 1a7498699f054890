package io.spikeforge.cli;

import io.spikeforge.core.Engine;
import io.spikeforge.core.RunResult;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.spi.Backend;
import io.spikeforge.spi.BackendUnavailableException;
import io.spikeforge.core.backend.StepGraph;
import io.spikeforge.core.output.OutputWriter;
import io.spikeforge.core.run.RunSettings;
import io.spikeforge.core.sim.Network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs a built (or resumed) network to its end, guarded against signals, NaN and lost work, and writes
 * its outputs: what {@code run} and {@code resume} share. Whatever ends the run, what was recorded is
 * written: where it belongs, or, when that fails at the end (a full disk), in a folder of its own in the
 * temporary directory, which the message names.
 */
final class Session {

    private Session() {
    }

    private static String outputs(Network network, Path dir) {
        return "the outputs up to t = " + new java.math.BigDecimal(network.step() * network.spec().dt())
                .round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString() + " ms are in " + dir;
    }

    /** Where the outputs went: the folder, and why they are not in the one asked for (null when they are). */
    private record Written(Path dir, Map<String, Object> summary, String failure) {
    }

    /**
     * @param backend     the backend, created for the network
     * @param resumedFrom the checkpoint's step, or -1 for a fresh run
     * @return the exit code: 0 completed, 1 a task or backend failed, 3 numerical fault, 4 a checkpoint or
     *         the outputs could not be written where they belong, 130 stopped by a signal
     */
    static int run(Engine engine, Network network, Backend backend, RunOptions options, Path dir,
                   RunSettings settings, long resumedFrom) throws Exception {
        return run(engine, network, backend, options, dir, settings, resumedFrom, null);
    }

    /**
     * As above, for one process of a split network when {@code shown} is not null: its outputs go to
     * {@code dir}, its own folder, but its messages name {@code shown}, the run's, where they will be; it
     * says nothing of completing or stopping, which rank 0 says for all (SplitRun).
     */
    static int run(Engine engine, Network network, Backend backend, RunOptions options, Path dir,
                   RunSettings settings, long resumedFrom, Path shown) throws Exception {
        boolean announce = shown == null;
        if (options.verbose) {
            System.err.print("step task graph:\n" + StepGraph.of(network).describe(network));
            System.err.print(backend.describe(network));
        }
        String name = network.spec().name();
        try (SignalStop stop = SignalStop.install()) {
            Progress progress = new Progress(network.spec().dt(), options.quiet, stop);
            long t0 = System.nanoTime();
            RunResult result;
            try {
                result = engine.run(network, backend, progress, settings);
            } catch (BackendUnavailableException | ConfigException e) {
                throw e;
            } catch (RuntimeException | Error e) {
                // A task or a backend failed: the recordings up to the last whole step are still saved.
                progress.finish();
                RunResult failed = new RunResult(network.step() - Math.max(0, resumedFrom), (System.nanoTime() - t0) / 1e9,
                        true, RunResult.Outcome.STOPPED, e.getMessage(), null);
                Written w = write(dir, network, backend, failed, resumedFrom);
                System.err.printf("spikeforge: %s: %s; %s%n", name, e.getMessage(), outputs(network, told(w, dir, shown)));
                if (options.verbose) {
                    e.printStackTrace(System.err);
                }
                notWritten(name, w);
                return ExitCodes.INTERNAL;
            }
            progress.finish();
            Written w = write(dir, network, backend, result, resumedFrom);
            Path file = w.dir().resolve("summary.json");
            int code = switch (result.outcome()) {
                case COMPLETED -> {
                    if (announce) {
                        System.out.printf("%s: %d steps (%.1f ms) in %.3f s on %s with %d thread(s); summary in %s%n",
                                name, network.step(), network.step() * network.spec().dt(), result.wallSeconds(),
                                backend.name(), backend.threads(), w.summary() == null ? "(none written)" : file);
                    }
                    yield w.failure() != null ? ExitCodes.NOT_WRITTEN
                            : options.plot ? PlotCommand.plot(w.dir()) : ExitCodes.OK;
                }
                case STOPPED -> {
                    if (announce) {
                        System.err.printf("spikeforge: %s: %s; %s%s%n", name, result.message(), outputs(network, w.dir()),
                                settings.checkpointEverySteps() > 0 ? "; continue with: spikeforge resume "
                                        + settings.checkpointFile() : "");
                    }
                    yield ExitCodes.INTERRUPTED;
                }
                case NUMERICAL_FAULT -> {
                    System.err.printf("spikeforge: %s: %s; %s%n", name, result.message(),
                            outputs(network, told(w, dir, shown)));
                    yield ExitCodes.NUMERICAL_FAULT;
                }
                case CHECKPOINT_FAILED -> {
                    System.err.printf("spikeforge: %s: %s; %s%n", name, result.message(), outputs(network, w.dir()));
                    yield ExitCodes.NOT_WRITTEN;
                }
            };
            notWritten(name, w);
            return code;
        }
    }

    /** @return the folder to name for the outputs: the split run's own where they went to the process's */
    private static Path told(Written w, Path dir, Path shown) {
        return shown != null && w.dir().equals(dir) ? shown : w.dir();
    }

    /** Says where the outputs went when they are not where they belong. */
    private static void notWritten(String name, Written w) {
        if (w.failure() != null) {
            System.err.printf("spikeforge: %s: %s; %s%n", name, w.failure(),
                    w.summary() == null ? "nothing of the run could be saved"
                            : "the outputs are in " + w.dir() + " instead");
        }
    }

    /**
     * Writes the outputs into {@code dir}, or when that fails, into a new folder in the temporary
     * directory; the run is not lost for want of disk where it was asked to write.
     */
    private static Written write(Path dir, Network network, Backend backend, RunResult result, long resumedFrom) {
        try {
            return new Written(dir, OutputWriter.write(dir, network, backend, result, resumedFrom), null);
        } catch (IOException e) {
            try {
                Path elsewhere = Files.createTempDirectory("spikeforge-"
                        + network.spec().name().replaceAll("[^A-Za-z0-9_.-]", "_") + "-");
                return new Written(elsewhere, OutputWriter.write(elsewhere, network, backend, result, resumedFrom),
                        e.getMessage());
            } catch (IOException | IllegalArgumentException again) {
                return new Written(dir, null, e.getMessage() + ", nor in the temporary directory: "
                        + again.getMessage());
            }
        }
    }
}
