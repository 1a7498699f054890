package io.spikeforge.spi;

/**
 * What the engine gives a model while it builds: the time step, a reproducible seed, the step clock
 * and state allocation.
 *
 * <p>Every array whose content carries over from one step to the next must be allocated here, not
 * with {@code new}: the engine then knows it by name for monitors, initializers and listings, saves
 * and restores it in checkpoints, and scans it for NaN and infinity. An array that a model fills
 * and consumes within one step (scratch) may be allocated with {@code new} in {@code create}, never
 * in a step task.
 */
public interface BuildContext {

    /** {@return the time step in ms} */
    double dt();

    /**
     * {@return the name of the population, input or projection the model belongs to}, for example
     * {@code post} or {@code stdp}; the engine names the model's state {@code owner.variable}
     */
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
     * @param variable a name declared in {@link ModelFactory#variables()}, unique within the model
     *                 instance
     * @param size     the number of elements
     * @param initial  the default initial value, in the variable's unit
     * @return the array, owned by the engine
     * @throws IllegalArgumentException if the instance already allocated {@code variable}
     */
    float[] floats(String variable, int size, float initial);

    /**
     * Allocates a named int state array filled with {@code initial}.
     *
     * @param variable a name declared in {@link ModelFactory#variables()}, unique within the model
     *                 instance
     * @param size     the number of elements
     * @param initial  the initial value
     * @return the array, owned by the engine
     * @throws IllegalArgumentException if the instance already allocated {@code variable}
     */
    int[] ints(String variable, int size, int initial);

    /**
     * {@return the live state array of a variable of the pre or post neurons of the projection a
     * plasticity rule is built for (Brian2's {@code v_post}), one value per neuron, or null when that
     * group has no such float variable or the model is no projection's rule}. A rule reads it in its
     * tasks, or writes a variable without an equation (a {@code (summed)} current) once per step.
     *
     * @param side     {@code pre} or {@code post}
     * @param variable the variable's name in the neuron model ({@code V}, {@code I_syn})
     */
    default float[] neuronState(String side, String variable) {
        return null;
    }

    /**
     * {@return the unit of {@link #neuronState}'s variable as its model declares it ({@code mV}), or null
     * when there is none}
     *
     * @param side     {@code pre} or {@code post}
     * @param variable the variable's name in the neuron model
     */
    default String neuronUnit(String side, String variable) {
        return null;
    }

    /**
     * {@return the names of the float variables of the pre or post neurons that {@link #neuronState} gives,
     * for messages; empty when the model is no projection's rule}
     *
     * @param side {@code pre} or {@code post}
     */
    default java.util.List<String> neuronVariables(String side) {
        return java.util.List.of();
    }
}
