package io.spikeforge.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import com.google.inject.Inject;
import io.spikeforge.core.backend.Backend;
import io.spikeforge.core.backend.BackendFactory;
import io.spikeforge.core.backend.BackendUnavailableException;
import io.spikeforge.core.backend.RunListener;
import io.spikeforge.core.build.NetworkBuilder;
import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.ConfigReader;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.config.Suggestions;
import io.spikeforge.core.plugin.PluginLoader;
import io.spikeforge.core.plugin.PluginRegistry;
import io.spikeforge.core.sim.Network;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The engine's entry point: load a config, build the network, pick a backend, run. */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final PluginRegistry registry;
    private final Map<String, BackendFactory> backends;

    @Inject
    Engine(PluginRegistry registry, Map<String, BackendFactory> backends) {
        this.registry = registry;
        this.backends = backends;
    }

    /** @return an engine with the class path's packs plus {@code extra} */
    public static Engine create(List<PluginLoader.Found> extra) {
        List<PluginLoader.Found> all = new ArrayList<>(PluginLoader.fromClassPath(Engine.class.getClassLoader()));
        all.addAll(extra);
        return Guice.createInjector(new EngineModule(all)).getInstance(Engine.class);
    }

    /** @return an engine with the packs on the class path */
    public static Engine create() {
        return create(List.of());
    }

    /** @return every registered model */
    public PluginRegistry registry() {
        return registry;
    }

    /** @return the names of the available backends */
    public List<String> backendNames() {
        return List.copyOf(new TreeSet<>(backends.keySet()));
    }

    /** Reads and validates a config file. */
    public NetworkSpec load(Path config, Overrides overrides) {
        return new ConfigReader(registry).read(config, overrides);
    }

    /** Reads and validates config text. */
    public NetworkSpec parse(String yaml, String name, Overrides overrides) {
        return new ConfigReader(registry).read(yaml, name, name, overrides);
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
        return new ConfigReader(registry).read(tree, source, name, overrides);
    }

    /** Builds a network. */
    public Network build(NetworkSpec spec) {
        Network net = NetworkBuilder.build(spec);
        long neurons = net.groups().stream().mapToLong(g -> g.size()).sum();
        long synapses = net.projections().stream().mapToLong(p -> p.comm().synapses()).sum();
        LOG.info("built {}: {} neurons, {} synapses, {} tasks per step in {} s", spec.name(), neurons, synapses,
                net.tasks().size(), String.format("%.3f", net.buildSeconds()));
        return net;
    }

    /**
     * @return the backend the spec names, created for this network
     * @throws ConfigException              for an unknown backend name
     * @throws BackendUnavailableException when it cannot run here
     */
    public Backend backend(Network network) {
        String name = network.spec().backend();
        BackendFactory f = backends.get(name);
        if (f == null) {
            if (name.equals("tornado")) {
                throw new BackendUnavailableException("the TornadoVM backend is not available in this build. Install"
                        + " TornadoVM by its documentation, set TORNADOVM_HOME to the SDK, and run ./spikeforge again:"
                        + " it then builds with -Ptornado and starts the JVM with the SDK's tornado-argfile.");
            }
            throw new ConfigException(network.spec().name(), List.of(new ConfigError("backend.name",
                    "unknown backend '" + name + "'." + Suggestions.didYouMean(name, backends.keySet())
                            + " Available: " + String.join(", ", backendNames()))));
        }
        return f.create(network, network.spec().threads());
    }

    /** Runs the network's remaining steps on {@code backend}. */
    public RunResult run(Network network, Backend backend, RunListener listener) {
        return run(network, backend, network.spec().steps() - network.step(), listener);
    }

    /** Runs {@code steps} more steps, which must not go past the config's duration (monitors are sized for it). */
    public RunResult run(Network network, Backend backend, long steps, RunListener listener) {
        long left = network.spec().steps() - network.step();
        if (steps > left) {
            throw new IllegalArgumentException("cannot run " + steps + " steps: only " + left + " remain");
        }
        long t0 = System.nanoTime();
        LOG.debug("running {} steps on {} with {} thread(s)", steps, backend.name(), backend.threads());
        long done = backend.run(network, Math.max(0, steps), listener);
        double wall = (System.nanoTime() - t0) / 1e9;
        LOG.info("ran {} steps in {} s", done, String.format("%.3f", wall));
        return new RunResult(done, wall, done < steps);
    }
}
