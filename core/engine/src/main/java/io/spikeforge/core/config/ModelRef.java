package io.spikeforge.core.config;

import io.spikeforge.core.plugin.PluginFailureException;
import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.VariableSpec;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

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

    /** @return the model and its pack as messages name them: "neuron model 'HH' from pack sample (DIR)" */
    public String blame() {
        return factory.kind().word() + " model '" + name() + "' from pack " + pack;
    }

    /**
     * Calls the model's code. A refusal (IllegalArgumentException) passes through, to be reported at the
     * model's path; anything else it throws, an {@code Error} included, is a fault of its pack, named
     * with it. Running out of heap passes through too: the caller knows what was being built.
     *
     * @param doing what the call does, for the message: "while estimating its size"
     */
    public <T> T call(String doing, Supplier<T> body) {
        try {
            return body.get();
        } catch (IllegalArgumentException | OutOfMemoryError | PluginFailureException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw new PluginFailureException(path + ": " + blame() + " failed " + doing + ": " + e.getClass().getName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
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
            case NPY -> ((ParamValues) params).file(param);
        };
    }
}
