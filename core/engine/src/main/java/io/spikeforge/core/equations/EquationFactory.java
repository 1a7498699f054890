package io.spikeforge.core.equations;

import io.spikeforge.spi.ParamSpec;

import java.util.List;

/**
 * What every kind of model written as equations shares: its name, description and parameters come
 * from the definition, and its kernels from one generated class.
 */
abstract class EquationFactory implements EquationDefined {

    final EquationModel model;
    final List<ParamSpec> parameters;
    private GeneratedClass generated;

    EquationFactory(EquationModel model) {
        this.model = model;
        this.parameters = ModelSpecs.parameters(model);
    }

    /** Sets the generated class, once the kind's kernels are written. */
    final void generated(GeneratedClass g) {
        this.generated = g;
    }

    @Override
    public final GeneratedClass generated() {
        return generated;
    }

    /** {@return the kind's word, for the default description} */
    abstract String kindWord();

    public final String name() {
        return model.def.name();
    }

    public final String description() {
        String d = model.def.field("description");
        return d != null ? d : kindWord() + " written as equations (" + model.def.path() + ")";
    }

    public final List<ParamSpec> parameters() {
        return parameters;
    }
}
