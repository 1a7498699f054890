package io.spikeforge.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a config's YAML text into a tree, refusing what Jackson's own tree reader would take silently
 * wrong: an alias ({@code *name}), which it reads as the text "name", an anchor ({@code &name}), which
 * only aliases use, and a second document, which it drops. SpikeForge does not resolve aliases: each
 * is refused at its path, and so is each anchor. YAML's {@code .nan} and {@code .inf}, which Jackson
 * cannot read as numbers, become non-finite numbers that the sections refuse at their paths.
 */
final class YamlTree {

    /**
     * A finite-or-not float as the YAML wrote it ({@code .inf}, {@code 1e999}): messages show the text.
     */
    static final class NonFinite extends DoubleNode {
        private final String text;

        NonFinite(double value, String text) {
            super(value);
            this.text = text;
        }

        /** @return the number as the YAML writes it */
        String text() {
            return text;
        }
    }

    private final YAMLParser parser;
    private final Problems problems;
    private final Set<String> anchors = new HashSet<>();

    private YamlTree(YAMLParser parser, Problems problems) {
        this.parser = parser;
        this.problems = problems;
    }

    /**
     * @param problems where aliases, anchors and further documents are reported
     * @return the first document's tree, or null for a file without one
     * @throws IOException when the text is not YAML (reported by {@link YamlErrors})
     */
    static JsonNode read(YAMLFactory factory, String text, Problems problems) throws IOException {
        try (YAMLParser parser = (YAMLParser) factory.createParser(text)) {
            YamlTree tree = new YamlTree(parser, problems);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            JsonNode root = tree.value(first);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                problems.add("", "a second YAML document starts at line " + at.getLineNr() + "; a config file holds"
                        + " one document: remove the '---' line and what follows it, or split the file");
            }
            return root;
        }
    }

    /** @return the value that starts with {@code token}; the nesting is bounded by the parser (1000 levels) */
    private JsonNode value(JsonToken token) throws IOException {
        refuseAliasOrAnchor();
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode map = nodes.objectNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String key = parser.currentName();
                    map.set(key, value(parser.nextToken()));
                }
                yield map;
            }
            case START_ARRAY -> {
                ArrayNode list = nodes.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(value(t));
                }
                yield list;
            }
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> nodes.numberNode(parser.getIntValue());
                case LONG -> nodes.numberNode(parser.getLongValue());
                default -> nodes.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> real(parser.getText());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> nodes.textNode(parser.getText());
        };
    }

    /** @return a YAML float; its .nan and .inf spellings, and numbers beyond a double, as non-finite */
    private static JsonNode real(String text) {
        String t = text.strip();
        String magnitude = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        double value;
        if (magnitude.equalsIgnoreCase(".nan")) {
            value = Double.NaN;
        } else if (magnitude.equalsIgnoreCase(".inf")) {
            value = t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        } else {
            try {
                value = Double.parseDouble(t.replace("_", ""));
            } catch (NumberFormatException e) {
                return JsonNodeFactory.instance.textNode(text);
            }
        }
        return Double.isFinite(value) ? JsonNodeFactory.instance.numberNode(value) : new NonFinite(value, text);
    }

    private void refuseAliasOrAnchor() throws IOException {
        String path = path(parser.getParsingContext(), parser.currentToken());
        if (parser.isCurrentAlias()) {
            problems.add(path, "a YAML alias (*" + parser.getText() + ") is not supported; SpikeForge resolves no"
                    + " aliases or anchors: write the value out in full");
            return;
        }
        String anchor = parser.getObjectId() == null ? null : parser.getObjectId().toString();
        // The parser repeats a mapping's anchor on the tokens inside it; the anchor is reported once.
        if (anchor != null && anchors.add(anchor)) {
            problems.add(path, "a YAML anchor (&" + anchor + ") is not supported; SpikeForge resolves no aliases or"
                    + " anchors: write each value out in full");
        }
    }

    /**
     * @return the config path of the value the parser is at, for example {@code populations[1].neuron}:
     *         the names and indices of the contexts from the root down
     */
    static String path(JsonStreamContext context, JsonToken token) {
        Deque<String> parts = new ArrayDeque<>();
        // A mapping or list that starts here has a context of its own, not yet at any entry.
        JsonStreamContext c = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY
                ? context.getParent() : context;
        for (; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray() && c.getCurrentIndex() >= 0) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** @return whether {@code node} is a number that is NaN or infinite */
    static boolean nonFinite(JsonNode node) {
        return node != null && node.isNumber() && !Double.isFinite(node.doubleValue());
    }

    /** @return a non-finite number as the YAML wrote it */
    static String text(JsonNode node) {
        if (node instanceof NonFinite n) {
            return n.text();
        }
        double d = node.doubleValue();
        return Double.isNaN(d) ? ".nan" : d > 0 ? ".inf" : "-.inf";
    }
}
