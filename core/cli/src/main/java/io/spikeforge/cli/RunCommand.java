package io.spikeforge.cli;

import io.spikeforge.core.Engine;
import io.spikeforge.core.RunResult;
import io.spikeforge.core.backend.Backend;
import io.spikeforge.core.backend.BackendUnavailableException;
import io.spikeforge.core.backend.StepGraph;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.output.OutputWriter;
import io.spikeforge.core.sim.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code spikeforge run CONFIG}: builds, runs and writes outputs. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a network config.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The network config (YAML).")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/<config name>).")
    Path out;

    @Option(names = "--duration", paramLabel = "MS", description = "Simulated time in ms (overrides the config).")
    Double duration;

    @Option(names = "--dt", paramLabel = "MS", description = "Time step in ms (overrides the config).")
    Double dt;

    @Option(names = "--seed", paramLabel = "N", description = "Seed (overrides the config).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "JVM backend threads (default: one per core,"
            + " or 1 when the network is too small to split).")
    Integer threads;

    @Option(names = "--backend", paramLabel = "NAME", description = "Backend: jvm (default) or tornado.")
    String backend;

    @Option(names = "--device", paramLabel = "B:D", description = "Device of the tornado backend, as ./spikeforge devices lists it.")
    String device;

    @Option(names = "--plot", description = "Also draw the results as PNG files in the output directory"
            + " (as `spikeforge plot DIR` does).")
    boolean plot;

    /** --verbose also prints the step's task graph. */
    @Mixin
    LogOptions log;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        log.apply();
        Path dir;
        try {
            Engine engine = engineOptions.engine();
            NetworkSpec spec = engine.load(config, new Overrides(duration, dt, seed, threads, backend, device));
            Network network = engine.build(spec);
            Backend b = engine.backend(network);
            if (log.verbose) {
                System.err.print("step task graph:\n" + StepGraph.of(network.tasks()).describe(network.states()));
                System.err.print(b.describe(network));
            }
            Progress progress = new Progress(spec.dt(), log.quiet);
            RunResult result = engine.run(network, b, progress);
            progress.finish();
            dir = out != null ? out : Path.of("out", spec.name());
            Map<String, Object> summary = OutputWriter.write(dir, network, b, result);
            System.out.printf("%s: %d steps (%.1f ms) in %.3f s on %s with %d thread(s); summary in %s%n",
                    spec.name(), result.steps(), (Double) summary.get("duration_ms"), result.wallSeconds(), b.name(),
                    b.threads(), dir.resolve("summary.json"));
        } catch (ConfigException e) {
            System.err.println("spikeforge: " + e.getMessage());
            return 2;
        } catch (BackendUnavailableException e) {
            System.err.println("spikeforge: " + e.getMessage());
            return 2;
        }
        return plot ? PlotCommand.plot(dir) : 0;
    }
}
