package io.spikeforge.spi;

/**
 * What the engine gives a model while it builds: the time step, a reproducible seed, the step clock
 * and state allocation. State must be allocated here, not with {@code new}, so that monitors,
 * initializers and backends know every array by name.
 */
public interface BuildContext {

    /** {@return the time step in ms} */
    double dt();

    /** {@return the config path of the model instance, for example {@code projections[0].syn}} */
    String owner();

    /** {@return a seed derived from the run's seed and {@link #owner()}: stable across runs} */
    long seed();

    /**
     * {@return a one-element array whose element is the index of the step being computed; it starts
     * at 0 and t = step * dt}
     */
    int[] clock();

    /**
     * Allocates a named float state array, initialized to {@code initial} unless the config sets an
     * initializer for it.
     *
     * @param variable a name declared in {@link ModelFactory#variables()}
     * @param size     the number of elements
     * @param initial  the default initial value, in the variable's unit
     * @return the array, owned by the engine
     */
    float[] floats(String variable, int size, float initial);

    /**
     * Allocates a named int state array filled with {@code initial}.
     *
     * @param variable a name declared in {@link ModelFactory#variables()}
     * @param size     the number of elements
     * @param initial  the initial value
     * @return the array, owned by the engine
     */
    int[] ints(String variable, int size, int initial);
}
