package io.spikeforge.core.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A group that emits spikes, as {@link SpikingNetwork} declared it: a population of neurons, or a
 * spike source. Use it, or a {@link #slice} of it, as a projection's pre (either kind) or post (neurons
 * only); use it as a current's target, and with {@link SpikingNetwork#record}.
 */
public final class Population implements Neurons {

    private final String name;
    private final int size;
    private final boolean source;
    private final ObjectNode node;

    Population(String name, int size, boolean source, ObjectNode node) {
        this.name = name;
        this.size = size;
        this.source = source;
        this.node = node;
    }

    /** @return the group's unique name */
    public String name() {
        return name;
    }

    /** @return the number of neurons (or of sources) */
    public int size() {
        return size;
    }

    @Override
    public String reference() {
        return name;
    }

    /**
     * @return neurons {@code [from, to)} of this group, for one side of a projection (Brian2's
     *         {@code P[from:to]}; {@code slice(0, 3200)} is {@code P[:3200]})
     */
    public Subgroup slice(int from, int to) {
        return new Subgroup(this, from, to);
    }

    /** @return whether this is a spike source rather than neurons */
    public boolean isSpikeSource() {
        return source;
    }

    /**
     * Sets the initial value of a state variable, for example {@code init("V", Model.of("Normal")
     * .with("mean", -55).with("scale", 5))}; neurons only.
     *
     * @return this population
     */
    public Population init(String variable, Model initializer) {
        if (source) {
            throw new IllegalStateException("'" + name + "' is a spike source: it has no state to initialize");
        }
        ObjectNode init = node.has("init") ? (ObjectNode) node.get("init") : node.putObject("init");
        init.set(variable, initializer.toTree());
        return this;
    }

    @Override
    public String toString() {
        return name;
    }
}
