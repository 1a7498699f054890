package io.spikeforge.core.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A projection from a pre group onto a post population, in BrainPy's terms: a comm (connectivity and
 * weights), a synapse, an output and optionally a plasticity rule, after an axonal delay. Every
 * setter returns this projection, so a projection reads as one chain.
 */
public final class Projection {

    private final String name;
    private final ObjectNode node;

    Projection(String name, ObjectNode node) {
        this.name = name;
        this.node = node;
    }

    /** @return the projection's unique name */
    public String name() {
        return name;
    }

    /** Sets the axonal delay of the pre spikes, in ms (a multiple of dt). */
    public Projection delay(double ms) {
        node.put("delay", ms);
        return this;
    }

    /**
     * Gives each synapse its own axonal delay in ms, drawn from an initializer such as
     * {@code Model.of("Uniform").with("min_val", 1.0).with("max_val", 10.0)} and rounded to the nearest
     * step (halves up, as Brian2 rounds).
     */
    public Projection delay(Model perSynapse) {
        node.set("delay", perSynapse.toTree());
        return this;
    }

    /** Keeps the synapse state per pre neuron (align-pre) instead of per post neuron (align-post, the default). */
    public Projection alignPre() {
        node.put("align", "pre");
        return this;
    }

    /**
     * Sets the comm layer, for example {@code comm(Model.of("EventCSRLinear"), Model.of("FixedProb")
     * .with("prob", 0.1), Model.of("Uniform").with("max_val", 0.1))}.
     *
     * @param comm   the comm model, such as EventCSRLinear or Dense
     * @param conn   the connector that picks the synapses
     * @param weight the initializer of the weights (uS for a COBA output, nA for CUBA)
     */
    public Projection comm(Model comm, Model conn, Model weight) {
        return comm(comm.with("conn", conn).with("weight", weight));
    }

    /** Sets the comm layer with one weight for every synapse (uS for a COBA output, nA for CUBA). */
    public Projection comm(Model comm, Model conn, double weight) {
        return comm(comm.with("conn", conn).with("weight", weight));
    }

    /** Sets the comm layer from one block, whose {@code conn} and {@code weight} are nested blocks or numbers. */
    public Projection comm(Model comm) {
        node.set("comm", comm.toTree());
        return this;
    }

    /** Sets the synapse model, for example {@code Model.of("Expon").with("tau", 5.0)}. */
    public Projection syn(Model syn) {
        node.set("syn", syn.toTree());
        return this;
    }

    /** Sets the output model, for example {@code Model.of("COBA").with("E", 0.0)}. */
    public Projection out(Model out) {
        node.set("out", out.toTree());
        return this;
    }

    /**
     * Adds the weights straight to a post variable, as Brian2's {@code on_pre} does, instead of a synapse
     * and an output model: {@code "ge += w"} (the comm's weights, in the variable's unit) or
     * {@code "ge += 1.62*mV"} (one weight, then the comm takes none).
     */
    public Projection onPre(String statement) {
        node.put("on_pre", statement);
        return this;
    }

    /**
     * Sets the plasticity rule, for example {@code Model.of("STDP_Song2000").with("tau_s", 16.8)
     * .with("tau_t", 33.7)}: its pre and post traces ({@code A_pre}, {@code A_post}) can then be
     * recorded like any variable.
     */
    public Projection plasticity(Model rule) {
        node.set("plasticity", rule.toTree());
        return this;
    }

    @Override
    public String toString() {
        return name;
    }
}
