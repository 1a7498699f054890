package io.spikeforge.spi.testing;

import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.StepTask;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A {@link BuildContext} for unit tests of models, without the engine: it keeps every array a model
 * allocates under its variable name, fills it with the requested initial value, refuses a name given
 * twice (as the SPI says the engine does), and owns the step clock, which {@link #step} advances.
 *
 * <p>Typical use: create the model with this context, read or set its state through
 * {@link #floats(String)} and {@link #ints(String)}, and call {@link #step} once per simulated step (or
 * {@link #run} for each part of a step, then {@link #advance}).
 * It is part of the test jar of {@code spikeforge-spi} ({@code <type>test-jar</type>}, test scope).
 */
public final class InMemoryBuildContext implements BuildContext {

    private final double dt;
    private final String owner;
    private final long seed;
    private final int[] clock = new int[1];
    private final Map<String, Object> arrays = new LinkedHashMap<>();

    /**
     * A context named {@code test}, with seed 0.
     *
     * @param dt the time step in ms
     */
    public InMemoryBuildContext(double dt) {
        this(dt, "test", 0);
    }

    /**
     * @param dt    the time step in ms
     * @param owner the name the model's tasks are prefixed with
     * @param seed  what {@link #seed()} returns
     */
    public InMemoryBuildContext(double dt, String owner, long seed) {
        if (!(dt > 0)) {
            throw new IllegalArgumentException("dt must be > 0 ms, got " + dt);
        }
        this.dt = dt;
        this.owner = owner;
        this.seed = seed;
    }

    /** {@return the owner given to the constructor: {@code test} unless named} */
    @Override
    public String owner() {
        return owner;
    }

    @Override
    public double dt() {
        return dt;
    }

    /** {@return the clock the model's tasks read; {@code clock()[0]} is the step being computed} */
    @Override
    public int[] clock() {
        return clock;
    }

    /** {@return the seed given to the constructor, as is: no derivation from the owner} */
    @Override
    public long seed() {
        return seed;
    }

    @Override
    public float[] floats(String variable, int size, float initial) {
        float[] a = new float[size];
        Arrays.fill(a, initial);
        keep(variable, a);
        return a;
    }

    @Override
    public int[] ints(String variable, int size, int initial) {
        int[] a = new int[size];
        Arrays.fill(a, initial);
        keep(variable, a);
        return a;
    }

    private void keep(String variable, Object array) {
        if (arrays.putIfAbsent(variable, array) != null) {
            throw new IllegalArgumentException(owner + "." + variable + " is allocated twice");
        }
    }

    /**
     * {@return the float array the model allocated as {@code variable}}
     *
     * @param variable the name the model gave {@link #floats(String, int, float)}
     * @throws IllegalArgumentException if the model allocated no float array of that name
     */
    public float[] floats(String variable) {
        if (arrays.get(variable) instanceof float[] a) {
            return a;
        }
        throw new IllegalArgumentException("no float array " + variable + " was allocated; have " + variables());
    }

    /**
     * {@return the int array the model allocated as {@code variable}}
     *
     * @param variable the name the model gave {@link #ints(String, int, int)}
     * @throws IllegalArgumentException if the model allocated no int array of that name
     */
    public int[] ints(String variable) {
        if (arrays.get(variable) instanceof int[] a) {
            return a;
        }
        throw new IllegalArgumentException("no int array " + variable + " was allocated; have " + variables());
    }

    /** {@return the names of the allocated arrays, in allocation order} */
    public Set<String> variables() {
        return Collections.unmodifiableSet(arrays.keySet());
    }

    /** {@return the step being computed: 0 until the first {@link #step}} */
    public int currentStep() {
        return clock[0];
    }

    /**
     * Runs tasks as the engine's JVM backend would on one thread: each over all its items, in the order
     * given. The clock stays where it is, so that several groups of tasks can make up one step.
     *
     * @param tasks tasks of the current step
     */
    public void run(StepTask... tasks) {
        for (StepTask t : tasks) {
            t.run(0, t.size());
        }
    }

    /** Ends the current step: the clock moves on to the next. */
    public void advance() {
        clock[0]++;
    }

    /**
     * Runs one whole step: {@link #run} the tasks, then {@link #advance}.
     *
     * @param tasks the tasks of this step
     */
    public void step(StepTask... tasks) {
        run(tasks);
        advance();
    }
}
