package io.spikeforge.core.equations;

import io.spikeforge.spi.ModelKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model written as equations, as a config's {@code models} section, a pack's model file or the
 * Java API gives it: text fields, not yet checked.
 *
 * @param name       the model's config name, as populations and projections use it
 * @param kind       neuron, synapse, output or plasticity
 * @param fields     the text of each other key: {@code equations}, {@code threshold}, {@code reset},
 *                   {@code refractory}, {@code method}, {@code input}, {@code potential},
 *                   {@code on_pre}, {@code on_post}, {@code description}, ...
 * @param parameters each parameter's value as written: {@code "10 ms"}, {@code "-60*mV"}, {@code "VT + 5*DeltaT"}, {@code "0.5"}
 * @param initial    each variable's initial value as written, when it is not 0
 * @param path       where it was written, for messages: {@code models[0]}, or a file
 */
public record ModelDefinition(String name, ModelKind kind, Map<String, String> fields, Map<String, String> parameters,
                              Map<String, String> initial, String path) {

    /** The kinds of model that equations can define. */
    public static final List<ModelKind> KINDS = List.of(ModelKind.NEURON, ModelKind.SYNAPSE, ModelKind.OUTPUT,
            ModelKind.PLASTICITY);

    /** The keys of a model block that are not fields. */
    public static final List<String> STRUCTURE = List.of("name", "kind", "parameters", "initial");

    /** The field keys each kind takes. */
    public static final Map<ModelKind, List<String>> FIELDS = Map.of(
            ModelKind.NEURON, List.of("description", "equations", "threshold", "reset", "refractory", "method",
                    "input", "potential"),
            ModelKind.SYNAPSE, List.of("description", "equations", "method", "input", "output"),
            ModelKind.OUTPUT, List.of("description", "equations", "synaptic", "potential", "current"),
            ModelKind.PLASTICITY, List.of("description", "equations", "on_pre", "on_post", "weight", "method"));

    public ModelDefinition {
        fields = Map.copyOf(fields);
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        initial = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(initial));
    }

    /** {@return a field's text, or null when it is not given} */
    public String field(String key) {
        return fields.get(key);
    }

    /** {@return the config path of a field: {@code models[0].reset}} */
    String at(String key) {
        return path + "." + key;
    }
}
