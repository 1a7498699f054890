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
        return ((Number) get(name)).doubleValue();
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
