package io.spikeforge.spi;

/** The value types a parameter may take in the config. */
public enum ParamType {
    /** A real number, read as a double. */
    REAL("a number"),
    /** A whole number. */
    INTEGER("an integer"),
    /** {@code true} or {@code false}. */
    BOOLEAN("true or false"),
    /** A list of real numbers. */
    REAL_LIST("a list of numbers"),
    /**
     * A NumPy {@code .npy} file, named in the config as text (relative to the config's folder) or as
     * {@code {npy: file}}; the engine reads it while it checks the config, and the model reads its values
     * with {@link Params#reals} and its shape with {@link Params#shape}.
     */
    NPY("an .npy file name");

    private final String phrase;

    ParamType(String phrase) {
        this.phrase = phrase;
    }

    /** {@return how error messages name the type, for example "a number"} */
    public String phrase() {
        return phrase;
    }
}
