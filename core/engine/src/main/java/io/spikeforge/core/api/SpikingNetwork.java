package io.spikeforge.core.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.spikeforge.core.Engine;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.config.Overrides;

import java.io.UncheckedIOException;

/**
 * Describes a network in Java, the way the YAML format does, for programs that embed SpikeForge:
 *
 * <pre>{@code
 * SpikingNetwork net = SpikingNetwork.named("stdp_net").dt(0.1).duration(300).seed(42);
 * Population pre = net.population("pre", 1, Model.of("LifRef"));
 * Population post = net.population("post", 1, Model.of("LifRef"));
 * Projection stdp = net.projection("stdp", pre, post).delay(1.0)
 *         .comm(Model.of("EventCSRLinear"), Model.of("FixedProb").with("prob", 1.0),
 *               Model.of("Uniform").with("max_val", 0.1))
 *         .syn(Model.of("Expon").with("tau", 5.0))
 *         .out(Model.of("COBA").with("E", 0.0))
 *         .plasticity(Model.of("STDP_Song2000").with("tau_s", 16.8).with("tau_t", 33.7));
 * Recording w = net.record(stdp, "weight");
 * Simulation sim = net.build(Engine.create());
 * sim.run();
 * Trace weight = sim.trace(w);
 * }</pre>
 *
 * The builder assembles the same tree a YAML file parses into, and {@link #build} validates it with
 * the same checks: every problem is reported at once in a {@link ConfigException}, with YAML-style
 * paths such as {@code projections[0].plasticity.tau_s}. Times are in ms. Not thread-safe.
 */
public final class SpikingNetwork {

    private final String name;
    private final ObjectNode root = JsonNodeFactory.instance.objectNode();
    private final ArrayNode populations = JsonNodeFactory.instance.arrayNode();
    private final ArrayNode inputs = JsonNodeFactory.instance.arrayNode();
    private final ArrayNode projections = JsonNodeFactory.instance.arrayNode();
    private final ArrayNode monitors = JsonNodeFactory.instance.arrayNode();
    private final ArrayNode models = JsonNodeFactory.instance.arrayNode();

    private SpikingNetwork(String name) {
        this.name = name;
        root.put("name", name);
    }

    /** @return an empty network; {@code name} names the run and its error messages */
    public static SpikingNetwork named(String name) {
        return new SpikingNetwork(name);
    }

    /** Sets the time step in ms (default 0.1). */
    public SpikingNetwork dt(double ms) {
        root.put("dt", ms);
        return this;
    }

    /** Sets the simulated time in ms that {@link Simulation#run()} covers; monitors are sized for it. */
    public SpikingNetwork duration(double ms) {
        root.put("duration", ms);
        return this;
    }

    /** Sets the seed that every random draw derives from (default 0). */
    public SpikingNetwork seed(long seed) {
        root.put("seed", seed);
        return this;
    }

    /** Sets the JVM backend's worker threads (default 0: one per core, or 1 for a small network). */
    public SpikingNetwork threads(int threads) {
        root.putObject("backend").put("name", "jvm").put("threads", threads);
        return this;
    }

    /** Adds a population of {@code size} neurons of the given model, such as {@code Model.of("LifRef")}. */
    public Population population(String name, int size, Model neuron) {
        ObjectNode node = populations.addObject().put("name", name).put("size", size);
        node.set("neuron", neuron.toTree());
        return new Population(name, size, false, node);
    }

    /** Adds a current input into {@code target}, such as {@code Model.of("SectionCurrent")} (nA). */
    public SpikingNetwork current(String name, Population target, Model current) {
        current.writeTo(inputs.addObject().put("name", name).put("target", target.name()));
        return this;
    }

    /** Adds a spike source of {@code size} sources, such as {@code Model.of("PoissonSpikes").with("rate", 15)}. */
    public Population spikeSource(String name, int size, Model source) {
        ObjectNode node = source.writeTo(inputs.addObject().put("name", name).put("size", size));
        return new Population(name, size, true, node);
    }

    /**
     * Adds a projection from {@code pre} onto {@code post}, each a population or a {@link Population#slice}
     * of one; set its comm, syn and out on the result.
     */
    public Projection projection(String name, Neurons pre, Neurons post) {
        ObjectNode node = projections.addObject().put("name", name).put("pre", pre.reference())
                .put("post", post.reference());
        return new Projection(name, node);
    }

    /** Records a group's {@code spike}s or one of its neurons' state variables, such as {@code V}. */
    public Recording record(Population group, String variable) {
        return record(group.name(), variable);
    }

    /**
     * Records a projection's {@code weight}s, its synapse state (such as {@code g}) or its plasticity
     * traces (such as {@code A_pre} and {@code A_post}).
     */
    public Recording record(Projection projection, String variable) {
        return record(projection.name(), variable);
    }

    private Recording record(String target, String variable) {
        ObjectNode node = monitors.addObject().put("target", target).put("var", variable);
        return new Recording(target, variable, node);
    }

    /**
     * Defines a model written as equations, as one entry of a config's {@code models} section: populations
     * and projections then name it as they name a registered model.
     *
     * @param model the model, built with {@link Equations}
     * @return this network
     */
    public SpikingNetwork define(Equations model) {
        models.add(model.toTree());
        return this;
    }

    /**
     * Defines a model written as equations, given as the YAML of one {@code models} entry:
     * <pre>{@code
     * net.define("""
     *     name: LIF
     *     kind: neuron
     *     equations: "dv/dt = (El - v) / tau : volt"
     *     parameters: {El: -65 mV, tau: 10 ms}
     *     threshold: v > -50*mV
     *     reset: v = El
     *     """);
     * }</pre>
     *
     * @throws IllegalArgumentException when the text is not a YAML mapping
     */
    public SpikingNetwork define(String yaml) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("a model definition is a YAML mapping with name, kind and equations");
            }
            models.add(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the model definition is not YAML: " + e.getOriginalMessage(), e);
        }
        return this;
    }

    /** @return the network as a config tree, shaped like the YAML format (a copy) */
    public ObjectNode toTree() {
        ObjectNode tree = root.deepCopy();
        for (String key : new String[] {"models", "populations", "inputs", "projections", "monitors"}) {
            ArrayNode list = switch (key) {
                case "models" -> models;
                case "populations" -> populations;
                case "inputs" -> inputs;
                case "projections" -> projections;
                default -> monitors;
            };
            if (!list.isEmpty() || key.equals("populations")) {
                tree.set(key, list.deepCopy());
            }
        }
        return tree;
    }

    /** @return the network as YAML text that {@code spikeforge run} accepts */
    public String toYaml() {
        try {
            return new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
                    .writeValueAsString(toTree());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Validates the network with every check a YAML config gets, builds it and readies the backend.
     *
     * @throws ConfigException listing every problem, each at its YAML-style path
     */
    public Simulation build(Engine engine) {
        NetworkSpec spec = engine.parse(toTree(), "network '" + name + "'", name, Overrides.NONE);
        return new Simulation(engine, engine.buildWithOwnArrays(spec));
    }
}
