package io.spikeforge.it;

import io.spikeforge.core.backend.JvmBackend;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.plugin.PluginRegistry;
import io.spikeforge.core.sim.Network;
import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.KernelCall;
import io.spikeforge.spi.KernelSignature;
import io.spikeforge.spi.ModelKind;
import io.spikeforge.spi.Recorder;
import io.spikeforge.spi.RunListener;
import io.spikeforge.spi.StepTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract between a kernel's JVM call and its device form, checked without a device: every task
 * of every contract network (every registered model, built-in and sample pack) runs a kernel with a
 * device form of the same signature, and running those forms as plain Java (each {@code @Parallel}
 * loop one item at a time) gives the state the JVM's calls over whole ranges give, bit for bit, task
 * after task.
 */
class DeviceContractTest {

    /** Simulated time run on the JVM first, so that spikes, traces and weights are under way. */
    private static final double WARM_MS = 20;
    /** Steps whose every task is run both ways. */
    private static final int CHECKED_STEPS = 40;

    static Stream<String> configs() throws IOException {
        return DeviceContract.configs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void everyTaskGivesTheSameStateThroughItsJvmCallAndItsDeviceForm(String file) throws Exception {
        Network net = DeviceContract.build(file, Overrides.NONE);
        Packs.ENGINE.run(net, new JvmBackend(1), Math.round(WARM_MS / net.spec().dt()), RunListener.NONE);
        Set<Object> state = Collections.newSetFromMap(new IdentityHashMap<>());
        net.states().all().forEach(s -> state.add(s.array()));
        List<Recorder.DeviceRecording> recordings = new ArrayList<>();
        for (Recorder r : net.recorders()) {
            Recorder.DeviceRecording d = r.deviceRecording(1);
            if (d != null) {
                recordings.add(d);
                state.add(d.buffer());
                state.add(d.fill());
            }
        }
        // Two device-side worlds: one work-item per item, and three blocks of items per kernel.
        List<Map<Object, Object>> worlds = List.of(new IdentityHashMap<>(), new IdentityHashMap<>());
        int[] blocks = {Integer.MAX_VALUE, 3};
        for (int step = 0; step < CHECKED_STEPS; step++) {
            for (StepTask t : net.tasks()) {
                checkBothWays(t, worlds, blocks, state);
            }
            for (Recorder.DeviceRecording d : recordings) {
                checkBothWays(d.task(), worlds, blocks, state);
                d.fill()[0] = 0;
                worlds.forEach(w -> ((int[]) w.get(d.fill()))[0] = 0);
            }
            for (Recorder r : net.recorders()) {
                r.task().run(0, r.task().size());
            }
            net.clock()[0]++;
            for (Map<Object, Object> w : worlds) {
                if (w.get(net.clock()) instanceof int[] clock) {
                    clock[0]++;
                }
            }
        }
        for (int k = 0; k < worlds.size(); k++) {
            for (Map.Entry<Object, Object> e : worlds.get(k).entrySet()) {
                if (state.contains(e.getKey())) {
                    assertSameArray(e.getKey(), e.getValue(), net.states().nameOf(e.getKey()) + " after "
                            + CHECKED_STEPS + " steps, device world " + k);
                }
            }
        }
        long spikes = net.groups().stream().mapToLong(g -> g.spikeTotal()[0]).sum();
        assertTrue(spikes > 50, file + " is active: " + spikes + " spikes");
    }

    /**
     * Runs the task's device form in each device-side world, on that world's twins of its arrays (made
     * from the arrays when first met) and with at most that world's number of blocks, then the task
     * itself on the arrays, and compares each state array it writes. Arrays that are not state may
     * differ by design: how a spike scan lays out its runs depends on the split, and the serial join
     * that follows reads any layout into the same spike list.
     */
    private static void checkBothWays(StepTask t, List<Map<Object, Object>> worlds, int[] blocks, Set<Object> state)
            throws Exception {
        KernelCall call = t.kernel().orElseThrow(() -> new AssertionError("task " + t.name() + " runs a body of its"
                + " own instead of a kernel, so no device can run it"));
        KernelSignature s = call.signature();
        Method device = s.deviceMethod();
        assertTrue(Modifier.isStatic(device.getModifiers()), s + "'s device form is static");
        for (int w = 0; w < worlds.size(); w++) {
            Map<Object, Object> twins = worlds.get(w);
            List<Object> args = new ArrayList<>();
            args.add(t.size());
            if (!s.serial()) {
                args.add(Math.max(1, Math.min(t.size(), blocks[w])));
            }
            for (Object a : call.args()) {
                args.add(a.getClass().isArray() ? twins.computeIfAbsent(a, DeviceContractTest::copy) : a);
            }
            try {
                device.invoke(null, args.toArray());
            } catch (InvocationTargetException e) {
                throw new AssertionError("the device form of " + s + " (task " + t.name() + ") failed", e.getCause());
            }
        }
        t.run(0, t.size());
        for (Object written : call.writes()) {
            if (state.contains(written)) {
                for (int w = 0; w < worlds.size(); w++) {
                    assertSameArray(written, worlds.get(w).get(written), t.name() + " (" + s + "), device world " + w);
                }
            }
        }
    }

    private static Object copy(Object array) {
        return switch (array) {
            case float[] f -> f.clone();
            case int[] i -> i.clone();
            case long[] l -> l.clone();
            case double[] d -> d.clone();
            case short[] h -> h.clone();
            default -> throw new AssertionError("not a primitive array: " + array.getClass());
        };
    }

    private static void assertSameArray(Object jvm, Object device, String what) {
        switch (jvm) {
            case float[] f -> assertArrayEquals(f, (float[]) device, what);
            case int[] i -> assertArrayEquals(i, (int[]) device, what);
            case long[] l -> assertArrayEquals(l, (long[]) device, what);
            case double[] d -> assertArrayEquals(d, (double[]) device, what);
            case short[] h -> assertArrayEquals(h, (short[]) device, what);
            default -> fail(what);
        }
    }

    @Test
    void everyRegisteredModelWithStepTasksIsInAContractNetwork() throws IOException {
        Map<ModelKind, Set<String>> used = DeviceContract.modelsUsed();
        List<String> missing = new ArrayList<>();
        for (ModelKind kind : DeviceContract.KINDS_WITH_TASKS) {
            for (PluginRegistry.Entry e : Packs.ENGINE.registry().entries(kind)) {
                if (!used.get(kind).contains(e.factory().name())) {
                    missing.add(kind.word() + " " + e.factory().name() + " (" + e.pack() + ")");
                }
            }
        }
        assertEquals(List.of(), missing, "add these models to a network in " + DeviceContract.DIR);
    }

    @Test
    void everyKernelOfEveryPackIsRunByAContractNetwork() throws IOException {
        Set<String> declared = new TreeSet<>();
        Set<ClassLoader> loaders = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ModelKind kind : ModelKind.values()) {
            Packs.ENGINE.registry().entries(kind).forEach(e -> loaders.add(e.factory().getClass().getClassLoader()));
        }
        for (ClassLoader loader : loaders) {
            for (Class<?> c : kernelClasses(loader)) {
                for (Method m : c.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(Kernel.class)) {
                        declared.add(c.getSimpleName() + "." + m.getName());
                    }
                }
            }
        }
        assertTrue(declared.contains("NeuronKernels.lif"), declared.toString());
        Set<String> run = new TreeSet<>();
        for (String file : DeviceContract.configs().toList()) {
            Network net = DeviceContract.build(file, Overrides.NONE);
            net.tasks().forEach(t -> t.kernel().ifPresent(k -> run.add(k.signature().qualifiedName())));
            for (Recorder r : net.recorders()) {
                Recorder.DeviceRecording d = r.deviceRecording(1);
                if (d != null) {
                    run.add(d.task().kernel().orElseThrow().signature().qualifiedName());
                }
            }
        }
        // The device's own step clock: the TornadoVM backend runs it after every step.
        run.add("SpikeKernels.tick");
        // The reset of a recorder's device buffer at a batch's first step: the backend adds it beside each
        // recorder's device task (MonitorKernelsTest checks it, TornadoBackendTest's batched runs use it).
        run.add("MonitorKernels.startBatch");
        declared.removeAll(run);
        assertEquals(Set.of(), declared, "kernels that no contract network runs; add a network to "
                + DeviceContract.DIR + " that uses them");
    }

    /** @return the classes listed in the processor's index files that {@code loader} sees */
    private static List<Class<?>> kernelClasses(ClassLoader loader) throws IOException {
        List<Class<?>> out = new ArrayList<>();
        Enumeration<URL> indexes = loader.getResources("META-INF/spikeforge/kernel-classes");
        for (URL u : Collections.list(indexes)) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(u.openStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank()) {
                        try {
                            out.add(Class.forName(line.strip(), false, loader));
                        } catch (ClassNotFoundException e) {
                            throw new AssertionError("the index " + u + " lists a class it cannot load: " + line, e);
                        }
                    }
                }
            }
        }
        return out;
    }
}
