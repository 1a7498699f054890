package io.spikeforge.tornado;

import io.spikeforge.kernels.SpikeKernelsCalls;
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
import uk.ac.manchester.tornado.api.common.TornadoDevice;
import uk.ac.manchester.tornado.api.enums.DataTransferMode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a network's steps as TornadoVM task graphs on one device. Every task of the step runs its
 * kernel's device form ({@link DeviceTasks}); the state goes to the device once and stays there. When
 * every recorder can record on the device, one graph holds a batch of K steps, each followed by the
 * recorders' device tasks, and the state and the recorders' buffers come back once per batch; K
 * divides both the run and the listener's check interval, so NaN checks and checkpoints still fall on
 * their steps. Otherwise K is 1 and the recorders run on the host after every step.
 */
final class TornadoBackend implements Backend {

    /** The most steps one graph holds: each step adds all its tasks to the graph TornadoVM compiles. */
    static final int MAX_BATCH = 16;
    /**
     * TornadoVM 5.2 records a task graph in a fixed 8 KiB buffer (TornadoTaskGraph.highLevelCode), about
     * 16 bytes per task plus 5 per argument: a batch must fit, with room left for the transfers.
     */
    private static final int GRAPH_BYTES = 6000;

    private final NetworkView network;
    private final TornadoDevice device;
    private final String deviceName;
    private final DeviceTasks deviceTasks = new DeviceTasks(new DeviceClassPath());
    private final Blocks blocks;
    private final List<StepTask> tasks = new ArrayList<>();
    private final List<KernelCall> calls = new ArrayList<>();
    private final List<Object> state = new ArrayList<>();
    private final Set<Object> written = Collections.newSetFromMap(new IdentityHashMap<>());
    private final KernelCall tick;
    private int lastBatch = 1;

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
        this.tick = SpikeKernelsCalls.tick(network.clock());
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
    public String describe(NetworkView net) {
        long steps = net.endStep() - net.clock()[0];
        int batch = batchFor(steps, Long.MAX_VALUE);
        return plan(recordings(batch), batch);
    }

    /** @return the steps per round trip of the last run (1 before any) */
    int lastBatch() {
        return lastBatch;
    }

    /**
     * @return the largest batch that divides both the run and the check interval and whose graph fits
     *         TornadoVM's buffer, at most MAX_BATCH
     */
    private int batchFor(long steps, long interval) {
        List<Recorder.DeviceRecording> recs = recordings(1);
        if (recs == null) {
            return 1;
        }
        int perStep = graphBytes(1) + 5;
        for (KernelCall c : calls) {
            perStep += graphBytes(c.args().size());
        }
        for (Recorder.DeviceRecording r : recs) {
            perStep += graphBytes(r.task().kernel().orElseThrow().args().size());
        }
        int fits = Math.max(1, GRAPH_BYTES / perStep);
        long g = interval == Long.MAX_VALUE ? steps : gcd(steps, interval);
        for (int k = Math.min(MAX_BATCH, fits); k > 1; k--) {
            if (g % k == 0) {
                return k;
            }
        }
        return 1;
    }

    /** Bytes a task with {@code args} arguments (plus its size) takes in TornadoVM's graph buffer. */
    private static int graphBytes(int args) {
        return 16 + 5 * (args + 1);
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

    private String plan(List<Recorder.DeviceRecording> recs, int batch) {
        StringBuilder sb = new StringBuilder("TornadoVM plan on " + deviceName + ", up to " + batch
                + " step(s) per round trip (a divisor of the run's steps and of the NaN-check and checkpoint"
                + " intervals):\n");
        sb.append("  to device once (first execution): ").append(names(state)).append('\n');
        for (int k = 0; k < tasks.size(); k++) {
            StepTask t = tasks.get(k);
            sb.append("  device t").append(k).append(' ').append(t.name()).append(": ").append(calls.get(k))
                    .append(t.serial() ? " (1 work-item over " + t.size() + " items)\n" : " (parallel over " + t.size()
                            + " items in " + blocks.of(calls.get(k), t.size()) + " blocks)\n");
        }
        if (batch > 1 && recs != null) {
            for (Recorder.DeviceRecording r : recs) {
                sb.append("  device ").append(r.task().name()).append(": ").append(r.task().kernel().orElseThrow())
                        .append(" (into a buffer of ").append(batch).append(" steps)\n");
            }
        }
        sb.append("  device tick: ").append(tick).append(" (the device's step clock)\n");
        sb.append("  to host after every ").append(batch > 1 ? batch + " steps" : "step").append(": ")
                .append(names(state.stream().filter(written::contains).toList()))
                .append(batch > 1 ? ", and the recorders' buffers\n" : "\n");
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
    public long run(NetworkView net, long steps, RunListener listener) {
        if (steps <= 0) {
            return 0;
        }
        int batch = batchFor(steps, listener.checkInterval());
        List<Recorder.DeviceRecording> recs = batch > 1 ? recordings(batch) : List.of();
        lastBatch = batch;
        int[] clock = net.clock();
        List<Object> toDevice = new ArrayList<>(state);
        List<Object> toHost = new ArrayList<>(state.stream().filter(a -> written.contains(a) && a != clock).toList());
        List<Object> fills = new ArrayList<>();
        Set<Object> known = Collections.newSetFromMap(new IdentityHashMap<>());
        known.addAll(state);
        for (Recorder.DeviceRecording r : recs) {
            for (Object a : r.task().kernel().orElseThrow().args()) {
                if (a.getClass().isArray() && a != r.buffer() && a != r.fill() && known.add(a)) {
                    toDevice.add(a);
                }
            }
            toHost.add(r.buffer());
            fills.add(r.fill());
        }
        TaskGraph tg = new TaskGraph("steps").transferToDevice(DataTransferMode.FIRST_EXECUTION, toDevice.toArray());
        if (!fills.isEmpty()) {
            tg.transferToDevice(DataTransferMode.EVERY_EXECUTION, fills.toArray());
        }
        for (int u = 0; u < batch; u++) {
            for (int k = 0; k < tasks.size(); k++) {
                StepTask t = tasks.get(k);
                deviceTasks.add(tg, "t" + k + "s" + u, t.name(), t.size(), blocks.of(calls.get(k), t.size()), calls.get(k));
            }
            for (int m = 0; m < recs.size(); m++) {
                StepTask t = recs.get(m).task();
                KernelCall c = t.kernel().orElseThrow();
                deviceTasks.add(tg, "m" + m + "s" + u, t.name(), t.size(), blocks.of(c, t.size()), c);
            }
            deviceTasks.add(tg, "clock" + u, "device clock", 1, 1, tick);
        }
        toHost.addAll(fills);
        tg.transferToHost(DataTransferMode.EVERY_EXECUTION, toHost.toArray());
        ImmutableTaskGraph itg = tg.snapshot();
        long done = 0;
        try (TornadoExecutionPlan plan = new TornadoExecutionPlan(itg)) {
            plan.withDevice(device);
            while (done < steps) {
                plan.execute();
                if (batch == 1) {
                    for (Recorder r : net.recorders()) {
                        r.task().run(0, r.task().size());
                    }
                } else {
                    recs.forEach(r -> r.drain().run());
                }
                clock[0] += batch;
                done += batch;
                listener.progress(done, steps);
                if (listener.afterStep(clock[0])) {
                    break;
                }
            }
        } catch (BackendUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new BackendUnavailableException("TornadoVM could not run " + culprit(e, recs) + " on " + deviceName
                    + ": " + reason(e));
        }
        return done;
    }

    /** @return the task a TornadoVM failure names by its graph id (t&lt;k&gt;s&lt;u&gt; or m&lt;k&gt;s&lt;u&gt;), or the step graph */
    private String culprit(Throwable e, List<Recorder.DeviceRecording> recs) {
        java.util.regex.Pattern id = java.util.regex.Pattern.compile("\\b([tm])(\\d+)s\\d+\\b");
        for (Throwable t = e; t != null; t = t.getCause()) {
            java.util.regex.Matcher m = id.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                int k = Integer.parseInt(m.group(2));
                if (m.group(1).equals("t") && k < tasks.size()) {
                    return "task '" + tasks.get(k).name() + "' (" + calls.get(k) + ")";
                }
                if (m.group(1).equals("m") && k < recs.size()) {
                    return "task '" + recs.get(k).task().name() + "'";
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
