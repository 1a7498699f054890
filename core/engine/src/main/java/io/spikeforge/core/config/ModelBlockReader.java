package io.spikeforge.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikeforge.core.plugin.PluginRegistry;
import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.ModelKind;
import io.spikeforge.spi.ParamSpec;

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

    ModelBlockReader(PluginRegistry registry, Problems problems) {
        this.registry = registry;
        this.problems = problems;
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
                Object v = ParamChecker.check(spec, field.getValue(), path + "." + key, problems);
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
     * Reads an initializer block, where a bare number stands for {@code {type: Constant, value: number}}.
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
