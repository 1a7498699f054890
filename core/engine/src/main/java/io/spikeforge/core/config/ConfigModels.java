package io.spikeforge.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikeforge.core.plugin.PluginRegistry;
import io.spikeforge.spi.VariableSpec;

import java.util.List;
import java.util.Map;

/**
 * Reads a config's own models, its top-level {@code models} section (models written as equations),
 * into registry entries, so that the config's populations and projections name them as they name
 * the registered models. The engine provides the reader; the config package only calls it.
 */
public interface ConfigModels {

    /** A reader for configs without their own models: any {@code models} section and {@code on_pre} is refused. */
    ConfigModels NONE = new ConfigModels() {
        @Override
        public Map<String, PluginRegistry.Entry> read(JsonNode section, String source, List<ConfigError> problems,
                                                      List<String> refused) {
            problems.add(new ConfigError("models", "this engine reads no models written in the config"));
            return Map.of();
        }

        @Override
        public io.spikeforge.spi.ModelFactory bind(io.spikeforge.spi.ModelFactory rule, List<VariableSpec> pre,
                                                  List<VariableSpec> post, String path, List<ConfigError> problems) {
            return rule;
        }

        @Override
        public Delta onPre(String text, String path, List<VariableSpec> post, List<ConfigError> problems) {
            problems.add(new ConfigError(path, "this engine reads no on_pre statements"));
            return null;
        }
    };

    /** A parameter's value per element: a function of the element's index and the number of elements. */
    @FunctionalInterface
    interface ElementFormula {
        /** {@return the value of element {@code i} of {@code n}, in the parameter's unit} */
        double at(int i, int n);
    }

    /**
     * {@return a parameter's expression of {@code i} (the element's index, from 0) and {@code N} (the
     * number of elements), such as {@code -50 + 5*i/N}, or null after reporting why it is none}
     *
     * @param text the expression
     * @param path its config path
     * @param unit the parameter's unit, which the expression's value is in
     */
    default ElementFormula formula(String text, String path, String unit, List<ConfigError> problems) {
        problems.add(new ConfigError(path, "this engine reads no expressions; give a number in " + unit));
        return null;
    }

    /**
     * What a projection's {@code on_pre} statement delivers (a delta synapse, Brian2's
     * {@code on_pre='ge += we'}).
     *
     * @param target the post neurons' variable the weights add to
     * @param weight the weight the statement gives, in the engine's unit of the variable, or null when it
     *               adds {@code w}, the comm's weights
     */
    record Delta(String target, Double weight) {
    }

    /**
     * {@return what a projection's {@code on_pre} statement delivers, or null after reporting why it cannot}
     *
     * @param text the statement: {@code ge += w}, {@code v_post += 0.5*mV}
     * @param path its config path
     * @param post the variables of the post neurons' model
     */
    Delta onPre(String text, String path, List<VariableSpec> post, List<ConfigError> problems);

    /**
     * {@return the plasticity rule {@code rule} as a projection with these pre and post neurons uses it,
     * or null after reporting why it cannot}: a rule written as equations resolves its neuron names as
     * Brian2's {@code Synapses} do ({@code ge} and {@code ge_post} the post neurons' {@code ge}); any other
     * rule is returned as it is
     *
     * @param path the projection's config path, for messages
     */
    io.spikeforge.spi.ModelFactory bind(io.spikeforge.spi.ModelFactory rule, List<VariableSpec> pre,
                                        List<VariableSpec> post, String path, List<ConfigError> problems);

    /**
     * {@return the models the section defines, by the config path of each: {@code models[0]}}
     *
     * @param section  the {@code models} node as written
     * @param source   the config's file or name, which the entries name as their pack
     * @param problems receives every problem, each with its config path
     * @param refused  receives the names of the models that were refused
     */
    Map<String, PluginRegistry.Entry> read(JsonNode section, String source, List<ConfigError> problems,
                                           List<String> refused);
}
