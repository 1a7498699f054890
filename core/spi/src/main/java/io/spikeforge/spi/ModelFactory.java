package io.spikeforge.spi;

import java.util.List;

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
