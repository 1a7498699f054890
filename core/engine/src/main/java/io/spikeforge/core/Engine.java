package io.spikeforge.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.ProvisionException;
import io.spikeforge.spi.Backend;
import io.spikeforge.spi.BackendUnavailableException;
import io.spikeforge.kernels.KernelWarmup;
import io.spikeforge.spi.RunListener;
import io.spikeforge.core.network.NetworkBuilder;
import io.spikeforge.core.backend.TaskFailedException;
import io.spikeforge.core.checkpoint.CheckpointException;
import io.spikeforge.core.checkpoint.CheckpointFile;
import io.spikeforge.core.checkpoint.CheckpointMeta;
import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.ConfigOrigin;
import io.spikeforge.core.config.ConfigReader;
import io.spikeforge.core.config.ModelRef;
import io.spikeforge.core.equations.EquationModels;
import io.spikeforge.core.equations.EquationPacks;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.config.RowBlocks;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.config.Suggestions;
import io.spikeforge.core.plugin.PackException;
import io.spikeforge.core.plugin.PluginFailureException;
import io.spikeforge.core.plugin.PluginLoader;
import io.spikeforge.core.plugin.PluginRegistry;
import io.spikeforge.core.run.InitialState;
import io.spikeforge.core.run.RunSettings;
import io.spikeforge.core.run.RunSupervisor;
import io.spikeforge.core.sim.Network;
import io.spikeforge.core.split.Split;
import io.spikeforge.core.sim.ProjectionRuntime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The engine's entry point: load a config, build the network, pick a backend, run, checkpoint, resume. */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final PluginRegistry registry;

    @Inject
    Engine(PluginRegistry registry) {
        this.registry = registry;
    }

    /**
     * @return an engine with the class path's packs plus {@code extra}
     * @throws PackException if a pack cannot be loaded or two packs register the same model name
     */
    public static Engine create(List<PluginLoader.Found> extra) {
        List<PluginLoader.Found> all = new ArrayList<>(PluginLoader.fromClassPath(Engine.class.getClassLoader()));
        all.addAll(extra);
        all = EquationPacks.withModelFiles(all);
        try {
            return Guice.createInjector(new EngineModule(all)).getInstance(Engine.class);
        } catch (CreationException | ProvisionException e) {
            // Guice wraps what the registry throws; the pack's own message is the one the user needs.
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof PackException p) {
                    throw p;
                }
            }
            throw e;
        }
    }

    /** @return an engine with the packs on the class path */
    public static Engine create() {
        return create(List.of());
    }

    /** {@return a reader of configs over the registry, which also reads a config's own models (equations)} */
    private ConfigReader reader() {
        return new ConfigReader(registry, new EquationModels());
    }

    /** @return every registered model */
    public PluginRegistry registry() {
        return registry;
    }

    /** @return the names of the available backends */
    public List<String> backendNames() {
        return List.copyOf(registry.backends().keySet());
    }

    /** Reads and validates a config file. */
    public NetworkSpec load(Path config, Overrides overrides) {
        return reader().read(config, overrides);
    }

    /** Reads and validates config text. */
    public NetworkSpec parse(String yaml, String name, Overrides overrides) {
        return reader().read(yaml, name, name, overrides);
    }

    /**
     * Reads and validates config text as if it were the file {@code source}: messages name it, and relative
     * file names in the config (.npy parameters) are looked up beside it.
     *
     * @param name the run name unless the config sets one
     */
    public NetworkSpec parse(String yaml, String source, String name, Overrides overrides) {
        return reader().read(yaml, source, name, overrides);
    }

    /**
     * Validates a config tree with the same checks as a YAML file; {@code io.spikeforge.core.api}
     * builds such trees.
     *
     * @param tree   the config as a Jackson tree, shaped like the YAML format
     * @param source what error messages name as the config's origin
     * @param name   the run name unless the tree sets one
     */
    public NetworkSpec parse(JsonNode tree, String source, String name, Overrides overrides) {
        return reader().read(tree, source, name, overrides);
    }

    /** Builds a network. */
    public Network build(NetworkSpec spec) {
        return build(spec, RowBlocks.MAX_SYNAPSES);
    }

    /**
     * Builds a network, splitting each projection with more than {@code maxBlockSynapses} synapses into
     * blocks of rows; see {@link NetworkBuilder#build(NetworkSpec, long)}.
     */
    public Network build(NetworkSpec spec, long maxBlockSynapses) {
        return build(spec, maxBlockSynapses, NetworkBuilder.fuseByDefault());
    }

    /**
     * Builds a network for a program that reads and writes its state arrays by their users' names (the
     * Java API's {@code Simulation.state}, the Python package): small populations are not fused into
     * storage populations, so that every population keeps arrays of its own, and the weights a program
     * writes between runs are the ones delivered (no comm folds equal weights into one number).
     */
    public Network buildWithOwnArrays(NetworkSpec spec) {
        return build(spec, RowBlocks.MAX_SYNAPSES, false, true, null);
    }

    /**
     * Builds this process's part of a network split over processes ({@link Split}): every group whole,
     * its own neurons updated, the synapses onto them held, each step's spikes exchanged.
     */
    public Network build(NetworkSpec spec, Split split) {
        return build(spec, RowBlocks.MAX_SYNAPSES, split);
    }

    /**
     * As {@link #build(NetworkSpec, Split)}, with blocks of at most {@code maxBlockSynapses} synapses (see
     * {@link #build(NetworkSpec, long)}): the process generates each projection in blocks of rows of about
     * its share, and keeps what is onto its own neurons in as few blocks as that allows.
     */
    public Network build(NetworkSpec spec, long maxBlockSynapses, Split split) {
        return build(spec, maxBlockSynapses, false, false, split);
    }

    private Network build(NetworkSpec spec, long maxBlockSynapses, boolean fuse) {
        return build(spec, maxBlockSynapses, fuse, false, null);
    }

    private Network build(NetworkSpec spec, long maxBlockSynapses, boolean fuse, boolean weightsWritten, Split split) {
        Network net = NetworkBuilder.build(spec, maxBlockSynapses, fuse, weightsWritten, split);
        // A value a float cannot hold (a weight of -1e39) is the config's mistake, found before the run.
        List<ConfigError> initial = InitialState.problems(net);
        if (!initial.isEmpty()) {
            throw new ConfigException(spec.origin().source(), initial);
        }
        long neurons = net.groups().stream().mapToLong(g -> g.size()).sum();
        long synapses = net.projections().stream().mapToLong(ProjectionRuntime::synapses).sum();
        LOG.info("built {}: {} neurons, {} synapses, {} tasks per step in {} s", spec.name(), neurons, synapses,
                net.tasks().size(), String.format("%.3f", net.buildSeconds()));
        return net;
    }

    /**
     * A network rebuilt from a checkpoint, at the checkpoint's step.
     *
     * @param network the network, its state and monitors restored
     * @param meta    the checkpoint's record of the run
     */
    public record Resumed(Network network, CheckpointMeta meta) {
    }

    /**
     * Rebuilds the network a checkpoint was taken from (its config is stored inside) and restores its
     * state, so that running it on gives the same spikes and weights as the run that wrote it.
     *
     * @param threads worker threads instead of the original run's, or null
     * @param backend backend instead of the original run's, or null
     * @throws io.spikeforge.core.checkpoint.CheckpointException if the file is not a usable checkpoint
     * @throws ConfigException if its config no longer validates (a pack is missing)
     */
    public Resumed resume(Path checkpoint, Integer threads, String backend) {
        CheckpointFile.Checkpoint cp = CheckpointFile.read(checkpoint);
        return resume(cp, spec(cp, threads, backend));
    }

    /**
     * @param threads worker threads instead of the original run's, or null
     * @param backend backend instead of the original run's, or null
     * @return the spec of the network a checkpoint was taken from, read from the config stored inside
     * @throws ConfigException if the config no longer validates (a pack is missing) or an override is wrong
     */
    public NetworkSpec spec(CheckpointFile.Checkpoint cp, Integer threads, String backend) {
        ConfigOrigin o = cp.meta().origin();
        Overrides saved = o.overrides();
        Overrides overrides = new Overrides(saved.duration(), saved.dt(), saved.seed(),
                threads != null ? threads : saved.threads(), backend != null ? backend : saved.backend());
        String source = o.source() + " (stored in " + cp.file() + ")";
        return reader().read(o.text(), source, o.defaultName(), overrides);
    }

    /**
     * Builds the network of {@code spec} (from {@link #spec}) and restores the checkpoint's state into it.
     *
     * @throws CheckpointException if the state does not fit the network, or is not finite
     */
    public Resumed resume(CheckpointFile.Checkpoint cp, NetworkSpec spec) {
        Network net = build(spec);
        cp.restoreInto(net);
        List<ConfigError> restored = InitialState.problems(net);
        if (!restored.isEmpty()) {
            // Checkpoints are written only of finite state: this one was changed, its CRC with it.
            throw new CheckpointException("checkpoint " + cp.file() + " is corrupt: "
                    + restored.getFirst().message().replace("the initial state holds", "its state holds"));
        }
        LOG.info("resumed {} at step {} of {}", spec.name(), net.step(), spec.steps());
        return new Resumed(net, cp.meta());
    }

    /**
     * @return the backend the spec names, created for this network
     * @throws ConfigException              for an unknown backend name
     * @throws BackendUnavailableException when it cannot run here
     */
    public Backend backend(Network network) {
        // The JVM backend may time the network to choose its threads: the warm-up must not share the cores.
        KernelWarmup.stop();
        String name = network.spec().backend();
        PluginRegistry.BackendEntry entry = registry.backends().get(name);
        if (entry == null) {
            if (name.equals("tornado")) {
                throw new BackendUnavailableException("the TornadoVM backend is not available in this build. Install"
                        + " TornadoVM by its documentation, set TORNADOVM_HOME to the SDK, and run ./spikeforge again:"
                        + " it then builds with -Ptornado and starts the JVM with the SDK's tornado-argfile.");
            }
            throw new ConfigException(network.spec().origin().source(), List.of(new ConfigError("backend.name",
                    "unknown backend '" + name + "'." + Suggestions.didYouMean(name, registry.backends().keySet())
                            + " Available: " + String.join(", ", backendNames()))));
        }
        try {
            return entry.provider().create(network, network.spec().threads());
        } catch (BackendUnavailableException | OutOfMemoryError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw backendFailure(name, "failed while starting", e);
        }
    }

    /** @return a backend's failure, named with its pack: a pack's backend is as much a pack as a model */
    private PluginFailureException backendFailure(String backend, String doing, Throwable e) {
        PluginRegistry.BackendEntry entry = registry.backends().get(backend);
        return new PluginFailureException("backend '" + backend + "'" + (entry == null ? "" : " from pack " + entry.pack())
                + " " + doing + ": " + e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    }

    /** @return the task's failure, naming the model that made the task and its pack when a pack made it */
    private static TaskFailedException named(Network network, TaskFailedException e) {
        ModelRef model = network.taskModels().get(e.task());
        return model == null ? e : e.from(model.path(), model.blame());
    }

    /** Runs the network's remaining steps on {@code backend}, checking for NaN every 1000 steps. */
    public RunResult run(Network network, Backend backend, RunListener listener) {
        return run(network, backend, listener, RunSettings.DEFAULT);
    }

    /** Runs {@code steps} more steps, which must not go past the config's duration (monitors are sized for it). */
    public RunResult run(Network network, Backend backend, long steps, RunListener listener) {
        long left = network.spec().steps() - network.step();
        if (steps > left) {
            throw new IllegalArgumentException("cannot run " + steps + " steps: only " + left + " remain");
        }
        return run(network, backend, listener, RunSettings.DEFAULT, network.step() + steps);
    }

    /**
     * Runs the network's remaining steps on {@code backend}. The state is scanned for NaN and infinity
     * before the first step, every {@code settings.checkEverySteps()}, at each checkpoint and after the
     * last step; a fault stops the run. A stop request ends the run after the current step, and with
     * checkpoints on, a checkpoint is written there so that {@code resume} can carry on.
     */
    public RunResult run(Network network, Backend backend, RunListener listener, RunSettings settings) {
        return run(network, backend, listener, settings, network.spec().steps());
    }

    private RunResult run(Network network, Backend backend, RunListener listener, RunSettings settings, long total) {
        long steps = Math.max(0, total - network.step());
        RunSupervisor supervisor = new RunSupervisor(network, settings, listener);
        KernelWarmup.stop();
        long t0 = System.nanoTime();
        long done = 0;
        try {
            // A device backend compiles here, so that the run's wall time is its loop's (bench reports both).
            if (steps > 0) {
                backend.prepare(network, steps, supervisor);
            }
            t0 = System.nanoTime();
            if (supervisor.scan(network.step()) && !supervisor.stopRequested()) {
                LOG.debug("running {} steps on {} with {} thread(s)", steps, backend.name(), backend.threads());
                done = backend.run(network, steps, supervisor);
            }
        } catch (TaskFailedException e) {
            throw named(network, e);
        } catch (BackendUnavailableException | PluginFailureException | OutOfMemoryError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw backendFailure(backend.name(), "failed in step " + network.step(), e);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        boolean partial = network.step() < total;
        if (supervisor.fault() == null && supervisor.checkpointFailure() == null) {
            supervisor.scan(network.step());
        }
        if (partial && settings.checkpointEverySteps() > 0 && supervisor.fault() == null
                && supervisor.checkpointFailure() == null) {
            supervisor.checkpoint(network.step());
        }
        LOG.info("ran {} steps in {} s", done, String.format("%.3f", wall));
        if (supervisor.fault() != null) {
            return new RunResult(done, wall, partial, RunResult.Outcome.NUMERICAL_FAULT,
                    supervisor.fault().message(), supervisor.fault());
        }
        if (supervisor.checkpointFailure() != null) {
            return new RunResult(done, wall, partial, RunResult.Outcome.CHECKPOINT_FAILED, "cannot write checkpoint "
                    + settings.checkpointFile() + ": " + supervisor.checkpointFailure().getMessage(), null);
        }
        if (partial) {
            return new RunResult(done, wall, true, RunResult.Outcome.STOPPED, "stopped on request after "
                    + network.step() + " of " + total + " steps", null);
        }
        return new RunResult(done, wall, false, RunResult.Outcome.COMPLETED, null, null);
    }
}
