package io.spikeforge.core.backend;

import io.spikeforge.core.sim.Network;
import io.spikeforge.spi.NetworkView;
import io.spikeforge.spi.StepTask;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One step's tasks grouped into stages, separated by barriers. Within a stage, tasks either touch
 * disjoint data, or form a chain: tasks of the same size that meet only in arrays each declares local
 * ({@link StepTask#local()}), such as a synapse update feeding an output feeding a neuron update. A
 * chain must run with the same item ranges on the same thread, in task order; then it needs no
 * barrier. Order is the task order, so the result is that of running the tasks one by one.
 */
public final class StepGraph {

    private final List<List<StepTask>> stages;
    private final List<int[]> chains;

    private StepGraph(List<List<StepTask>> stages, List<int[]> chains) {
        this.stages = stages;
        this.chains = chains;
    }

    /** Groups a network's tasks, then its recorders' tasks, in order, into stages and chains. */
    public static StepGraph of(NetworkView network) {
        List<StepTask> all = new ArrayList<>(network.tasks());
        network.recorders().forEach(r -> all.add(r.task()));
        return of(all);
    }

    /** Groups {@code tasks}, in order, into stages and chains. */
    public static StepGraph of(List<StepTask> tasks) {
        List<List<StepTask>> stages = new ArrayList<>();
        List<int[]> chains = new ArrayList<>();
        List<StepTask> stage = new ArrayList<>();
        List<Integer> parent = new ArrayList<>();
        Set<Object> writes = identitySet();
        for (StepTask t : tasks) {
            boolean conflict = t.reads().contains(Network.ALL_STATE) && !writes.isEmpty();
            List<Integer> joined = new ArrayList<>();
            for (int u = 0; u < stage.size() && !conflict; u++) {
                Set<Object> shared = shared(t, stage.get(u));
                if (shared.isEmpty()) {
                    continue;
                }
                if (chainable(t, stage.get(u), shared)) {
                    joined.add(u);
                } else {
                    conflict = true;
                }
            }
            if (conflict && !stage.isEmpty()) {
                stages.add(List.copyOf(stage));
                chains.add(roots(parent));
                stage.clear();
                parent.clear();
                writes.clear();
                joined.clear();
            }
            int me = stage.size();
            stage.add(t);
            parent.add(me);
            for (int u : joined) {
                parent.set(find(parent, u), me);
            }
            writes.addAll(t.writes());
        }
        if (!stage.isEmpty()) {
            stages.add(List.copyOf(stage));
            chains.add(roots(parent));
        }
        return new StepGraph(List.copyOf(stages), List.copyOf(chains));
    }

    /** Arrays where one task writes what the other reads or writes. */
    private static Set<Object> shared(StepTask t, StepTask u) {
        Set<Object> shared = identitySet();
        for (Object a : t.writes()) {
            if (u.reads().contains(a) || u.writes().contains(a)) {
                shared.add(a);
            }
        }
        for (Object a : t.reads()) {
            if (u.writes().contains(a)) {
                shared.add(a);
            }
        }
        return shared;
    }

    private static boolean chainable(StepTask t, StepTask u, Set<Object> shared) {
        return !t.serial() && !u.serial() && t.size() == u.size()
                && t.local().containsAll(shared) && u.local().containsAll(shared);
    }

    private static int find(List<Integer> parent, int i) {
        while (parent.get(i) != i) {
            i = parent.get(i);
        }
        return i;
    }

    /** For each task, the index of the chain's last-joined task, the same for every task of a chain. */
    private static int[] roots(List<Integer> parent) {
        int[] roots = new int[parent.size()];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = find(parent, i);
        }
        return roots;
    }

    private static Set<Object> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** @return the stages in order */
    public List<List<StepTask>> stages() {
        return stages;
    }

    /**
     * @param stage a stage index
     * @return for each task of the stage, its chain's id: tasks with equal ids must run with the same
     *         ranges on the same thread
     */
    public int[] chains(int stage) {
        return chains.get(stage).clone();
    }

    /** @return a listing of stages and tasks with what each reads and writes, and their chains */
    public String describe(NetworkView states) {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < stages.size(); s++) {
            sb.append("stage ").append(s).append(":\n");
            int[] chain = chains.get(s);
            List<Integer> shown = new ArrayList<>();
            for (int i = 0; i < stages.get(s).size(); i++) {
                StepTask t = stages.get(s).get(i);
                sb.append("  ").append(t.name()).append(" [").append(t.size()).append(t.serial() ? " items, serial]" : " items]")
                        .append(" reads ").append(names(t.reads(), states))
                        .append(" writes ").append(names(t.writes(), states));
                int id = chain[i];
                if (java.util.Arrays.stream(chain).filter(c -> c == id).count() > 1) {
                    if (!shown.contains(id)) {
                        shown.add(id);
                    }
                    sb.append(" chain ").append(shown.indexOf(id) + 1);
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String names(List<Object> arrays, NetworkView states) {
        return arrays.stream().map(a -> a == Network.ALL_STATE ? "*" : states.nameOf(a))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
