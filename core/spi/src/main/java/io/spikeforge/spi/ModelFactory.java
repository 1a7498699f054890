package io.spikeforge.spi;

import java.util.List;
import java.util.Set;

/**
 * A named, documented model. Concrete kinds extend this with a {@code create} method; see
 * {@link NeuronModel}, {@link SynapseModel}, {@link OutputModel}, {@link CommModel},
 * {@link ConnectorModel}, {@link InitializerModel}, {@link PlasticityModel} and {@link InputModel}.
 */
public interface ModelFactory {

    /** {@return the config name, unique within {@link #kind()}, for example {@code LifRef}} */
    String name();

    /** {@return the kind of model} */
    ModelKind kind();

    /** {@return one sentence saying what the model is} */
    String description();

    /** {@return the parameters the config may set, with defaults and units} */
    List<ParamSpec> parameters();

    /**
     * {@return the real parameters that may take one value per element instead of one for all}: per
     * neuron for a neuron model, per state slot (post neuron, or pre neuron when aligned pre) for a
     * synapse model, per post neuron for an output. The config then gives an initializer, an
     * {@code .npy} file or an expression of {@code i} and {@code N} in the parameter's unit, and
     * {@code create} reads {@link Params#values(String)}; a parameter not named here is refused at its
     * config path when it is given per element. None by default.
     */
    default Set<String> perElement() {
        return Set.of();
    }

    /**
     * {@return why {@code parameter} takes one value for all elements, or null when the model gives no
     * reason}: what in the model's equations holds it to one value (a time constant of a trace that one
     * neuron's synapses share, say), said in the message that refuses a per-element value of it
     *
     * @param parameter a parameter the model declares and {@link #perElement()} does not name
     */
    default String oneValueReason(String parameter) {
        return null;
    }

    /** {@return the state variables the model allocates, which monitors and initializers may name} */
    default List<VariableSpec> variables() {
        return List.of();
    }

    /** {@return the model's equations in plain text, for the docs} */
    default String equations() {
        return "";
    }

    /** {@return how the equations are integrated and where the update sits within a step} */
    default String integration() {
        return "";
    }
}
