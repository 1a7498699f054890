package io.spikeforge.core.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A monitor that {@link SpikingNetwork#record} declared: spikes, a state variable, a projection's
 * weights, synapse state or plasticity traces. Read it after a run with
 * {@link Simulation#spikes(Recording)} or {@link Simulation#trace(Recording)}.
 */
public final class Recording {

    private final String target;
    private final String variable;
    private final ObjectNode node;

    Recording(String target, String variable, ObjectNode node) {
        this.target = target;
        this.variable = variable;
        this.node = node;
    }

    /** Records only these elements (neurons, or synapses for {@code weight}); by default every one. */
    public Recording indices(int... indices) {
        ArrayNode list = node.putArray("indices");
        for (int i : indices) {
            list.add(i);
        }
        return this;
    }

    /** Records every {@code steps} steps instead of every step (values only; spikes are all kept). */
    public Recording every(int steps) {
        node.put("every", steps);
        return this;
    }

    /**
     * Records at the start of each step, after the deliveries of the spikes that reach their targets in
     * it and before its update, as Brian2's StateMonitor does ({@code when: start}): the first row holds
     * the initial values (values only).
     */
    public Recording atStart() {
        node.put("when", "start");
        return this;
    }

    /** Names the monitor, and so its output file; by default {@code target.variable}. */
    public Recording named(String name) {
        node.put("name", name);
        return this;
    }

    /** @return the monitor's name: the output file's base name */
    public String name() {
        return node.has("name") ? node.get("name").asText() : target + "." + variable;
    }

    /** @return the recorded variable, {@code spike} for spikes */
    public String variable() {
        return variable;
    }

    @Override
    public String toString() {
        return name();
    }
}
