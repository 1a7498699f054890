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
import java.util.ArrayList;
import java.util.List;
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

    @Option(names = "--processes", paramLabel = "N", description = "Split the network over N processes (MPJ Express:"
            + " one JVM on this machine, or one per host with --hosts); the spikes and weights are those of one process.")
    Integer processes;

    @Option(names = "--hosts", paramLabel = "H1,H2", split = ",", description = "Hosts for --processes, each running"
            + " MPJ Express's daemon and seeing --out (niodev device; default: this machine alone, multicore device).")
    List<String> hosts;

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
        boolean splitRank = SplitRank.exchange() != null;
        boolean split = !splitRank && (processes != null || hosts != null);
        Path mpj = null;
        if (split) {
            processes = processes != null ? processes : hosts.size();
            mpj = SplitChecks.check(processes, hosts, spec, options, errors);
        }
        // Without a config's name there is no default folder to check; --out can be checked all the same.
        OutputFolder folder = spec == null && options.out == null ? null
                : new OutputFolder(options.out, spec == null ? null : Path.of("out", spec.name()));
        if (folder != null) {
            folder.check(errors);
        }
        // The spec is null only when the config was refused, which throws here.
        errors.throwIfAny(refused);
        folder.create();
        if (split) {
            return SplitLauncher.launch(mpj, processes, hosts, folder.path().toAbsolutePath(), rankArgs(folder.path()),
                    options.quiet);
        }
        if (splitRank) {
            return SplitRun.run(engine, spec, options, folder.path(), checkSteps);
        }
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

    /** @return the arguments of {@code run} for each process of a split run: this run's, for one process */
    private List<String> rankArgs(Path dir) {
        List<String> a = new ArrayList<>(List.of(config.toAbsolutePath().toString(), "--out",
                dir.toAbsolutePath().toString()));
        if (duration != null) {
            a.addAll(List.of("--duration", String.valueOf(duration)));
        }
        if (dt != null) {
            a.addAll(List.of("--dt", String.valueOf(dt)));
        }
        if (seed != null) {
            a.addAll(List.of("--seed", String.valueOf(seed)));
        }
        // One thread per process unless told: on one machine the processes share its cores.
        a.addAll(List.of("--threads", String.valueOf(options.threads == null ? 1 : options.threads)));
        if (options.checkEvery != null) {
            a.addAll(List.of("--check-every", String.valueOf(options.checkEvery)));
        }
        if (options.plot) {
            a.add("--plot");
        }
        if (options.verbose) {
            a.add("--verbose");
        }
        if (options.quiet) {
            a.add("--quiet");
        }
        a.addAll(engineOptions.args());
        return a;
    }
}
