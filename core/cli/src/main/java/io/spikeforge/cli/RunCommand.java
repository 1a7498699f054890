package io.spikeforge.cli;

import io.spikeforge.core.Engine;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.run.RunSettings;
import io.spikeforge.core.sim.Network;
import io.spikeforge.spi.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code spikeforge run CONFIG}: checks the options, the config and the output folder, all before
 * anything is built, then builds, runs and writes outputs.
 */
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
        InputErrors errors = new InputErrors();
        long checkSteps = options.checkSteps(RunSettings.DEFAULT_CHECK_EVERY, errors);
        NetworkSpec spec = null;
        ConfigException refused = null;
        try {
            spec = engine.load(config, new Overrides(duration, dt, seed, options.threads, options.backend,
                    options.device));
        } catch (ConfigException e) {
            refused = e;
        }
        long checkpointSteps = options.checkpointSteps(spec == null ? Double.NaN : spec.dt(), 0, errors);
        // Without a config's name there is no default folder to check; --out can be checked all the same.
        OutputFolder folder = spec == null && options.out == null ? null
                : new OutputFolder(options.out, spec == null ? null : Path.of("out", spec.name()));
        if (folder != null) {
            folder.check(errors);
        }
        // The spec is null only when the config was refused, which throws here.
        errors.throwIfAny(refused);
        folder.create();
        Network network;
        Backend backend;
        try {
            network = engine.build(spec);
            backend = engine.backend(network);
        } catch (RuntimeException | Error e) {
            folder.abandon();
            throw e;
        }
        Path dir = folder.path();
        return Session.run(engine, network, backend, options, dir,
                RunOptions.settings(dir, checkSteps, checkpointSteps), -1);
    }
}
