package io.spikeforge.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikeforge.core.config.Suggestions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place in a config tree, written as the engine's error messages write it:
 * {@code projections[0].plasticity.A2}, {@code seed}, {@code inputs[0].rate}.
 *
 * @param text     the path as written
 * @param segments its keys and list indices, from the root down (a key is a String, an index an Integer)
 */
record ConfigPath(String text, List<Object> segments) {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    /** @return the path, or null when {@code text} is not one (keys joined by dots, each with optional [i]) */
    static ConfigPath parse(String text) {
        List<Object> segments = new ArrayList<>();
        for (String part : text.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                return null;
            }
            segments.add(m.group(1));
            Matcher i = INDEX.matcher(m.group(2));
            while (i.find()) {
                try {
                    segments.add(Integer.parseInt(i.group(1)));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return new ConfigPath(text, List.copyOf(segments));
    }

    /**
     * Finds where this path leads in {@code root}: every segment but the last must exist; the last may be
     * missing (a parameter left at its default), to be set by {@link #set}.
     *
     * @return null when the path leads somewhere, else what is wrong, naming the first segment that is
     */
    String problemIn(JsonNode root) {
        JsonNode node = root;
        StringBuilder at = new StringBuilder();
        for (int k = 0; k < segments.size(); k++) {
            Object s = segments.get(k);
            boolean last = k == segments.size() - 1;
            String where = at.isEmpty() ? "at the top of the base config" : "in " + at;
            if (s instanceof String key) {
                if (!node.isObject()) {
                    return where + " there is " + kind(node) + ", not a mapping with the key '" + key + "'";
                }
                JsonNode next = node.get(key);
                if (next == null) {
                    if (last) {
                        return null;
                    }
                    List<String> keys = new ArrayList<>();
                    node.fieldNames().forEachRemaining(keys::add);
                    return "no key '" + key + "' " + where + "." + Suggestions.didYouMean(key, keys)
                            + " Keys there: " + String.join(", ", keys);
                }
                at.append(at.isEmpty() ? "" : ".").append(key);
                node = next;
            } else {
                int i = (Integer) s;
                if (!node.isArray()) {
                    return where + " there is " + kind(node) + ", not a list to index with [" + i + "]";
                }
                if (i >= node.size()) {
                    return at + " has " + node.size() + " entr" + (node.size() == 1 ? "y" : "ies") + "; [" + i
                            + "] is out of range (indices start at 0)";
                }
                at.append('[').append(i).append(']');
                node = node.get(i);
            }
        }
        return null;
    }

    private static String kind(JsonNode node) {
        return node.isArray() ? "a list" : node.isObject() ? "a mapping" : "the value " + node;
    }

    /** @return the value at this path in {@code root}, or null when it is not there */
    JsonNode get(JsonNode root) {
        JsonNode node = root;
        for (Object s : segments) {
            node = s instanceof String key ? node.get(key) : node.get((Integer) s);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** Sets the value at this path in {@code root}, where {@link #problemIn} found none. */
    void set(JsonNode root, JsonNode value) {
        JsonNode node = root;
        for (int k = 0; k < segments.size() - 1; k++) {
            Object s = segments.get(k);
            node = s instanceof String key ? node.get(key) : node.get((Integer) s);
        }
        Object leaf = segments.getLast();
        if (leaf instanceof String key) {
            ((ObjectNode) node).set(key, value);
        } else {
            ((ArrayNode) node).set((Integer) leaf, value);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
