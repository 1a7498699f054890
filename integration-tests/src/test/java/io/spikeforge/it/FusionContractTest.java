package io.spikeforge.it;

import io.spikeforge.core.backend.JvmBackend;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import io.spikeforge.core.sim.StateRegistry;
import io.spikeforge.kernels.SpikeKernelsCalls;
import io.spikeforge.kernels.fusion.FusedKernel;
import io.spikeforge.kernels.fusion.Fusion;
import io.spikeforge.kernels.fusion.KernelCompiler;
import io.spikeforge.spi.KernelCall;
import io.spikeforge.spi.Recorder;
import io.spikeforge.spi.RunListener;
import io.spikeforge.spi.StepTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fused kernels a device backend runs ({@link Fusion}), checked without a device: each contract
 * network is built twice from one config; one runs its tasks one by one on the JVM, the other runs the
 * same step as the fused groups, each fused kernel compiled by the JDK's compiler and run as plain
 * Java (its {@code @Parallel} loop one block at a time). After every step every state array of the
 * two is the same, bit for bit.
 */
class FusionContractTest {

    private static final double WARM_MS = 20;
    private static final int CHECKED_STEPS = 30;
    /** Blocks of every parallel kernel, as on a CPU device: tasks fuse when theirs agree. */
    private static final int BLOCKS = 3;
    private static final int MAX_ARGUMENTS = 18;
    /** Steps per launch of a step loop. */
    private static final int LOOP_STEPS = 7;

    static Stream<String> configs() throws IOException {
        return DeviceContract.configs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void fusedKernelsGiveTheStateOfTheirMembersRunOneAfterAnother(String file) throws Exception {
        check(file, false);
    }

    /**
     * The same with every chain small enough to run on one work-item ({@link Fusion#serialize}, as on a
     * CPU device): neighbouring groups merge into serial ones, the chains' tasks then run over all their
     * items at once, and the state is still that of the tasks run one by one.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void serialLaunchesGiveTheStateOfTheirMembersRunOneAfterAnother(String file) throws Exception {
        check(file, true);
    }

    /**
     * The whole step as one kernel looping over steps ({@link Fusion#whole}, the CPU device's form: one
     * launch runs K steps, the clock advanced inside it by the device clock's task): after each launch of
     * K steps the state is that of K steps of the tasks run one by one.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void aStepLoopGivesTheStateOfItsStepsRunOneByOne(String file) throws Exception {
        Network one = DeviceContract.build(file, Overrides.NONE);
        Network looped = DeviceContract.build(file, Overrides.NONE);
        long warm = Math.round(WARM_MS / one.spec().dt());
        Packs.ENGINE.run(one, new JvmBackend(1), warm, RunListener.NONE);
        Packs.ENGINE.run(looped, new JvmBackend(1), warm, RunListener.NONE);
        List<StepTask> tasks = new ArrayList<>(looped.tasks());
        tasks.add(StepTask.of("device clock", 1, SpikeKernelsCalls.tick(looped.clock())));
        List<KernelCall> calls = tasks.stream().map(t -> t.kernel().orElseThrow()).toList();
        // Kernels that Fusion's class loader does not see (the classes of models written as equations, each
        // model in its own package, where no device class path holds them all) can share a kernel only
        // within one package; with an SDK's class path (-Ptornado) every such network runs here too.
        java.util.Set<String> hidden = calls.stream().map(c -> c.signature().declaringClass())
                .filter(c -> !java.lang.reflect.Modifier.isPublic(c.getModifiers())
                        || !visible(c, Fusion.class.getClassLoader()))
                .map(Class::getPackageName).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        org.junit.jupiter.api.Assumptions.assumeTrue(hidden.size() <= 1, file + ": its kernels are in "
                + hidden.size() + " packages that this class loader does not see (" + hidden + "), which one step"
                + " loop cannot call from one class here; TornadoBackendTest runs it on a device");
        Fusion.Group whole = Fusion.whole(tasks, calls);
        assertTrue(whole != null && whole.serial() && whole.tasks().size() == tasks.size(), file + ": one group");
        FusedKernel kernel = new FusedKernel(whole, true);
        // On the device every member's class reaches TornadoVM through one class path; here the kernel is
        // defined beside a member (its anchor), whose class loader must see every other member.
        List<String> unseen = calls.stream().map(c -> c.signature().declaringClass())
                .filter(c -> !visible(c, kernel.anchor().getClassLoader())).map(Class::getName).distinct().toList();
        org.junit.jupiter.api.Assumptions.assumeTrue(unseen.isEmpty(), file + ": the class loader of "
                + kernel.anchor().getName() + " does not see " + unseen + ", so the JVM cannot define the step loop beside"
                + " it (the device reads them all from its class path)");
        assertTrue(kernel.source().contains("for (int step = 0; step < steps; step++)"), kernel.source());
        Method run = KernelCompiler.define(kernel, new KernelCompiler().compile(List.of(kernel)).get(kernel.className()))
                .getMethod("run", kernel.parameterTypes());
        List<Object> args = new ArrayList<>();
        args.add(LOOP_STEPS);
        args.addAll(kernel.arguments());
        java.util.Set<Object> state = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        calls.forEach(c -> state.addAll(c.args().stream().filter(a -> a.getClass().isArray()).toList()));
        for (int launch = 0; launch < CHECKED_STEPS / LOOP_STEPS; launch++) {
            for (int step = 0; step < LOOP_STEPS; step++) {
                for (StepTask t : one.tasks()) {
                    t.run(0, t.size());
                }
                one.clock()[0]++;
            }
            run.invoke(null, args.toArray());
            assertArrayEquals(one.clock(), looped.clock(), file + ": the clock, launch " + launch);
            for (StateRegistry.State s : one.states().all()) {
                Object other = looped.states().find(s.name()).orElseThrow().array();
                if (state.contains(other)) {
                    assertSame(s.array(), other, file + ", launch " + launch + ": " + s.name());
                }
            }
        }
    }

    private static boolean visible(Class<?> c, ClassLoader loader) {
        try {
            return Class.forName(c.getName(), false, loader) == c;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static void check(String file, boolean serialize) throws Exception {
        Network one = DeviceContract.build(file, Overrides.NONE);
        Network fused = DeviceContract.build(file, Overrides.NONE);
        long warm = Math.round(WARM_MS / one.spec().dt());
        Packs.ENGINE.run(one, new JvmBackend(1), warm, RunListener.NONE);
        Packs.ENGINE.run(fused, new JvmBackend(1), warm, RunListener.NONE);
        List<KernelCall> calls = fused.tasks().stream().map(t -> t.kernel().orElseThrow()).toList();
        List<Fusion.Group> groups = Fusion.plan(fused.tasks(), calls, MAX_ARGUMENTS, (c, size) -> Math.min(size, BLOCKS));
        if (serialize) {
            List<Fusion.Group> serial = Fusion.serialize(groups, MAX_ARGUMENTS + 1, Integer.MAX_VALUE);
            assertTrue(serial.size() < groups.size(), file + ": " + groups.size() + " launches merge into fewer");
            groups = serial;
        }
        List<Runnable> launches = launches(groups);
        assertTrue(groups.stream().anyMatch(g -> g.tasks().size() > 1), file + ": something fuses");
        assertTrue(groups.size() < fused.tasks().size(), file + ": fewer launches than tasks");
        for (int step = 0; step < CHECKED_STEPS; step++) {
            for (StepTask t : one.tasks()) {
                t.run(0, t.size());
            }
            launches.forEach(Runnable::run);
            for (Network n : List.of(one, fused)) {
                for (Recorder r : n.recorders()) {
                    r.task().run(0, r.task().size());
                }
                n.clock()[0]++;
            }
            for (StateRegistry.State s : one.states().all()) {
                assertSame(s.array(), fused.states().find(s.name()).orElseThrow().array(), file + ", step " + step
                        + ": " + s.name());
            }
        }
    }

    /** One launch per group: a lone task's device form, or the group's fused kernel, both as plain Java. */
    private static List<Runnable> launches(List<Fusion.Group> groups) throws Exception {
        List<FusedKernel> kernels = new ArrayList<>();
        for (Fusion.Group g : groups) {
            if (fused(g)) {
                kernels.add(new FusedKernel(g));
            }
        }
        Map<String, byte[]> classes = new KernelCompiler().compile(kernels);
        List<Runnable> out = new ArrayList<>();
        int k = 0;
        for (Fusion.Group g : groups) {
            Method form;
            List<Object> args = new ArrayList<>();
            if (fused(g)) {
                FusedKernel kernel = kernels.get(k++);
                form = KernelCompiler.define(kernel, classes.get(kernel.className())).getMethod("run",
                        kernel.parameterTypes());
                args.add(kernel.size());
                if (!kernel.serial()) {
                    args.add(g.blocks());
                }
                args.addAll(kernel.arguments());
            } else {
                KernelCall c = g.calls().get(0);
                form = c.signature().deviceMethod();
                args.add(g.tasks().get(0).size());
                if (!c.signature().serial()) {
                    args.add(g.blocks());
                }
                args.addAll(c.args());
            }
            Object[] a = args.toArray();
            out.add(() -> {
                try {
                    form.invoke(null, a);
                } catch (InvocationTargetException e) {
                    throw new AssertionError(g.tasks() + " failed", e.getCause());
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            });
        }
        return out;
    }

    /** Whether the group runs as a fused kernel: several tasks, or a parallel kernel on one work-item. */
    private static boolean fused(Fusion.Group g) {
        return g.tasks().size() > 1 || g.serial() != g.calls().get(0).signature().serial();
    }

    private static void assertSame(Object one, Object fused, String what) {
        switch (one) {
            case float[] f -> assertArrayEquals(f, (float[]) fused, what);
            case int[] i -> assertArrayEquals(i, (int[]) fused, what);
            case long[] l -> assertArrayEquals(l, (long[]) fused, what);
            default -> fail(what);
        }
    }
}
