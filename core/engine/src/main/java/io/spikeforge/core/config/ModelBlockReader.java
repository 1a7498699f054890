package io.spikeforge.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikeforge.core.plugin.PluginRegistry;
import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.ModelKind;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.ParamType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a model block: either a bare name ({@code syn: Expon}) or a mapping with {@code type} and the
 * model's parameters side by side ({@code syn: {type: Expon, tau: 5}}).
 */
final class ModelBlockReader {

    private final PluginRegistry registry;
    private final Problems problems;
    private final ConfigModels equations;

    /**
     * @param equations reads a parameter's expression of {@code i} and {@code N} (given per element)
     */
    ModelBlockReader(PluginRegistry registry, Problems problems, ConfigModels equations) {
        this.registry = registry;
        this.problems = problems;
        this.equations = equations;
    }

    /**
     * @param node     the block
     * @param path     its config path
     * @param kind     the kind of model it must name
     * @param reserved keys of the block that are not parameters (besides {@code type})
     * @return the reference, or null after reporting
     */
    ModelRef read(JsonNode node, String path, ModelKind kind, Set<String> reserved) {
        String type;
        String typePath;
        if (node == null || node.isMissingNode() || node.isNull()) {
            problems.add(path, "missing; name a " + kind.word() + " model. Available: " + available(kind));
            return null;
        }
        if (node.isTextual()) {
            type = node.textValue();
            typePath = path;
        } else if (node.isObject()) {
            JsonNode t = node.get("type");
            if (t == null || !t.isTextual()) {
                problems.add(path + ".type", "missing; name a " + kind.word() + " model. Available: "
                        + available(kind));
                return null;
            }
            type = t.textValue();
            typePath = path + ".type";
        } else {
            problems.add(path, "expected a " + kind.word() + " model name or a mapping with 'type', got "
                    + ParamChecker.show(node));
            return null;
        }
        var entry = registry.find(kind, type);
        if (entry.isEmpty() && registry.refused(type)) {
            // The config's own model of that name was refused, and its problems are reported already.
            return null;
        }
        if (entry.isEmpty()) {
            problems.add(typePath, "unknown " + kind.word() + " model '" + type + "'."
                    + Suggestions.didYouMean(type, registry.names(kind)) + " Available: " + available(kind)
                    + ". " + PACK_HINT);
            return null;
        }
        ModelFactory factory = entry.get().factory();
        Map<String, Object> values = new HashMap<>();
        boolean ok = true;
        if (node.isObject()) {
            List<String> allowed = new ArrayList<>(ParamSpec.names(factory.parameters()));
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey();
                if (key.equals("type") || reserved.contains(key)) {
                    continue;
                }
                ParamSpec spec = ParamChecker.find(factory.parameters(), key);
                if (spec == null) {
                    List<String> keys = new ArrayList<>(allowed);
                    keys.addAll(reserved);
                    problems.add(path + "." + key, "unknown parameter of " + type + "."
                            + Suggestions.didYouMean(key, keys) + " Allowed: "
                            + (allowed.isEmpty() ? "none" : String.join(", ", allowed)));
                    ok = false;
                    continue;
                }
                Object v = spec.type() == ParamType.REAL && perElementForm(field.getValue())
                        ? elementForm(factory, spec, field.getValue(), path + "." + key)
                        : ParamChecker.check(spec, field.getValue(), path + "." + key, problems);
                if (v == null) {
                    ok = false;
                } else {
                    values.put(key, v);
                }
            }
        }
        for (ParamSpec spec : factory.parameters()) {
            // A value that was given but refused is reported already: it is not missing.
            if (spec.required() && !values.containsKey(spec.name()) && !(node.isObject() && node.has(spec.name()))) {
                problems.add(path + "." + spec.name(), "missing; " + type + " requires it ("
                        + spec.description() + ")");
                ok = false;
            }
        }
        return ok ? new ModelRef(factory, new ParamValues(factory.parameters(), values), path, entry.get().pack()) : null;
    }

    /** @return whether {@code node} gives a real parameter per element: a mapping, or text that is no number */
    private static boolean perElementForm(JsonNode node) {
        return node != null && !YamlTree.nonFinite(node)
                && (node.isObject() || node.isTextual() && ParamChecker.number(node) == null);
    }

    /**
     * Reads a real parameter given per element: an initializer, {@code {npy: file}} or an expression of
     * {@code i} and {@code N}. Its values are made once the number of elements is known ({@link ElementValues}).
     *
     * @return the form, or null after reporting
     */
    private ElementForm elementForm(ModelFactory factory, ParamSpec spec, JsonNode node, String path) {
        String expected = "expected a number in " + spec.unit();
        ModelKind kind = factory.kind();
        boolean perElementKind = kind == ModelKind.NEURON || kind == ModelKind.SYNAPSE || kind == ModelKind.OUTPUT
                || kind == ModelKind.PLASTICITY;
        if (!perElementKind || !factory.perElement().contains(spec.name())) {
            String reason = factory.oneValueReason(spec.name());
            String why = kind == ModelKind.PLASTICITY
                    ? factory.name() + " takes one value of " + spec.name() + " for all its synapses"
                    + (reason == null ? "" : ": " + reason)
                    + (factory.perElement().isEmpty() ? "" : " (it may vary " + String.join(", ",
                    new java.util.TreeSet<>(factory.perElement())) + " per synapse)")
                    : !perElementKind ? ("aeiou".indexOf(kind.word().charAt(0)) >= 0 ? "an " : "a ") + kind.word()
                    + " model takes one value of each parameter (neuron, synapse, output"
                    + " and plasticity models may take one per element)"
                    : factory.name() + " takes one value of " + spec.name() + " for all its elements"
                    + (reason == null ? "" : ": " + reason)
                    + (factory.perElement().isEmpty() ? "" : " (it may vary " + String.join(", ",
                    new java.util.TreeSet<>(factory.perElement())) + " per element)");
            problems.add(path, expected + ", got " + ParamChecker.show(node) + "; " + why);
            return null;
        }
        String forms = expected + ", an initializer ({type: Normal, mean: ..., scale: ...}), {npy: FILE} or an"
                + " expression of i and N";
        if (node.isTextual()) {
            List<ConfigError> found = new ArrayList<>();
            ConfigModels.ElementFormula f = equations.formula(node.textValue(), path, spec.unit(), found);
            found.forEach(e -> problems.add(e.path(), e.message()));
            return f == null ? null : new ElementForm.Formula(node.textValue().strip(), f);
        }
        if (node.has("npy")) {
            JsonNode file = node.get("npy");
            if (node.size() != 1) {
                problems.add(path, "{npy: FILE} takes no other key; got " + String.join(", ",
                        (Iterable<String>) node::fieldNames));
                return null;
            }
            if (!file.isTextual() || file.textValue().isBlank()) {
                problems.add(path + ".npy", "expected the name of an .npy file (relative to the config's folder), got "
                        + ParamChecker.show(file));
                return null;
            }
            return new ElementForm.FromFile(file.textValue());
        }
        if (!node.has("type")) {
            problems.add(path, forms + ", got a mapping without 'type' or 'npy'");
            return null;
        }
        ModelRef init = read(node, path, ModelKind.INITIALIZER, Set.of());
        return init == null ? null : new ElementForm.Drawn(init);
    }

    /**
     * @return the model a block names, whether its parameters pass or not, or null when it names none
     *         of that kind; nothing is reported (reading the block does that)
     */
    ModelFactory named(JsonNode node, ModelKind kind) {
        JsonNode type = node == null ? null : node.isObject() ? node.get("type") : node;
        return type != null && type.isTextual()
                ? registry.find(kind, type.textValue()).map(PluginRegistry.Entry::factory).orElse(null) : null;
    }

    /**
     * Reads an initializer block, where a bare number stands for {@code {type: Constant, value: number}} and
     * {@code {npy: FILE}} for {@code {type: FromNpy, values: FILE}} (one value per element, in SpikeForge's order).
     *
     * @return the reference, or null after reporting
     */
    ModelRef initializer(JsonNode node, String path) {
        if (YamlTree.nonFinite(node)) {
            // Blamed where it is written: the Constant it stands for is not in the config.
            problems.add(path, "expected a finite number (uS or nA) or an initializer, got " + ParamChecker.show(node));
            return null;
        }
        if (node != null && node.isNumber()) {
            ObjectNode constant = JsonNodeFactory.instance.objectNode();
            constant.put("type", "Constant");
            constant.set("value", node);
            return read(constant, path, ModelKind.INITIALIZER, Set.of());
        }
        if (node != null && node.isObject() && node.size() == 1 && node.has("npy")) {
            // {npy: FILE} gives one value per element (per synapse), as per-element parameters take a file.
            ObjectNode listed = JsonNodeFactory.instance.objectNode();
            listed.put("type", "FromNpy");
            listed.set("values", node.get("npy"));
            return read(listed, path, ModelKind.INITIALIZER, Set.of());
        }
        return read(node, path, ModelKind.INITIALIZER, Set.of());
    }

    /** Where a model that is not built in comes from: the name may be right and its pack not loaded. */
    static final String PACK_HINT = "A model of another pack loads with the pack's directory on --plugins DIR"
            + " (or in $SPIKEFORGE_PLUGINS); './spikeforge plugins' lists the models loaded";

    private String available(ModelKind kind) {
        List<String> names = registry.names(kind);
        return names.isEmpty() ? "none registered" : String.join(", ", names);
    }
}
