package io.spikeforge.core.build;

import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.ModelRef;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.sim.DelayRing;
import io.spikeforge.core.sim.Group;
import io.spikeforge.core.sim.Monitor;
import io.spikeforge.core.sim.Network;
import io.spikeforge.core.sim.ProjectionRuntime;
import io.spikeforge.core.sim.SpikeMonitor;
import io.spikeforge.core.sim.ValueMonitor;
import io.spikeforge.kernels.SpikeKernels;
import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.ConnectorModel;
import io.spikeforge.spi.InitializerModel;
import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.NeuronModel;
import io.spikeforge.spi.OutputModel;
import io.spikeforge.spi.PlasticityModel;
import io.spikeforge.spi.SpikeBuffer;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.SynapseModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds a {@link Network} from a validated spec and lays out one step's tasks in this order:
 * <ol>
 *   <li>current inputs add this step's current to their targets;</li>
 *   <li>each projection, in config order: read the delayed pre spikes; plasticity updates traces
 *       and weights; spikes are delivered through the updated weights to the synapses; the synapses
 *       advance; the output adds current to the post neurons, using V before the post update;</li>
 *   <li>every neuron group and spike source updates and emits spikes;</li>
 *   <li>spikes are stored for later delays, plasticity runs its post-update part (post traces), and
 *       monitors record.</li>
 * </ol>
 */
public final class NetworkBuilder {

    private final NetworkSpec spec;
    private final int[] clock = new int[1];
    private final StateRegistry states = new StateRegistry();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final List<StepTask> inputTasks = new ArrayList<>();
    private final List<StepTask> projectionTasks = new ArrayList<>();
    private final List<StepTask> dynamicsTasks = new ArrayList<>();
    private final List<StepTask> spikeTasks = new ArrayList<>();
    private final List<StepTask> afterTasks = new ArrayList<>();

    private NetworkBuilder(NetworkSpec spec) {
        this.spec = spec;
    }

    /** Builds the network; a problem that only shows while building is reported as a config error. */
    public static Network build(NetworkSpec spec) {
        return new NetworkBuilder(spec).build();
    }

    private Network build() {
        long t0 = System.nanoTime();
        for (NetworkSpec.Population p : spec.populations()) {
            population(p);
        }
        for (NetworkSpec.Input in : spec.inputs()) {
            input(in);
        }
        Map<String, DelayRing> rings = rings();
        List<ProjectionRuntime> projections = new ArrayList<>();
        List<StepTask> postUpdateTasks = new ArrayList<>();
        for (int i = 0; i < spec.projections().size(); i++) {
            projections.add(projection(spec.projections().get(i), rings, postUpdateTasks));
        }
        List<Monitor> monitors = monitors(projections);
        List<StepTask> tasks = new ArrayList<>(inputTasks);
        tasks.addAll(projectionTasks);
        tasks.addAll(dynamicsTasks);
        tasks.addAll(spikeTasks);
        rings.forEach((name, ring) -> tasks.add(ring.push(name, groups.get(name).spikes(), clock)));
        tasks.addAll(postUpdateTasks);
        tasks.addAll(afterTasks);
        monitors.forEach(m -> tasks.add(m.task()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Network(spec, clock, List.copyOf(groups.values()), projections, monitors, states,
                List.copyOf(tasks), seconds);
    }

    private EngineContext context(String owner, ModelRef model) {
        return new EngineContext(spec.dt(), owner, spec.seed(), clock, states, model.factory().variables());
    }

    private void population(NetworkSpec.Population p) {
        SpikeBuffer spikes = new SpikeBuffer(p.size());
        float[] current = new float[p.size()];
        states.register(p.name() + ".current", "nA", current);
        states.register(p.name() + ".spike", "1", spikes.flags);
        NeuronModel model = (NeuronModel) p.neuron().factory();
        NeuronModel.NeuronGroup group = guard(p.neuron(), () -> model.create(p.neuron().params(),
                context(p.name(), p.neuron()), p.size(), current, spikes.flags));
        p.init().forEach((var, init) -> {
            Object array = states.find(p.name() + "." + var).map(StateRegistry.State::array).orElse(null);
            if (!(array instanceof float[] values)) {
                throw new ConfigException(spec.name(), List.of(new ConfigError(init.path(),
                        p.neuron().name() + " does not allocate a float variable '" + var + "'")));
            }
            ((InitializerModel) init.factory()).fill(init.params(), values,
                    EngineContext.derive(spec.seed(), p.name() + ".init." + var));
        });
        dynamicsTasks.add(group.update());
        addGroup(new Group(p.name(), p.size(), spikes, current, group.v(), new long[1], new int[p.size()], false));
    }

    private void input(NetworkSpec.Input in) {
        InputModel model = (InputModel) in.model().factory();
        EngineContext ctx = context(in.name(), in.model());
        if (model.spikeSource()) {
            SpikeBuffer spikes = new SpikeBuffer(in.size());
            states.register(in.name() + ".spike", "1", spikes.flags);
            dynamicsTasks.add(guard(in.model(), () -> model.create(in.model().params(), ctx, in.size(), null,
                    spikes.flags)));
            addGroup(new Group(in.name(), in.size(), spikes, null, null, new long[1], new int[in.size()], true));
        } else {
            Group target = groups.get(in.target());
            inputTasks.add(guard(in.model(), () -> model.create(in.model().params(), ctx, target.size(),
                    target.current(), null)));
        }
    }

    private void addGroup(Group g) {
        groups.put(g.name(), g);
        SpikeBuffer s = g.spikes();
        long[] total = g.spikeTotal();
        int[] counts = g.spikeCounts();
        spikeTasks.add(StepTask.serial(g.name() + ".spikes.compact", s.size())
                .reads(s.flags)
                .writes(s.list, s.count, total, counts)
                .device("SpikeKernels.compactCount", s.flags, s.list, s.count, total, counts)
                .body((from, to) -> SpikeKernels.compactCount(from, to, s.flags, s.list, s.count, total, counts)));
    }

    private Map<String, DelayRing> rings() {
        Map<String, Integer> maxDelay = new HashMap<>();
        for (NetworkSpec.Projection p : spec.projections()) {
            if (p.delaySteps() > 0) {
                maxDelay.merge(p.pre(), p.delaySteps(), Math::max);
            }
        }
        Map<String, DelayRing> rings = new LinkedHashMap<>();
        for (Group g : groups.values()) {
            Integer d = maxDelay.get(g.name());
            if (d != null) {
                rings.put(g.name(), new DelayRing(g.size(), d));
            }
        }
        return rings;
    }

    private ProjectionRuntime projection(NetworkSpec.Projection p, Map<String, DelayRing> rings,
                                         List<StepTask> postUpdateTasks) {
        Group pre = groups.get(p.pre());
        Group post = groups.get(p.post());
        String n = p.name();
        Connectivity conn = guard(p.connector(), () -> ((ConnectorModel) p.connector().factory()).connect(
                p.connector().params(), new EngineContext(spec.dt(), n + ".conn", spec.seed(), clock, states, List.of()),
                pre.size(), post.size(), pre == post));
        float[] weights = new float[conn.synapses()];
        guard(p.weight(), () -> {
            ((InitializerModel) p.weight().factory()).fill(p.weight().params(), weights,
                    EngineContext.derive(spec.seed(), n + ".weight"));
            return weights;
        });
        float[] initial = weights.clone();
        CommModel.Comm comm = guard(p.comm(), () -> ((CommModel) p.comm().factory()).create(p.comm().params(),
                context(n, p.comm()), conn, weights));

        SpikeBuffer delayed = pre.spikes();
        if (p.delaySteps() > 0) {
            delayed = new SpikeBuffer(pre.size());
            projectionTasks.add(rings.get(pre.name()).read(n, p.delaySteps(), delayed, clock));
        }
        PlasticityModel.Plasticity plasticity = null;
        if (p.plasticity() != null) {
            SpikeBuffer arriving = delayed;
            plasticity = guard(p.plasticity(), () -> ((PlasticityModel) p.plasticity().factory()).create(
                    p.plasticity().params(), context(n, p.plasticity()), comm, arriving, post.spikes()));
            checkBounds(p, initial, plasticity.wMin(), plasticity.wMax());
            projectionTasks.addAll(plasticity.beforeDelivery());
            postUpdateTasks.addAll(plasticity.afterPostUpdate());
        }
        int synSize = p.alignPre() ? pre.size() : post.size();
        float[] synInput = new float[synSize];
        SynapseModel.SynapseState syn = guard(p.syn(), () -> ((SynapseModel) p.syn().factory()).create(
                p.syn().params(), context(n, p.syn()), synSize, synInput));
        float[] drive;
        if (p.alignPre()) {
            SpikeBuffer spikes = delayed;
            projectionTasks.add(StepTask.parallel(n + ".spikes_to_syn", pre.size())
                    .reads(spikes.flags).writes(synInput)
                    .device("SpikeKernels.flagsToInput", spikes.flags, synInput)
                    .body((from, to) -> SpikeKernels.flagsToInput(from, to, spikes.flags, synInput)));
            projectionTasks.add(syn.update());
            float[] postDrive = new float[post.size()];
            projectionTasks.add(StepTask.parallel(n + ".drive.clear", post.size()).writes(postDrive)
                    .device("SpikeKernels.clear", postDrive)
                    .body((from, to) -> SpikeKernels.clear(from, to, postDrive)));
            projectionTasks.add(comm.propagateValues(n + ".comm", syn.g(), postDrive));
            drive = postDrive;
        } else {
            projectionTasks.add(comm.propagateSpikes(n + ".comm", delayed, synInput));
            projectionTasks.add(syn.update());
            drive = syn.g();
        }
        float[] outDrive = drive;
        projectionTasks.add(guard(p.out(), () -> ((OutputModel) p.out().factory()).create(p.out().params(),
                context(n, p.out()), outDrive, post.v(), post.current())));
        return new ProjectionRuntime(p, comm, plasticity, initial, conn);
    }

    /**
     * Runs a model's factory method; a model that rejects its arguments (IllegalArgumentException)
     * becomes a config error at the model's path, naming the model and its pack's words.
     */
    private <T> T guard(ModelRef model, Supplier<T> create) {
        try {
            return create.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(spec.name(), List.of(new ConfigError(model.path(), model.name() + ": "
                    + e.getMessage())));
        }
    }

    /** Initial weights outside the rule's bounds would stay there until touched: refuse them, never clip silently. */
    private void checkBounds(NetworkSpec.Projection p, float[] w, double lo, double hi) {
        int outside = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float x : w) {
            outside += x < lo || x > hi ? 1 : 0;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        if (outside > 0) {
            throw new ConfigException(spec.name(), List.of(new ConfigError(p.weight().path(), outside + " of " + w.length
                    + " initial weights lie outside the plasticity bounds [" + fmt(lo) + ", " + fmt(hi) + "] (they span ["
                    + min + ", " + max + "]); choose an initializer within W_min and W_max")));
        }
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "none" : String.valueOf(v);
    }

    private List<Monitor> monitors(List<ProjectionRuntime> projections) {
        List<Monitor> monitors = new ArrayList<>();
        List<ConfigError> errors = new ArrayList<>();
        long steps = spec.steps();
        for (int m = 0; m < spec.monitors().size(); m++) {
            NetworkSpec.Monitor mon = spec.monitors().get(m);
            String path = "monitors[" + m + "]";
            Group g = groups.get(mon.target());
            if ("spike".equals(mon.var()) && g != null) {
                monitors.add(new SpikeMonitor(mon, g.spikes(), clock));
                continue;
            }
            ProjectionRuntime proj = projections.stream().filter(p -> p.name().equals(mon.target())).findFirst()
                    .orElse(null);
            if (proj != null && "weight".equals(mon.var())) {
                CommModel.Comm comm = proj.comm();
                int[] idx = indices(mon.indices(), comm.synapses(), path, errors,
                        () -> "projection '" + proj.name() + "' has " + comm.synapses() + " synapses");
                if (idx != null) {
                    monitors.add(new ValueMonitor(mon, "uS", comm::weight, idx, steps, clock, comm));
                }
                continue;
            }
            StateRegistry.State state = states.find(mon.target() + "." + mon.var()).orElse(null);
            if (state == null) {
                errors.add(new ConfigError(path + ".var", "'" + mon.target() + "' allocates no variable '"
                        + mon.var() + "'"));
                continue;
            }
            int[] idx = indices(mon.indices(), state.length(), path, errors,
                    () -> "'" + state.name() + "' has " + state.length() + " elements");
            if (idx == null) {
                continue;
            }
            ValueMonitor.Reader reader = state.array() instanceof float[] f ? i -> f[i] : i -> ((int[]) state.array())[i];
            monitors.add(new ValueMonitor(mon, state.unit(), reader, idx, steps, clock,
                    state.array()));
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(spec.name(), errors);
        }
        return monitors;
    }

    private static int[] indices(int[] given, int length, String path, List<ConfigError> errors,
                                 Supplier<String> what) {
        if (given == null) {
            int[] all = new int[length];
            for (int i = 0; i < length; i++) {
                all[i] = i;
            }
            return all;
        }
        boolean ok = true;
        for (int i = 0; i < given.length; i++) {
            if (given[i] >= length) {
                errors.add(new ConfigError(path + ".indices[" + i + "]", "index " + given[i] + " is out of range: "
                        + what.get()));
                ok = false;
            }
        }
        return ok ? given : null;
    }
}
