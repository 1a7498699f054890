package io.spikeforge.kernels.fusion;

import io.spikeforge.spi.KernelCall;
import io.spikeforge.spi.KernelSignature;
import io.spikeforge.spi.StepTask;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntBiFunction;

/**
 * Groups a step's tasks into fewer device kernels, each group one launch: on a device the cost of a
 * step with little work is its launches, not its arithmetic. Two kinds of group, each in task order:
 * <ul>
 *   <li>a chain: parallel tasks of one size, split into the same blocks, that meet only in arrays each
 *       touches at its own items' indices, as a population's input, synapse, output, neuron update and
 *       spike scan do. The fused kernel runs block by block, every member on the block in turn, as the
 *       JVM backend runs such a chain tile by tile, so the floats are those of running the members one
 *       after another;</li>
 *   <li>a run of serial tasks (spike joins, delay rings, the recorders), on one work-item, in order.</li>
 * </ul>
 * A task may join a group that began earlier in the step only if it touches nothing that a task in
 * between writes, and writes nothing such a task reads or writes: moving it earlier then changes no
 * result. A group stays within a device's argument limit (each distinct array once, and one array per
 * kind of scalar, besides the size and the blocks), and within one Java package wherever a member's
 * kernel class is not public (a pack's), since the fused kernel calls the members' kernels.
 */
public final class Fusion {

    private Fusion() {
    }

    /** Tasks that run as one kernel, in task order. */
    public static final class Group {
        final boolean serial;
        final int size;
        final int blocks;
        final int first;
        final List<StepTask> tasks = new ArrayList<>();
        final List<KernelCall> calls = new ArrayList<>();
        private final Set<Object> arrays = identitySet();
        private final Set<Object> writes = identitySet();
        private final Set<Object> local = identitySet();
        private final Set<Class<?>> scalarKinds = new HashSet<>();
        String privatePackage;

        private Group(boolean serial, int size, int blocks, int first) {
            this.serial = serial;
            this.size = size;
            this.blocks = blocks;
            this.first = first;
        }

        /** {@return a group of this one task} */
        public static Group of(StepTask task, KernelCall call, int blocks) {
            Group g = new Group(call.signature().serial(), task.size(), blocks, 0);
            g.add(task, call);
            return g;
        }

        private void add(StepTask t, KernelCall c) {
            tasks.add(t);
            calls.add(c);
            arrays.addAll(c.reads());
            arrays.addAll(c.writes());
            writes.addAll(c.writes());
            local.addAll(c.local());
            scalarKinds.addAll(scalarKinds(c));
            if (serial) {
                scalarKinds.add(int.class);
            }
            if (privatePackage == null && !isPublic(c)) {
                privatePackage = c.signature().declaringClass().getPackageName();
            }
        }

        /** {@return the arguments the fused kernel would take besides its size and blocks with {@code c} in it} */
        private int argumentsWith(KernelCall c) {
            Set<Object> all = identitySet();
            all.addAll(arrays);
            all.addAll(c.reads());
            all.addAll(c.writes());
            Set<Class<?>> kinds = new HashSet<>(scalarKinds);
            kinds.addAll(scalarKinds(c));
            return all.size() + kinds.size();
        }

        /** {@return whether the items run as one range on one work-item} */
        public boolean serial() {
            return serial;
        }

        /** {@return the items of a chain (every member's size)} */
        public int size() {
            return size;
        }

        /** {@return the blocks a chain's items are split into} */
        public int blocks() {
            return blocks;
        }

        /** {@return the tasks, in the order they run} */
        public List<StepTask> tasks() {
            return Collections.unmodifiableList(tasks);
        }

        /** {@return the tasks' kernel calls, in the same order} */
        public List<KernelCall> calls() {
            return Collections.unmodifiableList(calls);
        }
    }

    /**
     * {@return the tasks in groups, the groups in the order they run}
     *
     * @param tasks        one step's tasks, in order, each with a kernel
     * @param calls        their kernel calls
     * @param maxArguments how many arguments a device kernel may take besides its size and blocks
     * @param blocks       the blocks a device splits a parallel task's items into: tasks fuse only when
     *                     theirs agree
     */
    public static List<Group> plan(List<StepTask> tasks, List<KernelCall> calls, int maxArguments,
                                   ToIntBiFunction<KernelCall, Integer> blocks) {
        List<Group> groups = new ArrayList<>();
        List<Group> owner = new ArrayList<>();
        for (int k = 0; k < tasks.size(); k++) {
            StepTask t = tasks.get(k);
            KernelCall c = calls.get(k);
            int b = c.signature().serial() ? 1 : blocks.applyAsInt(c, t.size());
            Group joined = null;
            for (int g = groups.size() - 1; g >= 0 && joined == null; g--) {
                Group candidate = groups.get(g);
                if (fits(candidate, t, c, b, maxArguments) && movable(c, candidate, calls, owner)) {
                    joined = candidate;
                }
            }
            if (joined == null) {
                joined = new Group(c.signature().serial(), t.size(), b, k);
                groups.add(joined);
            }
            joined.add(t, c);
            owner.add(joined);
        }
        return groups;
    }

    /**
     * {@return the groups with each small chain merged into a serial group next to it}, run there on one
     * work-item over all its items, member after member: one launch less. Neighbouring groups run one
     * after the other anyway, so the merged group, which runs the first group's tasks and then the
     * second's, gives the same state; a chain run as one range gives what its blocks give. Two groups
     * merge when one of them is serial, the other serial or a chain of at most {@code serialItems} items,
     * and together they stay within the argument limit and one package. On a device whose launches cost
     * more than a few thousand items' work on one work-item (a CPU device: a launch there wakes the
     * driver's threads), that trades a launch for less than its cost.
     *
     * @param groups       a step's groups, in the order they run ({@link #plan})
     * @param maxArguments how many arguments a device kernel may take besides its size
     * @param serialItems  the most items a chain may have to run on one work-item (0: none)
     */
    public static List<Group> serialize(List<Group> groups, int maxArguments, int serialItems) {
        List<Group> out = new ArrayList<>(groups);
        for (int k = 0; k + 1 < out.size(); ) {
            Group merged = merged(out.get(k), out.get(k + 1), maxArguments, serialItems);
            if (merged == null) {
                k++;
                continue;
            }
            out.set(k, merged);
            out.remove(k + 1);
            // The merged group may now merge with the one before it.
            k = Math.max(0, k - 1);
        }
        return out;
    }

    /**
     * {@return the whole step as one serial group, its tasks in order, or null where their kernels are in
     * more than one package that is not public} (a fused kernel calls its members from one package). Run
     * by a kernel that loops over steps ({@link FusedKernel#FusedKernel(Group, boolean)}), one launch then
     * runs many steps on one work-item: on a CPU device, where a launch costs more than a small network's
     * step (BENCHMARKS.md), that is the fastest form. It takes every array of the step as an argument, so
     * its backend hands it to the device past the limit of a typed task ({@code DeviceTasks}). Running
     * every task over all its items, in task order, gives what running the step's launches one after the
     * other gives, as {@link #serialize} does for two groups.
     *
     * @param tasks one step's tasks, in order, each with a kernel
     * @param calls their kernel calls
     */
    public static Group whole(List<StepTask> tasks, List<KernelCall> calls) {
        if (tasks.isEmpty()) {
            return null;
        }
        Group g = new Group(true, tasks.get(0).size(), 1, 0);
        for (int k = 0; k < tasks.size(); k++) {
            KernelCall c = calls.get(k);
            if (!isPublic(c) && g.privatePackage != null
                    && !g.privatePackage.equals(c.signature().declaringClass().getPackageName())) {
                return null;
            }
            g.add(tasks.get(k), c);
        }
        return g;
    }

    /** {@return a and then b as one serial group, or null where they do not merge} */
    private static Group merged(Group a, Group b, int maxArguments, int serialItems) {
        boolean small = (a.serial || a.size <= serialItems) && (b.serial || b.size <= serialItems);
        if (!small) {
            return null;
        }
        if (a.privatePackage != null && b.privatePackage != null && !a.privatePackage.equals(b.privatePackage)) {
            return null;
        }
        Group m = new Group(true, a.size, 1, a.first);
        for (Group g : List.of(a, b)) {
            for (int t = 0; t < g.tasks.size(); t++) {
                m.add(g.tasks.get(t), g.calls.get(t));
            }
        }
        return m.arrays.size() + m.scalarKinds.size() <= maxArguments ? m : null;
    }

    /** Whether {@code c} can run inside {@code g}'s kernel, apart from the tasks in between. */
    private static boolean fits(Group g, StepTask t, KernelCall c, int blocks, int maxArguments) {
        if (g.serial != c.signature().serial() || g.argumentsWith(c) > maxArguments) {
            return false;
        }
        if (!isPublic(c)) {
            String pkg = c.signature().declaringClass().getPackageName();
            boolean otherPackage = g.privatePackage != null ? !g.privatePackage.equals(pkg)
                    : g.calls.stream().anyMatch(m -> !m.signature().declaringClass().getPackageName().equals(pkg));
            if (otherPackage) {
                return false;
            }
        }
        if (g.serial) {
            return true;
        }
        if (g.size != t.size() || g.blocks != blocks) {
            return false;
        }
        // A chain: every array one writes and the other touches, both touch only at their own items.
        Set<Object> local = identitySet();
        local.addAll(c.local());
        for (Object a : c.writes()) {
            if (g.arrays.contains(a) && !(local.contains(a) && g.local.contains(a))) {
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

    /** Whether {@code c} can move to {@code g}'s place: it conflicts with none of the tasks in between. */
    private static boolean movable(KernelCall c, Group g, List<KernelCall> calls, List<Group> owner) {
        for (int u = g.first + 1; u < owner.size(); u++) {
            if (owner.get(u) != g && conflict(c, calls.get(u))) {
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

    private static Set<Class<?>> scalarKinds(KernelCall c) {
        Set<Class<?>> kinds = new HashSet<>();
        for (KernelSignature.Param p : c.signature().params()) {
            if (p.access() == KernelSignature.Access.SCALAR) {
                kinds.add(FusedKernel.packed(p.type()));
            }
        }
        return kinds;
    }

    /**
     * {@return whether {@code c}'s kernel class can be called from a fused kernel in this package}: it is
     * public and this class loader sees it. A pack's package-private kernels, and the public kernels of a
     * model written as equations, which live in a class loader of their own, fuse only with kernels their
     * own loader sees, in their package (see {@code FusedKernel}'s anchor).
     */
    static boolean isPublic(KernelCall c) {
        Class<?> k = c.signature().declaringClass();
        if (!Modifier.isPublic(k.getModifiers())) {
            return false;
        }
        try {
            return Class.forName(k.getName(), false, Fusion.class.getClassLoader()) == k;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Set<Object> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
