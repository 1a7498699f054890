package io.spikeforge.core.config;

import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link Params} over values that were checked against their {@link ParamSpec}s. */
public final class ParamValues implements Params {

    private final Map<String, Object> values;

    /**
     * @param specs      the model's parameters
     * @param configured checked values from the config, by name
     */
    public ParamValues(List<ParamSpec> specs, Map<String, Object> configured) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            Object v = configured.containsKey(spec.name()) ? configured.get(spec.name()) : spec.defaultValue();
            if (v != null) {
                all.put(spec.name(), v);
            }
        }
        this.values = all;
    }

    @Override
    public double real(String name) {
        Object v = get(name);
        if (v instanceof float[] || v instanceof ElementForm) {
            throw new IllegalStateException("parameter '" + name + "' has one value per element: read values(name)");
        }
        return ((Number) v).doubleValue();
    }

    @Override
    public int integer(String name) {
        return ((Number) get(name)).intValue();
    }

    @Override
    public boolean bool(String name) {
        return (Boolean) get(name);
    }

    @Override
    public double[] reals(String name) {
        Object v = get(name);
        return v instanceof NpyParam f ? f.values().clone() : ((double[]) v).clone();
    }

    @Override
    public long[] shape(String name) {
        Object v = get(name);
        return v instanceof NpyParam f ? f.shape().clone() : new long[] {((double[]) v).length};
    }

    /** @return the file an {@code .npy} parameter names */
    String file(String name) {
        return ((NpyParam) get(name)).file();
    }

    /** @return the {@code .npy} parameters, by name, for {@link NpyFiles} to read */
    Map<String, NpyParam> files() {
        Map<String, NpyParam> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v instanceof NpyParam f) {
                out.put(k, f);
            }
        });
        return out;
    }

    @Override
    public boolean varies(String name) {
        Object v = values.get(name);
        return v instanceof float[] || v instanceof ElementForm;
    }

    @Override
    public float[] values(String name) {
        Object v = values.get(name);
        if (v instanceof float[] a) {
            return a;
        }
        throw new IllegalStateException(v instanceof ElementForm ? "parameter '" + name + "' was given per element"
                + " but its values were never made" : "parameter '" + name + "' has one value for all elements");
    }

    /** @return the parameters given per element, whose values are not yet made, by name */
    Map<String, ElementForm> elementForms() {
        Map<String, ElementForm> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v instanceof ElementForm f) {
                out.put(k, f);
            }
        });
        return out;
    }

    /** Replaces a per-element form by another, such as a file by its loaded values. */
    void loaded(String name, ElementForm form) {
        values.put(name, form);
    }

    /** Replaces a per-element form by its values, once they are made and checked. */
    void made(String name, float[] perElement) {
        values.put(name, perElement);
    }

    @Override
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** @return every value, defaults included, for summaries */
    public Map<String, Object> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("parameter '" + name + "' has no value and no default");
        }
        return v;
    }
}
