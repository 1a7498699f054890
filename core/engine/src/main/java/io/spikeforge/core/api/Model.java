package io.spikeforge.core.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model block as a config names it: a registered model's name plus the parameters that differ from
 * its defaults, for example {@code Model.of("Expon").with("tau", 5.0)}. Immutable: {@code with}
 * returns a new block. Values carry the units that {@code spikeforge plugins} lists (ms, mV, nA, uS,
 * Hz). Nothing is checked here; {@link SpikingNetwork#build} checks every block exactly as it checks
 * a YAML config, and reports every problem at once.
 */
public final class Model {

    private final String type;
    private final Map<String, Object> params;

    private Model(String type, Map<String, Object> params) {
        this.type = type;
        this.params = params;
    }

    /** @return the block of the model registered under {@code type}, with every parameter at its default */
    public static Model of(String type) {
        return new Model(type, new LinkedHashMap<>());
    }

    /** @return the model's registered name */
    public String type() {
        return type;
    }

    /** @return this block with a number parameter set (in the parameter's unit) */
    public Model with(String name, double value) {
        return put(name, value);
    }

    /**
     * @return this block with a list parameter set, for example SectionCurrent's {@code values}; a
     *         one-element list needs an explicit {@code new double[] {x}}
     */
    public Model with(String name, double... values) {
        return put(name, values.clone());
    }

    /** @return this block with a true/false parameter set */
    public Model with(String name, boolean value) {
        return put(name, value);
    }

    /** @return this block with a nested block, such as a comm's {@code conn} connector or {@code weight} initializer */
    public Model with(String name, Model value) {
        return put(name, value);
    }

    private Model put(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        copy.put(name, value);
        return new Model(type, copy);
    }

    /** Writes {@code type} and the parameters into {@code node}, which may hold other keys already. */
    ObjectNode writeTo(ObjectNode node) {
        node.put("type", type);
        params.forEach((name, value) -> {
            switch (value) {
                case Double d -> node.put(name, d);
                case Boolean b -> node.put(name, b);
                case double[] list -> Arrays.stream(list).forEach(node.putArray(name)::add);
                case Model m -> node.set(name, m.toTree());
                default -> throw new IllegalStateException("unexpected parameter value " + value);
            }
        });
        return node;
    }

    /** @return the block as a config tree: {@code {type: ..., param: value, ...}} */
    ObjectNode toTree() {
        return writeTo(JsonNodeFactory.instance.objectNode());
    }

    @Override
    public String toString() {
        return toTree().toString();
    }
}
