package io.spikeforge.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.ParamType;

import java.util.List;

/** Checks one configured value against its {@link ParamSpec}; reports into {@link Problems}. */
final class ParamChecker {

    private ParamChecker() {
    }

    /** @return the checked value (Double, Integer, Boolean or double[]), or null after reporting */
    static Object check(ParamSpec spec, JsonNode node, String path, Problems problems) {
        return switch (spec.type()) {
            case REAL -> {
                Double d = number(node);
                if (d == null) {
                    problems.add(path, "expected a " + finite(node) + "number in " + spec.unit() + ", got "
                            + show(node));
                    yield null;
                }
                yield inRange(spec, d, path, problems) ? d : null;
            }
            case INTEGER -> {
                Double d = number(node);
                if (d == null || d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
                    problems.add(path, "expected " + ParamType.INTEGER.phrase() + ", got " + show(node));
                    yield null;
                }
                yield inRange(spec, d, path, problems) ? d.intValue() : null;
            }
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    problems.add(path, "expected true or false, got " + show(node));
                    yield null;
                }
                yield node.booleanValue();
            }
            case REAL_LIST -> {
                if (!node.isArray()) {
                    problems.add(path, "expected " + ParamType.REAL_LIST.phrase() + " in " + spec.unit()
                            + ", got " + show(node));
                    yield null;
                }
                double[] out = new double[node.size()];
                boolean ok = true;
                for (int i = 0; i < node.size(); i++) {
                    Double d = number(node.get(i));
                    if (d == null) {
                        problems.add(path + "[" + i + "]", "expected a " + finite(node.get(i)) + "number, got "
                                + show(node.get(i)));
                        ok = false;
                    } else if (!inRange(spec, d, path + "[" + i + "]", problems)) {
                        ok = false;
                    } else {
                        out[i] = d;
                    }
                }
                yield ok ? out : null;
            }
            case NPY -> {
                // A name as text, or {npy: name} as per-element parameters take a file.
                JsonNode name = node != null && node.isObject() && node.size() == 1 && node.has("npy") ? node.get("npy")
                        : node;
                if (name == null || !name.isTextual() || name.textValue().isBlank()) {
                    problems.add(path, "expected " + ParamType.NPY.phrase() + " (text, or {npy: file}), got "
                            + show(node));
                    yield null;
                }
                yield new NpyParam(name.textValue().trim());
            }
        };
    }

    /** @return the number a node holds, also from text such as "1e-3" (YAML 1.1 reads it as text) */
    static Double number(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            double d = node.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        if (node.isTextual()) {
            try {
                double d = Double.parseDouble(node.textValue().trim());
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** @return "finite " when the node is NaN or an infinity, to say what is wrong with it */
    private static String finite(JsonNode node) {
        return YamlTree.nonFinite(node) ? "finite " : "";
    }

    /** @return the node as the user wrote it, quoted when text */
    static String show(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (YamlTree.nonFinite(node)) {
            return YamlTree.text(node);
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "'" + node.textValue() + "'";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.toString();
    }

    private static boolean inRange(ParamSpec spec, double value, String path, Problems problems) {
        if (spec.allows(value)) {
            return true;
        }
        problems.add(path, "must be " + spec.rangeText() + unitSuffix(spec.unit()) + ", got " + fmt(value));
        return false;
    }

    static String unitSuffix(String unit) {
        return unit == null || unit.isEmpty() || unit.equals("1") ? "" : " " + unit;
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** @return the spec named {@code key}, or null */
    static ParamSpec find(List<ParamSpec> specs, String key) {
        for (ParamSpec s : specs) {
            if (s.name().equals(key)) {
                return s;
            }
        }
        return null;
    }
}
