package io.spikeforge.spi;

import java.util.List;

/**
 * A typed parameter with its default, unit and allowed range. The engine checks every configured
 * value against this spec before a model is created, so {@code create} methods may trust
 * {@link Params}.
 *
 * @param name         the config key, for example {@code tau_s}
 * @param type         the value type
 * @param defaultValue the default ({@link Double}, {@link Integer}, {@link Boolean} or
 *                     {@code double[]}), or {@code null} when the parameter is optional or required
 * @param required     whether the config must set it
 * @param unit         the unit, for example {@code ms}, {@code mV}, {@code uS}, {@code Hz}, or
 *                     {@code 1} when dimensionless
 * @param description  what the parameter does
 * @param min          the lower bound (use {@link Double#NEGATIVE_INFINITY} for none)
 * @param minInclusive whether {@code min} itself is allowed
 * @param max          the upper bound (use {@link Double#POSITIVE_INFINITY} for none)
 * @param maxInclusive whether {@code max} itself is allowed
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, boolean required, String unit,
                        String description, double min, boolean minInclusive, double max,
                        boolean maxInclusive) {

    /**
     * {@return a real parameter with a default and no bounds}
     *
     * @param name         the config key, for example {@code tau}
     * @param defaultValue the value when the config leaves it out, in {@code unit}
     * @param unit         the unit, for example {@code ms}; {@code 1} when dimensionless
     * @param description  what the parameter does
     */
    public static ParamSpec real(String name, double defaultValue, String unit, String description) {
        return new ParamSpec(name, ParamType.REAL, defaultValue, false, unit, description,
                Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);
    }

    /**
     * {@return a real parameter without a default that may be left out ({@link Params#has})}
     *
     * @param name         the config key, for example {@code tau}
     * @param unit         the unit, for example {@code ms}; {@code 1} when dimensionless
     * @param description  what the parameter does
     */
    public static ParamSpec optionalReal(String name, String unit, String description) {
        return new ParamSpec(name, ParamType.REAL, null, false, unit, description,
                Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);
    }

    /**
     * {@return an optional {@code .npy} file parameter} whose numbers must be finite
     *
     * @param name        the config key, for example {@code file}
     * @param unit        the unit of the file's values
     * @param description what the file holds, with its shape
     */
    public static ParamSpec npy(String name, String unit, String description) {
        return new ParamSpec(name, ParamType.NPY, null, false, unit, description,
                Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);
    }

    /**
     * {@return an integer parameter with a default and no bounds}
     *
     * @param name         the config key, for example {@code tau}
     * @param defaultValue the value when the config leaves it out, in {@code unit}
     * @param unit         the unit, for example {@code ms}; {@code 1} when dimensionless
     * @param description  what the parameter does
     */
    public static ParamSpec integer(String name, int defaultValue, String unit, String description) {
        return new ParamSpec(name, ParamType.INTEGER, defaultValue, false, unit, description,
                Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);
    }

    /**
     * {@return a boolean parameter with a default}
     *
     * @param name         the config key, for example {@code tau}
     * @param defaultValue the value when the config leaves it out
     * @param description  what the parameter does
     */
    public static ParamSpec bool(String name, boolean defaultValue, String description) {
        return new ParamSpec(name, ParamType.BOOLEAN, defaultValue, false, "1", description,
                Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);
    }

    /**
     * {@return a list parameter that the config must set}
     *
     * @param name         the config key, for example {@code tau}
     * @param unit         the unit, for example {@code ms}; {@code 1} when dimensionless
     * @param description  what the parameter does
     */
    public static ParamSpec requiredList(String name, String unit, String description) {
        return new ParamSpec(name, ParamType.REAL_LIST, null, true, unit, description,
                Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);
    }

    /** {@return this spec, required and without a default} */
    public ParamSpec asRequired() {
        return new ParamSpec(name, type, null, true, unit, description, min, minInclusive, max, maxInclusive);
    }

    /** {@return this spec restricted to values &gt; 0} */
    public ParamSpec positive() {
        return new ParamSpec(name, type, defaultValue, required, unit, description, 0, false, max, maxInclusive);
    }

    /**
     * {@return this spec restricted to values &ge; {@code lower}}
     *
     * @param lower the smallest allowed value, in the parameter's unit
     */
    public ParamSpec atLeast(double lower) {
        return new ParamSpec(name, type, defaultValue, required, unit, description, lower, true, max, maxInclusive);
    }

    /**
     * {@return this spec restricted to {@code [lower, upper]}}
     *
     * @param lower the smallest allowed value, in the parameter's unit
     * @param upper the largest allowed value
     */
    public ParamSpec between(double lower, double upper) {
        return new ParamSpec(name, type, defaultValue, required, unit, description, lower, true, upper, true);
    }

    /**
     * {@return whether {@code value} lies within the bounds}
     *
     * @param value a candidate value, in the parameter's unit
     */
    public boolean allows(double value) {
        boolean aboveMin = minInclusive ? value >= min : value > min;
        boolean belowMax = maxInclusive ? value <= max : value < max;
        return aboveMin && belowMax && !Double.isNaN(value);
    }

    /** {@return the allowed range in words, for example "> 0" or "in [0, 1]"} */
    public String rangeText() {
        boolean hasMin = min != Double.NEGATIVE_INFINITY;
        boolean hasMax = max != Double.POSITIVE_INFINITY;
        if (hasMin && hasMax) {
            return "in " + (minInclusive ? "[" : "(") + fmt(min) + ", " + fmt(max) + (maxInclusive ? "]" : ")");
        }
        if (hasMin) {
            return (minInclusive ? ">= " : "> ") + fmt(min);
        }
        if (hasMax) {
            return (maxInclusive ? "<= " : "< ") + fmt(max);
        }
        return "any finite number";
    }

    /** {@return the default as text for listings, "required" or "unset"} */
    public String defaultText() {
        if (required) {
            return "required";
        }
        if (defaultValue == null) {
            return "unset";
        }
        if (defaultValue instanceof double[] list) {
            return java.util.Arrays.toString(list);
        }
        if (defaultValue instanceof Double d) {
            return fmt(d);
        }
        return String.valueOf(defaultValue);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * {@return the names of {@code specs}, in order}
     *
     * @param specs a model's parameters
     */
    public static List<String> names(List<ParamSpec> specs) {
        return specs.stream().map(ParamSpec::name).toList();
    }
}
