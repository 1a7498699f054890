package io.spikeforge.tornado;

import io.spikeforge.spi.KernelCall;
import io.spikeforge.spi.KernelSignature;
import io.spikeforge.spi.StepTask;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Groups a step's tasks into fewer device kernels, each group one launch: on a device the cost of a
 * step with little work is its launches, not its arithmetic. Two kinds of group, each in task order:
 * <ul>
 *   <li>a chain: parallel tasks of one size that meet only in arrays each touches at its own items'
 *       indices, as a population's input, synapse, output, neuron update and spike scan do. The fused
 *       kernel runs block by block, every member on the block in turn, as the JVM backend runs such a
 *       chain tile by tile, so the floats are those of running the members one after another;</li>
 *   <li>a run of serial tasks (spike joins, delay rings, the recorders), on one work-item, in order.</li>
 * </ul>
 * A task may join a group that began earlier in the step only if it touches nothing that a task in
 * between writes, and writes nothing such a task reads: moving it earlier then changes no result. A
 * group stays within TornadoVM's 20 task arguments (the size, the blocks, each distinct array once,
 * and one array per kind of scalar), and within one Java package wherever a member's kernel class is
 * not public (a pack's), since the fused kernel calls the members' kernels.
 */
final class Fusion {

    /** The arguments a fused kernel has besides its size and blocks. */
    static final int MAX_ARRAYS = DeviceTasks.MAX_ARGUMENTS - 2;

    /** Tasks that run as one kernel. */
    static final class Group {
        final boolean serial;
        final int size;
        final List<StepTask> tasks = new ArrayList<>();
        final List<KernelCall> calls = new ArrayList<>();
        final Set<Object> arrays = identitySet();
        final Set<Object> reads = identitySet();
        final Set<Object> writes = identitySet();
        final Set<Object> local = identitySet();
        final Set<Class<?>> scalarKinds = new java.util.HashSet<>();
        String privatePackage;
        /** Where the group starts in the step's task order. */
        final int first;

        Group(boolean serial, int size, int first) {
            this.serial = serial;
            this.size = size;
            this.first = first;
        }

        void add(StepTask t, KernelCall c) {
            tasks.add(t);
            calls.add(c);
            arrays.addAll(c.reads());
            arrays.addAll(c.writes());
            reads.addAll(c.reads());
            writes.addAll(c.writes());
            local.addAll(c.local());
            for (KernelSignature.Param p : c.signature().params()) {
                if (p.access() == KernelSignature.Access.SCALAR) {
                    scalarKinds.add(FusedKernel.packed(p.type()));
                }
            }
            if (privatePackage == null && !isPublic(c)) {
                privatePackage = c.signature().declaringClass().getPackageName();
            }
        }

        /** {@return the arguments the fused kernel takes besides its size and blocks, were {@code c} to join} */
        int argumentsWith(KernelCall c) {
            Set<Object> all = identitySet();
            all.addAll(arrays);
            all.addAll(c.reads());
            all.addAll(c.writes());
            Set<Class<?>> kinds = new java.util.HashSet<>(scalarKinds);
            c.signature().params().stream().filter(p -> p.access() == KernelSignature.Access.SCALAR)
                    .forEach(p -> kinds.add(FusedKernel.packed(p.type())));
            if (serial) {
                kinds.add(int.class); // the members' sizes
            }
            return all.size() + kinds.size();
        }
    }

    private Fusion() {
    }

    /** {@return the step's tasks in groups, each group in task order, the groups in the order they run} */
    static List<Group> plan(List<StepTask> tasks, List<KernelCall> calls) {
        List<Group> groups = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int k = 0; k < tasks.size(); k++) {
            StepTask t = tasks.get(k);
            KernelCall c = calls.get(k);
            Group joined = null;
            for (int g = groups.size() - 1; g >= 0 && joined == null; g--) {
                Group candidate = groups.get(g);
                if (fits(candidate, t, c) && movable(t, c, candidate, tasks, calls, owner, groups)) {
                    joined = candidate;
                }
            }
            if (joined == null) {
                joined = new Group(t.serial(), t.size(), k);
                groups.add(joined);
            }
            joined.add(t, c);
            owner.add(groups.indexOf(joined));
        }
        return groups;
    }

    /** Whether {@code c} can run inside {@code g}'s kernel, apart from the tasks in between. */
    private static boolean fits(Group g, StepTask t, KernelCall c) {
        if (g.serial != t.serial() || g.argumentsWith(c) > MAX_ARRAYS) {
            return false;
        }
        if (!isPublic(c) && g.privatePackage != null
                && !g.privatePackage.equals(c.signature().declaringClass().getPackageName())) {
            return false;
        }
        if (!isPublic(c) && g.privatePackage == null && g.calls.stream().anyMatch(m -> !samePackage(m, c))) {
            return false;
        }
        if (g.serial) {
            return true;
        }
        if (g.size != t.size()) {
            return false;
        }
        // A chain: every array one writes and the other touches is one that both touch only at their items.
        Set<Object> local = identitySet();
        local.addAll(c.local());
        for (Object a : c.writes()) {
            if ((g.arrays.contains(a)) && !(local.contains(a) && g.local.contains(a))) {
                return false;
            }
        }
        for (Object a : c.reads()) {
            if (g.writes.contains(a) && !(local.contains(a) && g.local.contains(a))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code c} can move from its place to {@code g}'s: it does not conflict with the tasks in between. */
    private static boolean movable(StepTask t, KernelCall c, Group g, List<StepTask> tasks, List<KernelCall> calls,
                                   List<Integer> owner, List<Group> groups) {
        int me = groups.indexOf(g);
        for (int u = g.first + 1; u < owner.size(); u++) {
            if (owner.get(u) != me && conflict(c, calls.get(u))) {
                return false;
            }
        }
        return true;
    }

    /** Whether one call writes what the other reads or writes. */
    private static boolean conflict(KernelCall a, KernelCall b) {
        for (Object w : a.writes()) {
            if (contains(b.reads(), w) || contains(b.writes(), w)) {
                return true;
            }
        }
        for (Object w : b.writes()) {
            if (contains(a.reads(), w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(List<Object> arrays, Object a) {
        for (Object x : arrays) {
            if (x == a) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPublic(KernelCall c) {
        return java.lang.reflect.Modifier.isPublic(c.signature().declaringClass().getModifiers());
    }

    private static boolean samePackage(KernelCall a, KernelCall b) {
        return a.signature().declaringClass().getPackageName().equals(b.signature().declaringClass().getPackageName());
    }

    private static Set<Object> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
