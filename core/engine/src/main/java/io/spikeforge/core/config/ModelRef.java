package io.spikeforge.core.config;

import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.VariableSpec;

import java.util.Arrays;
import java.util.List;

/**
 * A validated reference to a model in the config: the factory it names and its parameter values.
 *
 * @param factory the model
 * @param params  validated values, defaults filled in
 * @param path    where in the config it was declared, for example {@code projections[0].syn}
 * @param pack    the pack that contributed the model, for messages about it
 */
public record ModelRef(ModelFactory factory, Params params, String path, String pack) {

    /** @return the model's config name */
    public String name() {
        return factory.name();
    }

    /** @return the names of the model's state variables, in order */
    List<String> variableNames() {
        return factory.variables().stream().map(VariableSpec::name).toList();
    }

    /**
     * @return the value of the model's parameter {@code param} as a config writes it, for messages:
     *         {@code false}, {@code 5}, {@code 0.25}, {@code [1.0, 2.0]}
     * @throws IllegalStateException when the model does not declare it
     */
    String valueText(String param) {
        ParamSpec spec = ParamChecker.find(factory.parameters(), param);
        if (spec == null) {
            throw new IllegalStateException(factory.name() + " names '" + param + "', a parameter it does not declare");
        }
        return switch (spec.type()) {
            case REAL -> ParamChecker.fmt(params.real(param));
            case INTEGER -> String.valueOf(params.integer(param));
            case BOOLEAN -> String.valueOf(params.bool(param));
            case REAL_LIST -> Arrays.toString(params.reals(param));
        };
    }
}
