package io.spikeforge.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.ParamType;

/**
 * The rule for one number in the config's own layout, such as {@code dt}, {@code seed}, a population's
 * {@code size} or a monitor's {@code every}. It is a {@link ParamSpec}, as a model parameter's rule is:
 * its type says whether the number must be whole, its bounds the range, its default the value when the
 * key is left out, and {@code required} whether it may be. Model parameters are refused in two steps
 * ({@link ParamChecker}); these fields are refused in one sentence that says what the number means
 * ("must be an index in [0, 400)"), so each field declares that sentence with its rule.
 *
 * @param rule    type, bounds, default and whether the key is required
 * @param refusal what any other value is told, before ", got VALUE"
 * @param missing what a required key that is left out is told
 */
record NumberField(ParamSpec rule, String refusal, String missing) {

    /**
     * @return a field whose messages are the rule's own words: "must be a number > 0 ms" and
     *         "missing; give a number > 0 in ms"
     */
    static NumberField of(ParamSpec rule) {
        String range = rule.type().phrase() + " " + rule.rangeText();
        return new NumberField(rule, "must be " + range + ParamChecker.unitSuffix(rule.unit()),
                "missing; give " + range + " in " + rule.unit());
    }

    /** @return this field, refusing other values with {@code words} instead */
    NumberField refusing(String words) {
        return new NumberField(rule, words, missing);
    }

    /** @return this field, its refusal followed by {@code note} in parentheses */
    NumberField noting(String note) {
        return refusing(refusal + " (" + note + ")");
    }

    /** @return this field, asking for a left-out required key with {@code words} instead */
    NumberField whenMissing(String words) {
        return new NumberField(rule, refusal, words);
    }

    /**
     * Reads the field {@code key} of a mapping.
     *
     * @return the number, the rule's default when the key is left out, or null when it is left out but
     *         required, or refused (both reported at {@code path})
     */
    Double read(JsonNode mapping, String key, String path, Problems problems) {
        JsonNode node = mapping.get(key);
        if (node != null) {
            return check(node, path, problems);
        }
        if (rule.required()) {
            problems.add(path, missing);
        }
        return rule.defaultValue() instanceof Number d ? d.doubleValue() : null;
    }

    /**
     * Checks a number given outside the YAML, such as a command-line value; NaN and the infinities are
     * refused whatever the bounds.
     *
     * @return the number when the rule allows it, else null after reporting it at {@code path}
     */
    Double check(double value, String path, Problems problems) {
        if (!Double.isFinite(value) || rule.type() == ParamType.INTEGER && value != Math.rint(value)
                || !rule.allows(value)) {
            problems.add(path, refusal + ", got " + ParamChecker.fmt(value));
            return null;
        }
        return value;
    }

    /** @return the number {@code node} holds when the rule allows it, else null after reporting it */
    Double check(JsonNode node, String path, Problems problems) {
        Double d = ParamChecker.number(node);
        if (d == null || rule.type() == ParamType.INTEGER && d != Math.rint(d) || !rule.allows(d)) {
            problems.add(path, refusal + ", got " + ParamChecker.show(node));
            return null;
        }
        return d;
    }
}
