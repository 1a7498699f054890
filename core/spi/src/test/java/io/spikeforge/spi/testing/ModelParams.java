package io.spikeforge.spi.testing;

import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.ParamType;
import io.spikeforge.spi.Params;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Params} for unit tests of models: a model's declared defaults overridden by the values a test
 * gives. It checks the values as the engine checks a config before any {@code create} runs (a declared
 * name, the declared type, within the declared range, required ones present), so that a test reaches a
 * model only with parameters a config could give it, and a misspelt name fails instead of silently
 * leaving the default in place.
 *
 * <p>It is part of the test jar of {@code spikeforge-spi} ({@code <type>test-jar</type>}, test scope).
 */
public final class ModelParams implements Params {

    private final String model;
    private final Map<String, Object> values;

    private ModelParams(String model, Map<String, Object> values) {
        this.model = model;
        this.values = values;
    }

    /**
     * {@return the defaults of {@code model} with the given values in their place}
     *
     * @param model         the model whose {@link ModelFactory#parameters()} are used
     * @param namesAndValues alternating names and values: a {@link Number} for real and integer
     *                      parameters, a {@link Boolean}, or a {@code double[]} for lists
     * @throws IllegalArgumentException if a name is not declared, a value has the wrong type or lies
     *                                  outside its range, or a required parameter is missing
     */
    public static ModelParams of(ModelFactory model, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, ParamSpec> specs = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec s : model.parameters()) {
            specs.put(s.name(), s);
            if (s.defaultValue() != null) {
                values.put(s.name(), s.defaultValue());
            }
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            ParamSpec spec = specs.get(name);
            if (spec == null) {
                throw new IllegalArgumentException(model.name() + " declares no parameter " + name + "; it has "
                        + specs.keySet());
            }
            values.put(name, checked(model.name(), spec, namesAndValues[i + 1]));
        }
        for (ParamSpec s : specs.values()) {
            if (s.required() && !values.containsKey(s.name())) {
                throw new IllegalArgumentException(model.name() + "." + s.name() + " is required");
            }
        }
        return new ModelParams(model.name(), values);
    }

    private static Object checked(String model, ParamSpec spec, Object value) {
        String where = model + "." + spec.name();
        boolean typed = switch (spec.type()) {
            case REAL, INTEGER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case REAL_LIST -> value instanceof double[];
            case NPY -> value instanceof double[] || value instanceof double[][];
        };
        if (!typed) {
            throw new IllegalArgumentException(where + " must be " + spec.type().phrase() + ", got " + value);
        }
        if (spec.type() == ParamType.INTEGER && value instanceof Number n && n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException(where + " must be an integer, got " + value);
        }
        if (value instanceof double[][] rows) {
            // A 2-D .npy array: its rows, flattened as the engine reads a file in C order.
            int columns = rows.length == 0 ? 0 : rows[0].length;
            double[] flat = new double[rows.length * columns];
            for (int r = 0; r < rows.length; r++) {
                if (rows[r].length != columns) {
                    throw new IllegalArgumentException(where + " must have rows of equal length");
                }
                System.arraycopy(rows[r], 0, flat, r * columns, columns);
            }
            return new Array(flat, new long[] {rows.length, columns});
        }
        if (spec.type() == ParamType.NPY) {
            return new Array(((double[]) value).clone(), new long[] {((double[]) value).length});
        }
        double[] numbers = switch (value) {
            case Number n -> new double[] {n.doubleValue()};
            case double[] list -> list.clone();
            default -> new double[0];
        };
        for (double x : numbers) {
            if (!spec.allows(x)) {
                throw new IllegalArgumentException(where + " must be " + spec.rangeText() + ", got " + x);
            }
        }
        return value instanceof double[] list ? list.clone() : value;
    }

    @Override
    public double real(String name) {
        return value(name, Number.class).doubleValue();
    }

    @Override
    public int integer(String name) {
        return value(name, Number.class).intValue();
    }

    @Override
    public boolean bool(String name) {
        return value(name, Boolean.class);
    }

    @Override
    public double[] reals(String name) {
        if (values.get(name) instanceof Array a) {
            return a.values().clone();
        }
        return value(name, double[].class).clone();
    }

    @Override
    public long[] shape(String name) {
        if (values.get(name) instanceof Array a) {
            return a.shape().clone();
        }
        return new long[] {reals(name).length};
    }

    /** What a test gives for an {@code .npy} parameter: the flattened values and their shape. */
    private record Array(double[] values, long[] shape) {
    }

    @Override
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** @return the value of {@code name} as a {@code type}; a model that asks for another type fails */
    private <T> T value(String name, Class<T> type) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(model + "." + name + " has no value and no default");
        }
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException(model + "." + name + " holds " + v.getClass().getSimpleName()
                    + ", read as " + type.getSimpleName());
        }
        return type.cast(v);
    }
}
