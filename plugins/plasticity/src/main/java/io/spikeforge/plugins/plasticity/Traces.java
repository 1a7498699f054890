package io.spikeforge.plugins.plasticity;

/** What the rules' messages say of the time constants of their spike traces. */
final class Traces {

    private Traces() {
    }

    /**
     * {@return why a trace's time constant takes one value for all synapses}: the trace is one state per pre
     * (or post) neuron, decayed once per step, and every synapse of that neuron reads the same trace, so a
     * time constant per synapse would need a trace per synapse
     *
     * @param trace the trace's name in the rule's equations
     * @param side  "pre" or "post"
     */
    static String reason(String trace, String side) {
        return "it is the time constant of the " + side + " trace " + trace + ", one per " + side + " neuron, which"
                + " all that neuron's synapses read";
    }
}
