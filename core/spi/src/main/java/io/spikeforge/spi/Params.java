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
}
