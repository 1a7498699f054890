package io.spikeforge.cli;

import io.spikeforge.core.Engine;
import io.spikeforge.core.RunResult;
import io.spikeforge.spi.Backend;
import io.spikeforge.core.backend.StepGraph;
import io.spikeforge.core.output.OutputWriter;
import io.spikeforge.core.run.RunSettings;
import io.spikeforge.core.sim.Network;

import java.nio.file.Path;
import java.util.Map;

/**
 * Runs a built (or resumed) network to its end, guarded against signals, NaN and lost work, and writes
 * its outputs: what {@code run} and {@code resume} share.
 */
final class Session {

    private Session() {
    }

    private static String outputs(Network network, Path dir) {
        return "the outputs up to t = " + new java.math.BigDecimal(network.step() * network.spec().dt())
                .round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString() + " ms are in " + dir;
    }

    /**
     * @param resumedFrom the checkpoint's step, or -1 for a fresh run
     * @return the exit code: 0 completed, 3 numerical fault, 1 checkpoint failure, 130 stopped by a signal
     */
    static int run(Engine engine, Network network, RunOptions options, Path dir, RunSettings settings,
                   long resumedFrom) throws Exception {
        Backend backend = engine.backend(network);
        if (options.verbose) {
            System.err.print("step task graph:\n" + StepGraph.of(network).describe(network));
            System.err.print(backend.describe(network));
        }
        String name = network.spec().name();
        try (SignalStop stop = SignalStop.install()) {
            Progress progress = new Progress(network.spec().dt(), options.quiet, stop);
            RunResult result = engine.run(network, backend, progress, settings);
            progress.finish();
            Map<String, Object> summary = OutputWriter.write(dir, network, backend, result, resumedFrom);
            Path file = dir.resolve("summary.json");
            switch (result.outcome()) {
                case COMPLETED -> {
                    System.out.printf("%s: %d steps (%.1f ms) in %.3f s on %s with %d thread(s); summary in %s%n",
                            name, network.step(), (Double) summary.get("duration_ms"), result.wallSeconds(),
                            backend.name(), backend.threads(), file);
                    return options.plot ? PlotCommand.plot(dir) : ExitCodes.OK;
                }
                case STOPPED -> {
                    System.err.printf("spikeforge: %s: %s; %s%s%n", name, result.message(), outputs(network, dir),
                            settings.checkpointEverySteps() > 0 ? "; continue with: spikeforge resume "
                                    + settings.checkpointFile() : "");
                    return ExitCodes.INTERRUPTED;
                }
                case NUMERICAL_FAULT -> {
                    System.err.printf("spikeforge: %s: %s; %s%n", name, result.message(), outputs(network, dir));
                    return ExitCodes.NUMERICAL_FAULT;
                }
                case CHECKPOINT_FAILED -> {
                    System.err.printf("spikeforge: %s: %s; %s%n", name, result.message(), outputs(network, dir));
                    return ExitCodes.INTERNAL;
                }
                default -> throw new IllegalStateException(result.outcome().toString());
            }
        }
    }
}
