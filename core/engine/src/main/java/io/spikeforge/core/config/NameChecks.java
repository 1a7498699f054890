package io.spikeforge.core.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/**
 * Checks the names an entry declares and the names it refers to, against the read's {@link NameTable},
 * and reports what is wrong.
 */
final class NameChecks {

    private final NameTable table;
    private final NodeChecks nodes;
    private final Problems problems;

    NameChecks(NameTable table, NodeChecks nodes, Problems problems) {
        this.table = table;
        this.nodes = nodes;
        this.problems = problems;
    }

    /** @return the table the names are recorded in */
    NameTable table() {
        return table;
    }

    /**
     * Reads the name an entry declares and claims it in the table.
     *
     * @return the name, or null when it is missing, malformed or already taken (reported)
     */
    String declaredName(JsonNode node, String path) {
        JsonNode n = node.get("name");
        if (n == null) {
            problems.add(path + ".name", "missing; every population, input and projection needs a unique name");
            return null;
        }
        String name = nodes.text(n, path + ".name");
        if (name == null) {
            return null;
        }
        if (!name.matches("[A-Za-z_][A-Za-z0-9_\\-]*")) {
            problems.add(path + ".name", "'" + name + "' must start with a letter or _ and hold only letters,"
                    + " digits, _ and -");
            return null;
        }
        String first = table.claim(name, path);
        if (first != null) {
            problems.add(path + ".name", "duplicate name '" + name + "', already used by " + first);
            return null;
        }
        return name;
    }

    /** @return the name at {@code key} when it names a declared referent, else null (reported) */
    String reference(JsonNode node, String key, String path, NameTable.Referent referent) {
        String name = referenceText(node, key, path + "." + key, referent);
        return name != null && known(name, path + "." + key, referent) ? name : null;
    }

    /** @return the text naming a referent at {@code key}, or null when it is missing or not text (reported) */
    String referenceText(JsonNode node, String key, String at, NameTable.Referent referent) {
        JsonNode r = node.get(key);
        if (r == null) {
            problems.add(at, "missing; name a " + referent.words());
            return null;
        }
        return nodes.text(r, at);
    }

    /** @return whether {@code name} is a declared referent; reported with the closest name when not */
    boolean known(String name, String at, NameTable.Referent referent) {
        if (table.declares(name, referent)) {
            return true;
        }
        Set<String> known = table.all(referent);
        problems.add(at, "unknown " + referent.words() + " '" + name + "'." + table.didYouMean(name, referent)
                + " Known: " + (known.isEmpty() ? "none" : String.join(", ", known)));
        return false;
    }
}
