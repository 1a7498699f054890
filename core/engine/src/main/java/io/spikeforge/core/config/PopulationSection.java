package io.spikeforge.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikeforge.spi.ModelKind;
import io.spikeforge.spi.ParamSpec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code populations} section: neuron groups, their models and their variables' initializers. */
final class PopulationSection {

    private static final Set<String> KEYS = Set.of("name", "size", "neuron", "init");
    /**
     * A group's number of neurons, for populations and spike sources alike. The cap leaves the JVM's
     * array header room, so that one array can hold a value per neuron.
     */
    private static final NumberField SIZE = NumberField.of(ParamSpec.integer("size", 1, "1", "number of neurons")
                    .between(1, Integer.MAX_VALUE - 8).asRequired())
            .refusing("must be an integer > 0")
            .whenMissing("missing; give the number of neurons (an integer > 0)");

    private final SectionContext context;

    PopulationSection(SectionContext context) {
        this.context = context;
    }

    /** @return the group's size at {@code path.size}, or -1 when it is missing or wrong (reported) */
    static int size(JsonNode node, String path, Problems problems) {
        Double size = SIZE.read(node, "size", path + ".size", problems);
        return size == null ? -1 : size.intValue();
    }

    /**
     * Reads one population and declares its name in the name table, whether it passes validation or not.
     *
     * @return the population at {@code path}, or null when it is refused (reported)
     */
    NetworkSpec.Population read(JsonNode node, String path) {
        if (!context.nodes().object(node, path)) {
            return null;
        }
        context.nodes().unknownKeys(node, path, KEYS);
        String name = context.names().declaredName(node, path);
        int size = size(node, path, context.problems());
        ModelRef neuron = context.models().read(node.get("neuron"), path + ".neuron", ModelKind.NEURON, Set.of());
        Map<String, ModelRef> init = initializers(node.get("init"), path, neuron);
        if (name == null) {
            return null;
        }
        context.table().declare(name, NameTable.Kind.POPULATION, size);
        if (size <= 0 || neuron == null) {
            return null;
        }
        List<String> recordable = new ArrayList<>(List.of("spike"));
        recordable.addAll(neuron.variableNames());
        context.table().validated(name, recordable);
        context.table().neuron(name, neuron);
        return new NetworkSpec.Population(name, size, neuron, init);
    }

    /** @return the initializers of {@code init} that passed validation, by variable */
    private Map<String, ModelRef> initializers(JsonNode initNode, String path, ModelRef neuron) {
        Map<String, ModelRef> init = new LinkedHashMap<>();
        if (initNode == null) {
            return init;
        }
        if (!initNode.isObject()) {
            context.problems().add(path + ".init", "expected a mapping of variable: initializer, got "
                    + ParamChecker.show(initNode));
            return init;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = initNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String varPath = path + ".init." + f.getKey();
            // With an unknown neuron model there is nothing to check the variable against: its initializer is
            // still read, so that its own mistakes are reported in the same run.
            if (neuron != null && !neuron.variableNames().contains(f.getKey())) {
                List<String> vars = neuron.variableNames();
                context.problems().add(varPath, "unknown variable of " + neuron.name() + "."
                        + Suggestions.didYouMean(f.getKey(), vars) + " Variables: " + String.join(", ", vars));
                continue;
            }
            ModelRef ref = context.models().initializer(f.getValue(), varPath);
            if (ref != null) {
                init.put(f.getKey(), ref);
            }
        }
        return init;
    }
}
