package io.spikeforge.core.equations;

import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.PlasticityModel;
import io.spikeforge.spi.SpikeBuffer;
import io.spikeforge.spi.VariableSpec;

import java.util.List;

/**
 * A plasticity rule written as equations that names its neurons' variables without a suffix, as Brian2's
 * {@code on_pre='ge += w'} does: what those names stand for, and their units, depend on the neurons of
 * the projection that uses the rule, so the rule is checked and generated when a projection binds it
 * ({@link EquationModels#bind}), once per set of neuron variables. Until then it lists its name,
 * parameters and equations, and is never built itself.
 */
final class OpenRule implements PlasticityModel {

    final EquationModel model;
    private final List<ParamSpec> parameters;

    OpenRule(EquationModel model) {
        this.model = model;
        this.parameters = ModelSpecs.parameters(model);
    }

    @Override
    public String name() {
        return model.def.name();
    }

    @Override
    public String description() {
        String d = model.def.field("description");
        return d != null ? d : "plasticity rule written as equations (" + model.def.path() + "), naming the neurons'"
                + " " + String.join(", ", model.deferred);
    }

    @Override
    public List<ParamSpec> parameters() {
        return parameters;
    }

    @Override
    public String equations() {
        return ModelSpecs.ruleText(model);
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of();
    }

    @Override
    public Plasticity create(Params p, BuildContext ctx, CommModel.Comm comm, SpikeBuffer pre, SpikeBuffer post) {
        throw new IllegalStateException(name() + " names its neurons' variables (" + String.join(", ", model.deferred)
                + "), so a projection binds it to its neurons before it is built");
    }
}
