package io.spikeforge.core.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A model written as equations, built in Java: the same keys as a config's {@code models} entry
 * (README, "Models written as equations"), checked when the network is built.
 *
 * <pre>{@code
 * Equations lif = Equations.neuron("LIF")
 *         .equations("dv/dt = (El - v + R*I) / tau : volt (unless refractory)\nI : amp")
 *         .parameter("El", "-65 mV").parameter("R", "10 Mohm").parameter("tau", "10 ms")
 *         .threshold("v > -50*mV").reset("v = El").refractory("2*ms").initial("v", "El");
 * net.define(lif);
 * Population p = net.population("p", 100, Model.of("LIF"));
 * }</pre>
 */
public final class Equations {

    private final ObjectNode node = JsonNodeFactory.instance.objectNode();

    private Equations(String name, String kind) {
        node.put("name", name).put("kind", kind);
    }

    /** {@return a neuron model named {@code name}} */
    public static Equations neuron(String name) {
        return new Equations(name, "neuron");
    }

    /** {@return a synapse model named {@code name}} */
    public static Equations synapse(String name) {
        return new Equations(name, "synapse");
    }

    /** {@return an output model named {@code name}} */
    public static Equations output(String name) {
        return new Equations(name, "output");
    }

    /** {@return a plasticity rule named {@code name}} */
    public static Equations plasticity(String name) {
        return new Equations(name, "plasticity");
    }

    /** Sets the equations, one per line, in Brian2's notation. */
    public Equations equations(String text) {
        return field("equations", text);
    }

    /** Sets a parameter's value, with its unit: {@code "10 ms"}, {@code "-60*mV"}, {@code "VT + 5*DeltaT"}. */
    public Equations parameter(String name, String value) {
        parameters().put(name, value);
        return this;
    }

    /** Sets a parameter without a dimension. */
    public Equations parameter(String name, double value) {
        parameters().put(name, value);
        return this;
    }

    private ObjectNode parameters() {
        return node.has("parameters") ? (ObjectNode) node.get("parameters") : node.putObject("parameters");
    }

    /** Sets a variable's initial value: {@code "El"}, {@code "Vr + rand() * (Vt - Vr)"}. */
    public Equations initial(String variable, String value) {
        ObjectNode i = node.has("initial") ? (ObjectNode) node.get("initial") : node.putObject("initial");
        i.put(variable, value);
        return this;
    }

    /** Sets the spike condition (neurons). */
    public Equations threshold(String condition) {
        return field("threshold", condition);
    }

    /** Sets the statements run on a spike (neurons), separated by {@code ;} or new lines. */
    public Equations reset(String statements) {
        return field("reset", statements);
    }

    /** Sets the refractory period ({@code "5*ms"}) or condition (neurons). */
    public Equations refractory(String periodOrCondition) {
        return field("refractory", periodOrCondition);
    }

    /** Sets the integration method: exact, exponential_euler, euler, rk2, rk4, heun (default: Brian2's choice). */
    public Equations method(String method) {
        return field("method", method);
    }

    /** Sets the statements run on a pre spike (plasticity). */
    public Equations onPre(String statements) {
        return field("on_pre", statements);
    }

    /** Sets the statements run on a post spike (plasticity). */
    public Equations onPost(String statements) {
        return field("on_post", statements);
    }

    /** Sets any other key of the model: {@code input}, {@code potential}, {@code output}, {@code description}, ... */
    public Equations field(String key, String value) {
        node.put(key, value);
        return this;
    }

    /** {@return the model as a config tree (a copy)} */
    public ObjectNode toTree() {
        return node.deepCopy();
    }
}
