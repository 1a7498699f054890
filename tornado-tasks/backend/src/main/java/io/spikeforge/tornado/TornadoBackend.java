package io.spikeforge.tornado;

import io.spikeforge.kernels.MonitorKernels;
import io.spikeforge.kernels.MonitorKernelsCalls;
import io.spikeforge.kernels.SpikeKernelsCalls;
import io.spikeforge.kernels.fusion.FusedKernel;
import io.spikeforge.kernels.fusion.Fusion;
import io.spikeforge.spi.Backend;
import io.spikeforge.spi.BackendUnavailableException;
import io.spikeforge.spi.KernelCall;
import io.spikeforge.spi.NetworkView;
import io.spikeforge.spi.Recorder;
import io.spikeforge.spi.RunListener;
import io.spikeforge.spi.StepTask;
import uk.ac.manchester.tornado.api.ImmutableTaskGraph;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.TornadoExecutionResult;
import uk.ac.manchester.tornado.api.common.TornadoDevice;
import uk.ac.manchester.tornado.api.enums.DataTransferMode;
import uk.ac.manchester.tornado.api.enums.ProfilerMode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a network's steps as TornadoVM task graphs on one device. On a CPU device the whole step runs
 * as one serial kernel looping over a round trip's steps ({@link Fusion#whole}, {@link #STEP_LOOP_PROPERTY}):
 * one launch per round trip. Otherwise every task of the step runs its
 * kernel's device form ({@link DeviceTasks}), and tasks that can run as one kernel do ({@link Fusion}):
 * a population's elementwise passes, and the step's serial bookkeeping. The state goes to the device
 * once and stays there. The graph holds one step, followed by the recorders' device tasks, and is
 * compiled once, in {@link #prepare}, before the run's clock starts. When every recorder can record on
 * the device, a round trip is a batch of K executions of that same graph: the recorders' buffers come
 * back once per batch (and start it empty, {@link MonitorKernels#startBatch}), the state only when a
 * check, a checkpoint or the run's end needs it; K divides both the run and the listener's check
 * interval, so NaN checks and checkpoints still fall on their steps. Otherwise K is 1 and the
 * recorders run on the host after every step.
 */
final class TornadoBackend implements Backend {

    /**
     * The most steps per round trip: each is one more execution of the same compiled graph, so the limit
     * is what the recorders' buffers may take ({@link #BUFFER_BYTES}) and how often a run's progress is
     * seen. {@code -Dspikeforge.tornado.batch=K} sets a lower limit, to measure round trips.
     */
    static final int MAX_BATCH = Integer.getInteger("spikeforge.tornado.batch", 100);
    /**
     * The most bytes the recorders' device buffers of one batch may take: they are sized for the worst
     * case (every monitored neuron spiking every step) and copied back whole after each batch.
     */
    private static final long BUFFER_BYTES = 64L << 20;
    /** {@code -Dspikeforge.tornado.fusion=false} runs every task as its own kernel, to measure fusion. */
    private static final boolean FUSION = !"false".equals(System.getProperty("spikeforge.tornado.fusion"));
    /**
     * {@code -Dspikeforge.tornado.profile=true} ({@code bench --profile}) asks TornadoVM's profiler for
     * the device's kernel time, which {@link #stats()} then reports per step; profiling costs time.
     */
    static final String PROFILE_PROPERTY = "spikeforge.tornado.profile";
    /**
     * {@code -Dspikeforge.tornado.stepLoop=true} runs the whole step as one serial kernel that loops over
     * the batch's steps, so that one launch runs K steps ({@link Fusion#whole}); {@code false} runs each
     * step as its launches; unset, the step loop is chosen on a CPU device ({@link Blocks#stepLoop}).
     * Read at each {@link #prepare}.
     */
    static final String STEP_LOOP_PROPERTY = "spikeforge.tornado.stepLoop";

    private final NetworkView network;
    private final TornadoDevice device;
    private final String deviceName;
    private final DeviceClassPath classPath = new DeviceClassPath();
    private final DeviceTasks deviceTasks = new DeviceTasks(classPath);
    private final FusedClasses fusedClasses = new FusedClasses();
    private final Blocks blocks;
    private final List<StepTask> tasks = new ArrayList<>();
    private final List<KernelCall> calls = new ArrayList<>();
    private final List<Object> state = new ArrayList<>();
    private final Set<Object> written = Collections.newSetFromMap(new IdentityHashMap<>());
    private final StepTask tick;
    /** The run's first step modulo the batch: where the device's batches start ({@link MonitorKernels#startBatch}). */
    private int phase;
    private Prepared prepared;
    private final Map<String, Object> stats = new LinkedHashMap<>();

    /**
     * A compiled plan for batches of {@code batch} steps; {@code onDemand} are the written state arrays
     * that come back to the host only when a check, a checkpoint or the run's end needs them.
     */
    private record Prepared(int batch, boolean stepLoop, List<Recorder.DeviceRecording> recordings,
                            List<Fusion.Group> groups, TornadoExecutionPlan plan, Object[] onDemand,
                            Object[] batchOutputs) {
    }

    TornadoBackend(NetworkView network, TornadoDevice device, String deviceName) {
        this.network = network;
        this.device = device;
        this.deviceName = deviceName;
        this.blocks = new Blocks(device);
        Set<Object> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        for (StepTask t : network.tasks()) {
            KernelCall call = t.kernel().orElseThrow(() -> new BackendUnavailableException("task '" + t.name()
                    + "' cannot run on TornadoVM: it runs a body of its own, not a kernel (a @Kernel method"
                    + " called through its generated Calls class). Run this network with --backend jvm."));
            tasks.add(t);
            calls.add(call);
            collect(call, arrays);
        }
        this.tick = StepTask.of("device clock", 1, SpikeKernelsCalls.tick(network.clock()));
        if (arrays.add(network.clock())) {
            state.add(network.clock());
        }
    }

    private void collect(KernelCall call, Set<Object> arrays) {
        for (Object a : call.args()) {
            if (a.getClass().isArray() && arrays.add(a)) {
                state.add(a);
            }
        }
        written.addAll(call.writes());
    }

    @Override
    public String name() {
        return "tornado";
    }

    @Override
    public int threads() {
        return 1;
    }

    @Override
    public Map<String, Object> stats() {
        return Collections.unmodifiableMap(stats);
    }

    @Override
    public String describe(NetworkView net) {
        long steps = net.endStep() - net.clock()[0];
        int batch = batchFor(steps, Long.MAX_VALUE);
        List<Recorder.DeviceRecording> recs = batch > 1 ? recordings(batch) : List.of();
        return plan(groups(recs, batch), recs, batch);
    }

    /** @return whether a step runs as one kernel looping over the batch's steps (see {@link #STEP_LOOP_PROPERTY}) */
    private boolean stepLoop() {
        String forced = System.getProperty(STEP_LOOP_PROPERTY);
        boolean wanted = forced == null || forced.isBlank() ? blocks.stepLoop() : Boolean.parseBoolean(forced.trim());
        return wanted && FUSION && DeviceClassPath.configured();
    }

    /** @return whether these groups are one step loop: one serial group holding the device clock's tick */
    private boolean isStepLoop(List<Fusion.Group> groups) {
        return groups.size() == 1 && groups.get(0).serial() && groups.get(0).tasks().contains(tick)
                && groups.get(0).tasks().size() > 1;
    }

    /** @return the steps per round trip of the last run (1 before any) */
    int lastBatch() {
        return prepared == null ? 1 : prepared.batch();
    }

    /**
     * @return the largest batch that divides both the run and the check interval and whose recorders'
     *         buffers fit {@link #BUFFER_BYTES}, at most MAX_BATCH
     */
    private int batchFor(long steps, long interval) {
        List<Recorder.DeviceRecording> recs = recordings(1);
        if (recs == null) {
            return 1;
        }
        long perStep = 1;
        for (Recorder.DeviceRecording r : recs) {
            perStep += 4L * java.lang.reflect.Array.getLength(r.buffer());
        }
        long fits = Math.max(1, BUFFER_BYTES / perStep);
        long g = interval == Long.MAX_VALUE ? steps : gcd(steps, interval);
        for (int k = (int) Math.min(MAX_BATCH, fits); k > 1; k--) {
            if (g % k == 0) {
                return k;
            }
        }
        return 1;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** @return every recorder's device recording for batches of {@code batch} steps, or null if one has none */
    private List<Recorder.DeviceRecording> recordings(int batch) {
        List<Recorder.DeviceRecording> out = new ArrayList<>();
        for (Recorder m : network.recorders()) {
            Recorder.DeviceRecording r = m.deviceRecording(batch);
            if (r == null || r.task().kernel().isEmpty()) {
                return null;
            }
            out.add(r);
        }
        return out;
    }

    /**
     * The launches of one step: the tasks, the recorders' device tasks (each after the reset of its
     * buffer at a batch's first step), then the device clock, fused.
     */
    private List<Fusion.Group> groups(List<Recorder.DeviceRecording> recs, int batch) {
        List<StepTask> all = new ArrayList<>(tasks);
        List<KernelCall> allCalls = new ArrayList<>(calls);
        for (Recorder.DeviceRecording r : recs == null ? List.<Recorder.DeviceRecording>of() : recs) {
            StepTask reset = StepTask.of(r.task().name() + ".batch-start", 1,
                    MonitorKernelsCalls.startBatch(network.clock(), phase, batch, r.fill()));
            all.add(reset);
            allCalls.add(reset.kernel().orElseThrow());
            all.add(r.task());
            allCalls.add(r.task().kernel().orElseThrow());
        }
        all.add(tick);
        allCalls.add(tick.kernel().orElseThrow());
        if (stepLoop()) {
            Fusion.Group whole = Fusion.whole(all, allCalls);
            if (whole != null) {
                return List.of(whole);
            }
        }
        if (FUSION && DeviceClassPath.configured()) {
            return Fusion.serialize(Fusion.plan(all, allCalls, DeviceTasks.MAX_ARGUMENTS - 2, blocks::of),
                    DeviceTasks.MAX_ARGUMENTS - 1, blocks.serialItems());
        }
        List<Fusion.Group> alone = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            alone.add(Fusion.Group.of(all.get(k), allCalls.get(k), blocks.of(allCalls.get(k), all.get(k).size())));
        }
        return alone;
    }

    private String plan(List<Fusion.Group> groups, List<Recorder.DeviceRecording> recs, int batch) {
        boolean loop = isStepLoop(groups);
        StringBuilder sb = new StringBuilder("TornadoVM plan on " + deviceName + ", one step's graph compiled"
                + " once and " + (loop ? "executed once for" : "executed for") + " up to " + batch + " step(s) per"
                + " round trip (a divisor of the run's steps and of the NaN-check and checkpoint intervals), "
                + (loop ? "1 launch per round trip, looping over its steps on one work-item (" + STEP_LOOP_PROPERTY
                        + "=false: launches per step):\n" : groups.size() + " launches per step:\n"));
        sb.append("  to device once (first execution): ").append(names(state)).append('\n');
        for (int k = 0; k < groups.size(); k++) {
            Fusion.Group g = groups.get(k);
            sb.append("  launch ").append(k).append(loop ? " (1 work-item, every step of the round trip): "
                    : g.serial() ? " (1 work-item): " : " (" + g.size() + " items in " + g.blocks() + " blocks): ");
            for (int m = 0; m < g.tasks().size(); m++) {
                sb.append(m == 0 ? "" : ", ").append(g.tasks().get(m).name()).append(" [").append(g.calls().get(m))
                        .append(']');
            }
            sb.append('\n');
        }
        if (batch > 1) {
            sb.append("  to host after every ").append(batch).append(" steps: the recorders' buffers; when a check,"
                    + " a checkpoint or the run's end needs them: ")
                    .append(names(state.stream().filter(written::contains).toList())).append('\n');
        } else {
            sb.append("  to host after every step: ").append(names(state.stream().filter(written::contains).toList()))
                    .append('\n');
        }
        if (batch == 1) {
            for (Recorder r : network.recorders()) {
                sb.append("  host ").append(r.task().name()).append('\n');
            }
        }
        return sb.toString();
    }

    private String names(List<Object> arrays) {
        List<String> out = new ArrayList<>();
        for (Object a : arrays) {
            out.add(network.nameOf(a));
        }
        return String.join(", ", new LinkedHashSet<>(out));
    }

    @Override
    public void prepare(NetworkView net, long steps, RunListener listener) {
        int batch = batchFor(steps, listener.checkInterval());
        if (prepared != null && prepared.batch() == batch && phase == net.clock()[0] % batch) {
            return;
        }
        close();
        long t0 = System.nanoTime();
        List<Recorder.DeviceRecording> recs = batch > 1 ? recordings(batch) : List.of();
        phase = net.clock()[0] % batch;
        List<Fusion.Group> groups = groups(recs, batch);
        boolean loop = isStepLoop(groups);
        Map<Fusion.Group, FusedKernel> fused = new LinkedHashMap<>();
        for (Fusion.Group g : groups) {
            // A parallel kernel on one work-item (Fusion.serialize) runs as a fused kernel of one too.
            if (loop || g.calls().size() > 1 || DeviceTasks.tooWide(g.calls().get(0))
                    || g.serial() != g.calls().get(0).signature().serial()) {
                fused.put(g, new FusedKernel(g, loop));
                for (int m = 0; m < g.calls().size(); m++) {
                    classPath.makeVisible(g.calls().get(m).signature().deviceClass(), g.tasks().get(m).name());
                }
            }
        }
        List<java.lang.reflect.Method> runs = fused.isEmpty() ? List.of() : fusedClasses.load(List.copyOf(fused.values()));
        Map<Fusion.Group, java.lang.reflect.Method> forms = new IdentityHashMap<>();
        int c = 0;
        for (Fusion.Group g : fused.keySet()) {
            forms.put(g, runs.get(c++));
        }
        List<Object> onDemand = new ArrayList<>();
        List<Object> batchOutputs = new ArrayList<>();
        TaskGraph tg = graph(net.clock(), batch, recs, groups, fused, forms, onDemand, batchOutputs);
        TornadoExecutionPlan plan = new TornadoExecutionPlan(tg.snapshot());
        plan.withDevice(device);
        if (Boolean.getBoolean(PROFILE_PROPERTY)) {
            plan.withProfiler(ProfilerMode.SILENT);
        }
        try {
            plan.withPreCompilation();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // TornadoVM reports what it cannot compile as an Error (TornadoInternalError, "unimplemented").
            String why = reason(e);
            if (why.contains("Graph resize")) {
                why += " (TornadoVM 5.2 holds at most 1024 nodes in a graph, a few per argument of each launch, and"
                        + " this step's graph has " + groups.size() + " launches: split the network, or run it with"
                        + " --backend jvm)";
            }
            throw new BackendUnavailableException("TornadoVM could not compile " + culprit(e, groups) + " on "
                    + deviceName + ": " + why);
        }
        double compile = (System.nanoTime() - t0) / 1e9;
        prepared = new Prepared(batch, loop, recs, groups, plan, onDemand.toArray(), batchOutputs.toArray());
        stats.put("compile_s", compile);
        stats.put("fused_kernels_compiled", fusedClasses.compiled());
        stats.put("java_compile_s", fusedClasses.compileSeconds());
        // With the step loop a launch runs the round trip's steps: a fraction of a launch per step.
        stats.put("launches_per_step", loop ? 1.0 / batch : groups.size());
        stats.put("steps_per_launch", loop ? batch : 1);
        stats.put("steps_per_round_trip", batch);
    }

    /**
     * The graph of one step. With recorders on the device (a batch of several steps) nothing comes back
     * by itself: the recorders' buffers and fill counters ({@code batchOutputs}) are fetched after every
     * batch, the written state ({@code onDemand}) when the listener needs it; with recorders on the host,
     * the state comes back after every step, for them to read.
     */
    private TaskGraph graph(int[] clock, int batch, List<Recorder.DeviceRecording> recs, List<Fusion.Group> groups,
                            Map<Fusion.Group, FusedKernel> fused, Map<Fusion.Group, java.lang.reflect.Method> forms,
                            List<Object> onDemand, List<Object> batchOutputs) {
        List<Object> toDevice = new ArrayList<>(state);
        List<Object> writtenState = state.stream().filter(a -> written.contains(a) && a != clock).toList();
        List<Object> toHost = new ArrayList<>(batch > 1 ? List.of() : writtenState);
        if (batch > 1) {
            onDemand.addAll(writtenState);
        }
        Set<Object> known = Collections.newSetFromMap(new IdentityHashMap<>());
        known.addAll(state);
        for (Recorder.DeviceRecording r : recs) {
            for (Object a : r.task().kernel().orElseThrow().args()) {
                if (a.getClass().isArray() && a != r.buffer() && known.add(a)) {
                    toDevice.add(a);
                }
            }
            batchOutputs.add(r.buffer());
            batchOutputs.add(r.fill());
            known.add(r.buffer());
        }
        for (FusedKernel f : fused.values()) {
            for (Object a : f.arguments()) {
                if (known.add(a)) {
                    toDevice.add(a);
                }
            }
        }
        TaskGraph tg = new TaskGraph("steps").transferToDevice(DataTransferMode.FIRST_EXECUTION, toDevice.toArray());
        for (int k = 0; k < groups.size(); k++) {
            Fusion.Group g = groups.get(k);
            String id = "g" + k;
            if (fused.containsKey(g) && fused.get(g).stepLoop()) {
                deviceTasks.addStepLoop(tg, id, fused.get(g), forms.get(g), batch);
            } else if (!fused.containsKey(g)) {
                deviceTasks.add(tg, id, g.tasks().get(0).name(), g.size(), g.blocks(), g.calls().get(0));
            } else {
                deviceTasks.add(tg, id, fused.get(g), forms.get(g), g.blocks());
            }
        }
        if (!toHost.isEmpty()) {
            tg.transferToHost(DataTransferMode.EVERY_EXECUTION, toHost.toArray());
        }
        List<Object> underDemand = new ArrayList<>(onDemand);
        underDemand.addAll(batchOutputs);
        if (!underDemand.isEmpty()) {
            tg.transferToHost(DataTransferMode.UNDER_DEMAND, underDemand.toArray());
        }
        return tg;
    }

    @Override
    public long run(NetworkView net, long steps, RunListener listener) {
        if (steps <= 0) {
            return 0;
        }
        prepare(net, steps, listener);
        Prepared p = prepared;
        int batch = p.batch();
        int[] clock = net.clock();
        long interval = listener.checkInterval();
        long done = 0;
        long kernelNanos = 0;
        boolean profiled = Boolean.getBoolean(PROFILE_PROPERTY);
        try {
            while (done < steps) {
                TornadoExecutionResult result = null;
                // The step loop runs the batch's steps in one execution.
                for (int u = 0; u < (p.stepLoop() ? 1 : batch); u++) {
                    result = p.plan().execute();
                    if (profiled) {
                        kernelNanos += result.getProfilerResult().getDeviceKernelTime();
                    }
                }
                if (batch == 1) {
                    for (Recorder r : net.recorders()) {
                        r.task().run(0, r.task().size());
                    }
                } else {
                    result.transferToHost(p.batchOutputs());
                    p.recordings().forEach(r -> r.drain().run());
                }
                clock[0] += batch;
                done += batch;
                listener.progress(done, steps);
                // The listener reads the state only at its interval, on a stop and at the end: fetch it then.
                if (batch == 1 || done >= steps || clock[0] % interval == 0 || listener.stopRequested()) {
                    if (p.onDemand().length > 0) {
                        result.transferToHost(p.onDemand());
                    }
                    if (listener.afterStep(clock[0])) {
                        break;
                    }
                }
            }
        } catch (BackendUnavailableException | VirtualMachineError e) {
            throw e;
        } catch (Exception | Error e) {
            throw new BackendUnavailableException("TornadoVM could not run " + culprit(e, p.groups()) + " on "
                    + deviceName + ": " + reason(e));
        } finally {
            if (profiled && done > 0) {
                stats.put("kernel_s", kernelNanos / 1e9);
                stats.put("kernel_us_per_step", kernelNanos / 1e3 / done);
            }
            // The device holds this run's state: the next run sends the host's again (it may have changed).
            close();
        }
        return done;
    }

    private void close() {
        if (prepared != null) {
            try {
                prepared.plan().close();
            } catch (Exception e) {
                // Freeing the device's buffers failed: nothing of the run depends on it.
            }
            prepared = null;
        }
    }

    /** @return the tasks a TornadoVM failure names by its graph id (g&lt;k&gt;), or the step graph */
    private static String culprit(Throwable e, List<Fusion.Group> groups) {
        java.util.regex.Pattern id = java.util.regex.Pattern.compile("\\bg(\\d+)\\b");
        for (Throwable t = e; t != null; t = t.getCause()) {
            java.util.regex.Matcher m = id.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                int k = Integer.parseInt(m.group(1));
                if (k < groups.size()) {
                    Fusion.Group g = groups.get(k);
                    return (g.tasks().size() == 1 ? "task '" : "tasks '") + String.join("', '",
                            g.tasks().stream().map(StepTask::name).toList()) + "'";
                }
            }
        }
        return "the step graph";
    }

    /** @return the innermost message of a failure, which says why */
    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e) : e.getClass().getSimpleName() + ": " + t;
    }
}
