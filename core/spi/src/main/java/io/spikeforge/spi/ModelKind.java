package io.spikeforge.spi;

/** The kinds of model a pack can contribute, each with the word the config and the CLI use for it. */
public enum ModelKind {
    /** A neuron group's dynamics: membrane potential in mV, spikes. */
    NEURON("neuron"),
    /** Synaptic state driven by arriving weights (conductance in uS or current in nA). */
    SYNAPSE("synapse"),
    /** Turns synaptic state into a membrane current in nA. */
    OUTPUT("output"),
    /** The connectivity layer that stores weights and propagates spikes (comm). */
    COMM("comm"),
    /** Generates which pre/post pairs are connected. */
    CONNECTOR("connector"),
    /** Fills weights or initial state values. */
    INITIALIZER("initializer"),
    /** A plasticity rule that changes the weights of a comm. */
    PLASTICITY("plasticity"),
    /** An external current or a spike source. */
    INPUT("input");

    private final String word;

    ModelKind(String word) {
        this.word = word;
    }

    /** {@return the lower-case word used in messages and listings} */
    public String word() {
        return word;
    }
}
