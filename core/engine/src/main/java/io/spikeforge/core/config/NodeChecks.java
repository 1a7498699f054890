package io.spikeforge.core.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/** The shape checks every section makes of its YAML nodes: lists, mappings, text and unknown keys. */
final class NodeChecks {

    private final Problems problems;

    NodeChecks(Problems problems) {
        this.problems = problems;
    }

    /**
     * Reads each entry of the list at {@code key} with {@code entry}, which gets the entry and its config
     * path, for example {@code populations[2]}, and returns null for an entry it refused (reported).
     *
     * @param <T>      what an entry is read as, for example {@link NetworkSpec.Population}
     * @param required whether the config must declare at least one entry
     * @return the entries that were not refused, in order; none when the list is left out or wrong (reported)
     */
    <T> List<T> entries(JsonNode root, String key, boolean required, BiFunction<JsonNode, String, T> entry) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            if (required) {
                problems.add(key, "missing; declare at least one entry");
            }
            return List.of();
        }
        if (!n.isArray()) {
            problems.add(key, "expected a list, got " + ParamChecker.show(n));
            return List.of();
        }
        if (required && n.isEmpty()) {
            problems.add(key, "empty; declare at least one entry");
        }
        List<T> read = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            T t = entry.apply(n.get(i), key + "[" + i + "]");
            if (t != null) {
                read.add(t);
            }
        }
        return List.copyOf(read);
    }

    /** @return whether {@code node} is a mapping; reported when not */
    boolean object(JsonNode node, String path) {
        if (!node.isObject()) {
            problems.add(path, "expected a mapping, got " + ParamChecker.show(node));
            return false;
        }
        return true;
    }

    /** @return the text {@code n} holds, or null when it holds none (reported) */
    String text(JsonNode n, String path) {
        if (n == null || !n.isTextual()) {
            problems.add(path, "expected text, got " + ParamChecker.show(n));
            return null;
        }
        return n.textValue();
    }

    /** Reports each key of the mapping {@code node} that is not {@code allowed}. */
    void unknownKeys(JsonNode node, String path, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                problems.add(path.isEmpty() ? key : path + "." + key, "unknown key."
                        + Suggestions.didYouMean(key, allowed) + " Allowed: "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }
}
