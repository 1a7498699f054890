package io.spikeforge.spi;

/**
 * Validated parameter values of one model instance: every configured value has the declared type
 * and lies in the declared range, and unset parameters read as their defaults.
 */
public interface Params {

    /**
     * {@return the real value of {@code name}, in the unit its {@link ParamSpec} declares}
     *
     * @param name a parameter name the model declares
     */
    double real(String name);

    /**
     * {@return the integer value of {@code name}}
     *
     * @param name a parameter name the model declares
     */
    int integer(String name);

    /**
     * {@return the boolean value of {@code name}}
     *
     * @param name a parameter name the model declares
     */
    boolean bool(String name);

    /**
     * {@return the list value of {@code name} (a copy)}
     *
     * @param name a parameter name the model declares
     */
    double[] reals(String name);

    /**
     * {@return whether {@code name} has a value, from the config or a default}
     *
     * @param name a parameter name the model declares
     */
    boolean has(String name);

    /**
     * {@return whether {@code name} has one value per element} ({@link ModelFactory#perElement()});
     * then {@link #real} must not be read, {@link #values(String)} must
     *
     * @param name a parameter name the model declares
     */
    default boolean varies(String name) {
        return false;
    }

    /**
     * {@return the values of {@code name}, one per element (neuron, synapse slot or post neuron) in the
     * parameter's unit, in single precision as the state is; the engine's array, not to be changed}
     *
     * @param name a parameter for which {@link #varies} is true
     * @throws IllegalStateException when {@code name} does not vary
     */
    default float[] values(String name) {
        throw new IllegalStateException("parameter '" + name + "' has one value for all elements");
    }

    /**
     * {@return {@link #values(String)} when {@code name} varies, else {@code size} copies of
     * {@code (float) real(name)}}: what the array variant of a kernel reads for a parameter that
     * another parameter's variation brought onto it
     *
     * @param name a real parameter the model declares
     * @param size the number of elements
     */
    default float[] values(String name, int size) {
        if (varies(name)) {
            float[] v = values(name);
            if (v.length != size) {
                throw new IllegalStateException("parameter '" + name + "' has " + v.length + " values for " + size
                        + " elements");
            }
            return v;
        }
        float[] v = new float[size];
        java.util.Arrays.fill(v, (float) real(name));
        return v;
    }

    /**
     * {@return whether any of {@code names} varies per element}: a model then builds the array
     * variant of its kernel, else the scalar one, unchanged
     *
     * @param names parameter names the model declares
     */
    default boolean anyVaries(Iterable<String> names) {
        for (String n : names) {
            if (varies(n)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@return the shape of {@code name}'s values}: the dimensions of an {@link ParamType#NPY} file's array
     * in C order (its {@link #reals} are flattened row-major), or the length of a list
     *
     * @param name a list or {@code .npy} parameter the model declares
     */
    default long[] shape(String name) {
        return new long[] {reals(name).length};
    }
}
