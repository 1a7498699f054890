package io.spikeforge.tornado;

import io.spikeforge.core.backend.Backend;
import io.spikeforge.core.backend.BackendUnavailableException;
import io.spikeforge.core.backend.RunListener;
import io.spikeforge.core.build.StateRegistry;
import io.spikeforge.core.sim.Network;
import io.spikeforge.spi.DeviceCall;
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
 * Runs a network's step as one TornadoVM task graph on one device. Every compute task becomes a device
 * task through its {@link DeviceCall}; the state goes to the device once and stays there. Monitors, the
 * NaN check and checkpoints run on the host after each step, so the arrays the device writes come back
 * after every step.
 */
final class TornadoBackend implements Backend {

    private final TornadoDevice device;
    private final String deviceName;
    private final List<StepTask> deviceTasks = new ArrayList<>();
    private final List<DeviceCall> calls = new ArrayList<>();
    private final List<StepTask> hostTasks = new ArrayList<>();
    private final Object[] toDevice;
    private final Object[] toHost;

    TornadoBackend(Network network, TornadoDevice device, String deviceName) {
        this.device = device;
        this.deviceName = deviceName;
        Set<Object> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> written = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object> order = new ArrayList<>();
        for (StepTask t : network.tasks()) {
            if (t.reads().contains(Network.ALL_STATE) && t.device().isEmpty()) {
                hostTasks.add(t);
                continue;
            }
            DeviceCall call = t.device().orElseThrow(() -> new BackendUnavailableException("task '" + t.name()
                    + "' cannot run on TornadoVM: its model declares no device kernel (StepTask.Builder.device)."
                    + " Run this network with --backend jvm."));
            if (!hostTasks.isEmpty()) {
                throw new BackendUnavailableException("task '" + t.name() + "' follows a host-only task; the"
                        + " TornadoVM backend runs host tasks (monitors) only at the end of a step");
            }
            deviceTasks.add(t);
            calls.add(call);
            for (Object a : call.args()) {
                if (a != null && a.getClass().isArray() && arrays.add(a)) {
                    order.add(a);
                }
            }
            for (Object w : t.writes()) {
                if (arrays.contains(w)) {
                    written.add(w);
                }
            }
        }
        int[] clock = network.clock();
        if (arrays.add(clock)) {
            order.add(clock);
        }
        this.toDevice = order.toArray();
        this.toHost = order.stream().filter(a -> written.contains(a) && a != clock).toArray();
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
    public String describe(Network network) {
        return plan(network.states());
    }

    /** @return which task runs where, and what is transferred when */
    String plan(StateRegistry states) {
        StringBuilder sb = new StringBuilder("TornadoVM plan on " + deviceName + ":\n");
        sb.append("  to device once (first execution): ").append(names(toDevice, states)).append('\n');
        for (int k = 0; k < deviceTasks.size(); k++) {
            StepTask t = deviceTasks.get(k);
            boolean serial = t.serial() || TaskGraphCompiler.serialKernel(calls.get(k).kernel());
            sb.append("  device t").append(k).append(' ').append(t.name()).append(": ").append(calls.get(k).kernel())
                    .append(serial ? " (1 work-item over " : " (parallel over ").append(t.size()).append(" items)\n");
        }
        sb.append("  device tick: SpikeKernels.tick (the device's step clock)\n");
        sb.append("  to host after every step: ").append(names(toHost, states)).append('\n');
        for (StepTask t : hostTasks) {
            sb.append("  host ").append(t.name()).append('\n');
        }
        return sb.toString();
    }

    private static String names(Object[] arrays, StateRegistry states) {
        List<String> out = new ArrayList<>();
        for (Object a : arrays) {
            out.add(states.nameOf(a));
        }
        return String.join(", ", new LinkedHashSet<>(out));
    }

    @Override
    public long run(Network network, long steps, RunListener listener) {
        if (steps <= 0) {
            return 0;
        }
        int[] clock = network.clock();
        TaskGraph tg = new TaskGraph("step").transferToDevice(DataTransferMode.FIRST_EXECUTION, toDevice);
        for (int k = 0; k < deviceTasks.size(); k++) {
            try {
                TaskGraphCompiler.add(tg, "t" + k, deviceTasks.get(k), calls.get(k));
            } catch (UnsupportedOperationException e) {
                throw new BackendUnavailableException("task '" + deviceTasks.get(k).name() + "' cannot run on TornadoVM: "
                        + e.getMessage());
            }
        }
        tg.task("tick", DeviceKernels::tick, 1, clock);
        tg.transferToHost(DataTransferMode.EVERY_EXECUTION, toHost);
        ImmutableTaskGraph itg = tg.snapshot();
        long done = 0;
        try (TornadoExecutionPlan plan = new TornadoExecutionPlan(itg)) {
            plan.withDevice(device);
            while (done < steps) {
                plan.execute();
                for (StepTask t : hostTasks) {
                    t.run(0, t.size());
                }
                clock[0]++;
                done++;
                listener.progress(done, steps);
                if (listener.afterStep(clock[0])) {
                    break;
                }
            }
        } catch (BackendUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new BackendUnavailableException("TornadoVM could not run the step graph on " + deviceName + ": " + e);
        }
        return done;
    }
}
