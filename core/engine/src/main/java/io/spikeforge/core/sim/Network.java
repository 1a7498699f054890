package io.spikeforge.core.sim;

import io.spikeforge.core.config.ModelRef;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.spi.NetworkView;
import io.spikeforge.spi.Recorder;
import io.spikeforge.spi.StepTask;

import java.util.List;
import java.util.Map;

/**
 * A built network: its state, and the ordered tasks of one time step (see the step order in the
 * README). Backends run {@link #tasks()}, then the monitors' tasks, once per step with
 * {@code clock[0]} set to the step index; they see the network as a {@link NetworkView}.
 *
 * @param spec        the validated config
 * @param clock       one-element step counter
 * @param groups      populations and spike sources
 * @param projections projections
 * @param monitors    monitors
 * @param states      every named state array
 * @param tasks       one step's compute tasks, in order (the monitors' tasks follow them)
 * @param taskModels  the model whose pack made each task, by task name; the engine's own tasks are absent
 * @param buildSeconds wall time spent building, in s
 */
public record Network(NetworkSpec spec, int[] clock, List<Group> groups, List<ProjectionRuntime> projections,
                      List<Monitor> monitors, StateRegistry states, List<StepTask> tasks,
                      Map<String, ModelRef> taskModels, double buildSeconds)
        implements NetworkView {

    /**
     * A task that reads this token reads every state array: it is ordered after every task before it
     * (monitors declare it, since a weight monitor reads through its comm).
     */
    public static final Object ALL_STATE = new Object();

    /** @return the group with that name */
    public Group group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no group '" + name + "'"));
    }

    /** @return the projection with that name */
    public ProjectionRuntime projection(String name) {
        return projections.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no projection '" + name + "'"));
    }

    /** @return the monitor with that name */
    public Monitor monitor(String name) {
        return monitors.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no monitor '" + name + "'"));
    }

    /** @return the step the next run starts from */
    public int step() {
        return clock[0];
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public List<Recorder> recorders() {
        return List.copyOf(monitors);
    }

    @Override
    public long endStep() {
        return spec.steps();
    }

    @Override
    public String device() {
        return spec.device();
    }

    @Override
    public String nameOf(Object array) {
        return states.nameOf(array);
    }
}
