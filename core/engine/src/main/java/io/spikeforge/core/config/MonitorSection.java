package io.spikeforge.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikeforge.spi.ParamSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code monitors} section: what to record of which population, spike source or projection, of which
 * neurons, and how often. It comes last, so every name it refers to is in the name table.
 */
final class MonitorSection {

    private static final Set<String> KEYS = Set.of("name", "target", "var", "indices", "every", "when");
    private static final NumberField EVERY = NumberField.of(ParamSpec.integer("every", 1, "steps",
            "record every this many steps").atLeast(1)).refusing("must be a whole number of steps >= 1");

    /** A monitor's name is its file's name, {@code <name>.npy}, in the output folder and nowhere else. */
    private static final String FILE_NAME = "[A-Za-z0-9_][A-Za-z0-9_.\\-]*";

    private final SectionContext context;
    /** The path of the monitor that claimed each file name, so that no two write one file. */
    private final Map<String, String> files = new HashMap<>();

    MonitorSection(SectionContext context) {
        this.context = context;
    }

    /**
     * @return the monitor at {@code path}; null when it is refused (reported). A target that is a slice of a
     *         group ({@code P[100:200]}) records those neurons, named by their index in the group, to
     *         {@code P_100_200.VAR.npy} unless the monitor has a name
     */
    NetworkSpec.Monitor read(JsonNode node, String path) {
        if (!context.nodes().object(node, path)) {
            return null;
        }
        context.nodes().unknownKeys(node, path, KEYS);
        TargetSlice slice = TargetSlice.read(context, node, path, NameTable.RECORDABLE);
        String target = slice == null ? null : slice.group();
        String var = variable(node, path, target);
        int[] indices = node.has("indices") ? indices(node.get("indices"), path + ".indices", target) : null;
        NetworkSpec.NeuronRange range = slice == null ? null : slice.range();
        if (range != null && node.has("indices")) {
            context.problems().add(path + ".indices", "the target is a slice, which says the neurons to record; give"
                    + " the slice or indices, not both");
            return null;
        }
        if (range != null) {
            // A slice records its neurons by their index in the whole group, as indices do.
            indices = java.util.stream.IntStream.range(range.from(), range.to()).toArray();
        }
        Double every = EVERY.read(node, "every", path + ".every", context.problems());
        String base = range == null ? target : target + "_" + range.from() + "_" + range.to();
        String name = node.has("name") ? context.nodes().text(node.get("name"), path + ".name") : base + "." + var;
        if (target == null || var == null || name == null || !claimFile(name, node, path)) {
            return null;
        }
        Boolean start = when(node, path, var);
        if (start == null) {
            return null;
        }
        return new NetworkSpec.Monitor(name, target, var, indices, every == null ? 1 : every.intValue(), start);
    }

    /** Brian2's slots of a step that a value monitor may record in: its start (StateMonitor's default) or end. */
    private static final java.util.List<String> WHEN = java.util.List.of("start", "end");

    /**
     * @return whether the monitor records at the start of each step ({@code when: start}); false for
     *         {@code end} (after the step, the default); null when {@code when} is wrong (reported)
     */
    private Boolean when(JsonNode node, String path, String var) {
        if (!node.has("when")) {
            return false;
        }
        String when = context.nodes().text(node.get("when"), path + ".when");
        if (when == null) {
            return null;
        }
        if (!WHEN.contains(when)) {
            context.problems().add(path + ".when", "must be 'start' (record before the step's update, as Brian2's"
                    + " StateMonitor does) or 'end' (after it, the default), got '" + when + "'."
                    + Suggestions.didYouMean(when, WHEN));
            return null;
        }
        if ("spike".equals(var) && when.equals("start")) {
            context.problems().add(path + ".when", "a spike monitor records each step's spikes as the step emits"
                    + " them; 'when: start' is for value monitors");
            return null;
        }
        return when.equals("start");
    }

    /**
     * @return whether {@code name} makes a file name of its own; reported when it is not one, or when an
     *         earlier monitor writes that file (the later recording would overwrite it)
     */
    private boolean claimFile(String name, JsonNode node, String path) {
        String at = node.has("name") ? path + ".name" : path;
        if (!name.matches(FILE_NAME)) {
            context.problems().add(at, "'" + name + "' cannot name the monitor's file " + name + ".npy: it must start"
                    + " with a letter, digit or _ and hold only letters, digits, _, - and .");
            return false;
        }
        String first = files.putIfAbsent(name, path);
        if (first != null) {
            context.problems().add(at, "records to " + name + ".npy, as " + first + " does, and one recording would"
                    + " overwrite the other; give " + (node.has("name") ? "it" : "one of them") + " a name of its"
                    + " own (name: " + name.replace('.', '_') + "_2)");
            return false;
        }
        return true;
    }

    /** @return the variable to record, or null when it is missing or wrong (reported) */
    private String variable(JsonNode node, String path, String target) {
        if (!node.has("var")) {
            context.problems().add(path + ".var", "missing; name the variable to record, for example spike or V");
            return null;
        }
        String var = context.nodes().text(node.get("var"), path + ".var");
        // A target that failed validation has no variables to check against, and its error is reported.
        List<String> vars = target == null || var == null ? null : context.table().variables(target);
        if (vars != null && !vars.contains(var)) {
            context.problems().add(path + ".var", "'" + target + "' has no variable '" + var + "'."
                    + Suggestions.didYouMean(var, vars) + " Variables: " + String.join(", ", vars));
            return null;
        }
        return var;
    }

    /** @return the neurons to record, of the target group's size when it has one; each wrong one reported */
    private int[] indices(JsonNode ix, String path, String target) {
        if (!ix.isArray() || ix.isEmpty()) {
            context.problems().add(path, "expected a non-empty list of indices, got " + ParamChecker.show(ix));
            return null;
        }
        Integer size = target == null ? null : context.table().size(target);
        ParamSpec neuron = ParamSpec.integer("index", 0, "1", "a neuron of the target");
        NumberField index = NumberField.of(size == null ? neuron.atLeast(0) : neuron.between(0, size - 1))
                .refusing("must be an index in [0, " + (size == null ? "size" : size) + ")");
        int[] indices = new int[ix.size()];
        for (int i = 0; i < ix.size(); i++) {
            Double d = index.check(ix.get(i), path + "[" + i + "]", context.problems());
            indices[i] = d == null ? 0 : d.intValue();
        }
        return indices;
    }
}
