package io.spikeforge.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.ModelKind;

import java.util.List;
import java.util.Set;

/**
 * The {@code inputs} section: spike sources, which are groups of their own size that projections start
 * from, and currents, which take their target population's size.
 */
final class InputSection {

    /** Keys of an input that are not its model's parameters. */
    private static final Set<String> RESERVED = Set.of("name", "target", "size", "var");

    private final SectionContext context;

    InputSection(SectionContext context) {
        this.context = context;
    }

    /**
     * Reads one input and declares its name in the name table, whether it passes validation or not.
     *
     * @return the input at {@code path}, or null when it is refused (reported)
     */
    NetworkSpec.Input read(JsonNode node, String path) {
        if (!context.nodes().object(node, path)) {
            return null;
        }
        String name = context.names().declaredName(node, path);
        ModelRef model = context.models().read(node, path, ModelKind.INPUT, RESERVED);
        if (model == null) {
            // Its model is unknown, so it may have been a spike source: declared as one without a size,
            // projections from it add no second error.
            if (name != null) {
                context.table().declare(name, NameTable.Kind.SPIKE_SOURCE, 0);
            }
            return null;
        }
        return ((InputModel) model.factory()).spikeSource() ? spikeSource(node, path, name, model)
                : current(node, path, name, model);
    }

    private NetworkSpec.Input spikeSource(JsonNode node, String path, String name, ModelRef model) {
        if (node.has("target")) {
            context.problems().add(path + ".target", model.name() + " is a spike source: connect it with a"
                    + " projection (pre: " + name + ") instead of a target");
        }
        if (node.has("var")) {
            context.problems().add(path + ".var", model.name() + " is a spike source: a projection's on_pre"
                    + " chooses the variable its spikes change, not var");
        }
        int size = PopulationSection.size(node, path, context.problems());
        if (name == null) {
            return null;
        }
        context.table().declare(name, NameTable.Kind.SPIKE_SOURCE, size);
        if (size <= 0) {
            return null;
        }
        context.table().validated(name, List.of("spike"));
        return new NetworkSpec.Input(name, model, null, size);
    }

    private NetworkSpec.Input current(JsonNode node, String path, String name, ModelRef model) {
        if (name != null) {
            context.table().declare(name, NameTable.Kind.INPUT, 0);
        }
        if (node.has("size")) {
            context.problems().add(path + ".size", model.name() + " is a current: it takes its target's size");
        }
        TargetSlice target = TargetSlice.read(context, node, path, NameTable.POPULATION);
        Integer size = target == null ? null : target.range() != null ? Integer.valueOf(target.range().size())
                : context.table().size(target.group());
        String var = null;
        if (node.has("var")) {
            JsonNode v = node.get("var");
            if (v.isTextual() && !v.asText().isBlank()) {
                var = v.asText();
            } else {
                context.problems().add(path + ".var", "must name a float state variable of the target's neuron,"
                        + " got " + v);
            }
        }
        return name == null || size == null ? null
                : new NetworkSpec.Input(name, model, target.group(), size, target.range(), var);
    }
}
