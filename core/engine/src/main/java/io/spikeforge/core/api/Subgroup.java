package io.spikeforge.core.api;

/**
 * Neurons {@code [from, to)} of a population or spike source, for one side of a projection: Brian2's
 * subgroup {@code P[from:to]}. Made by {@link Population#slice}; the bounds are checked, as in a YAML
 * config, when the network is built (a negative bound counts from the end).
 *
 * @param group the population or spike source
 * @param from  first neuron, inclusive
 * @param to    last neuron, exclusive
 */
public record Subgroup(Population group, int from, int to) implements Neurons {

    @Override
    public String reference() {
        return group.name() + "[" + from + ":" + to + "]";
    }

    @Override
    public String toString() {
        return reference();
    }
}
