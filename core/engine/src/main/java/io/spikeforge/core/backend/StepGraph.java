package io.spikeforge.core.backend;

import io.spikeforge.core.build.StateRegistry;
import io.spikeforge.core.sim.Network;
import io.spikeforge.spi.StepTask;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One step's tasks grouped into stages: tasks within a stage touch disjoint data (no task reads or
 * writes what another in the stage writes), so they run without a barrier between them; stages are
 * separated by barriers. Order is the task order, so the result is that of running the tasks one by
 * one.
 */
public final class StepGraph {

    private final List<List<StepTask>> stages;

    private StepGraph(List<List<StepTask>> stages) {
        this.stages = stages;
    }

    /** Groups {@code tasks}, in order, into stages. */
    public static StepGraph of(List<StepTask> tasks) {
        List<List<StepTask>> stages = new ArrayList<>();
        List<StepTask> stage = new ArrayList<>();
        Set<Object> reads = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> writes = Collections.newSetFromMap(new IdentityHashMap<>());
        for (StepTask t : tasks) {
            boolean conflict = t.reads().stream().anyMatch(writes::contains)
                    || t.writes().stream().anyMatch(a -> writes.contains(a) || reads.contains(a))
                    || (t.reads().contains(Network.ALL_STATE) && !writes.isEmpty());
            if (conflict && !stage.isEmpty()) {
                stages.add(stage);
                stage = new ArrayList<>();
                reads.clear();
                writes.clear();
            }
            stage.add(t);
            reads.addAll(t.reads());
            writes.addAll(t.writes());
        }
        if (!stage.isEmpty()) {
            stages.add(stage);
        }
        return new StepGraph(stages.stream().map(List::copyOf).toList());
    }

    /** @return the stages in order */
    public List<List<StepTask>> stages() {
        return stages;
    }

    /** @return a listing of stages and tasks with what each reads and writes */
    public String describe(StateRegistry states) {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < stages.size(); s++) {
            sb.append("stage ").append(s).append(":\n");
            for (StepTask t : stages.get(s)) {
                sb.append("  ").append(t.name()).append(" [").append(t.size()).append(t.serial() ? " items, serial]" : " items]")
                        .append(" reads ").append(names(t.reads(), states))
                        .append(" writes ").append(names(t.writes(), states)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String names(List<Object> arrays, StateRegistry states) {
        return arrays.stream().map(a -> a == Network.ALL_STATE ? "*" : states.nameOf(a))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
