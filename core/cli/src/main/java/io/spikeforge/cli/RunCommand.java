package io.spikeforge.cli;

import io.spikeforge.core.Engine;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.run.RunSettings;
import io.spikeforge.core.sim.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code spikeforge run CONFIG}: builds, runs and writes outputs. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a network config.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The network config (YAML).")
    Path config;

    @Option(names = "--duration", paramLabel = "MS", description = "Simulated time in ms (overrides the config).")
    Double duration;

    @Option(names = "--dt", paramLabel = "MS", description = "Time step in ms (overrides the config).")
    Double dt;

    @Option(names = "--seed", paramLabel = "N", description = "Seed (overrides the config).")
    Long seed;

    @Mixin
    RunOptions options;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        options.applyLogLevel();
        Engine engine = engineOptions.engine();
        NetworkSpec spec = engine.load(config, new Overrides(duration, dt, seed, options.threads, options.backend, options.device));
        long checkpointSteps = options.checkpointSteps(spec.dt(), 0);
        long checkSteps = options.checkSteps(RunSettings.DEFAULT_CHECK_EVERY);
        Network network = engine.build(spec);
        Path dir = options.out != null ? options.out : Path.of("out", spec.name());
        return Session.run(engine, network, options, dir, RunOptions.settings(dir, checkSteps, checkpointSteps),
                -1);
    }
}
