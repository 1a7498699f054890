package io.spikeforge.spi;

import java.util.List;

/**
 * What a {@link Backend} sees of a built network: one step's tasks, the recorders that run after
 * them, the step clock, and the names of the state arrays. It is read-only: a backend runs the tasks,
 * advances the clock and moves arrays, and changes nothing else.
 */
public interface NetworkView {

    /** {@return the run's name, for messages} */
    String name();

    /**
     * {@return one step's compute tasks, in order}; running them one by one in this order is one
     * step, and any schedule a backend chooses must give the same result
     */
    List<StepTask> tasks();

    /** {@return the recorders (monitors), which run after the step's tasks, in order} */
    List<Recorder> recorders();

    /**
     * {@return the one-element step clock}: {@code clock[0]} is the index of the step being computed,
     * and the backend adds one after each step
     */
    int[] clock();

    /** {@return the step the run ends at (the config's duration over dt)} */
    long endStep();

    /** {@return the device the config or the command line asked for ({@code backend.device}), or null} */
    String device();

    /**
     * {@return the qualified name of a state array ({@code post.V}), or a placeholder for scratch}
     *
     * @param array an array one of the tasks uses
     */
    String nameOf(Object array);
}
