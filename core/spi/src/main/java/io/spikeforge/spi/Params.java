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
     * {@return the shape of {@code name}'s values}: the dimensions of an {@link ParamType#NPY} file's array
     * in C order (its {@link #reals} are flattened row-major), or the length of a list
     *
     * @param name a list or {@code .npy} parameter the model declares
     */
    default long[] shape(String name) {
        return new long[] {reals(name).length};
    }
}
