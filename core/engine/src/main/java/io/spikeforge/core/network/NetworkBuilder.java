package io.spikeforge.core.network;

import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.HeapLimit;
import io.spikeforge.core.config.ModelRef;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.config.RowBlocks;
import io.spikeforge.core.config.Suggestions;
import io.spikeforge.core.plugin.PluginFailureException;
import io.spikeforge.core.sim.DelayRing;
import io.spikeforge.core.sim.Group;
import io.spikeforge.core.sim.MemberSpikes;
import io.spikeforge.core.sim.Monitor;
import io.spikeforge.core.sim.Network;
import io.spikeforge.core.sim.ProjectionRuntime;
import io.spikeforge.core.sim.StateRegistry;
import io.spikeforge.core.split.NeuronPartition;
import io.spikeforge.core.split.Split;
import io.spikeforge.core.split.SpikeExchangeTask;
import io.spikeforge.core.split.SpikeWindowTask;
import io.spikeforge.kernels.InputKernelsCalls;
import io.spikeforge.kernels.SpikeKernelsCalls;
import io.spikeforge.spi.InitializerModel;
import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.NeuronModel;
import io.spikeforge.spi.SpikeBuffer;
import io.spikeforge.spi.StepTask;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds a {@link Network} from a validated spec and lays out one step's tasks in this order:
 * <ol>
 *   <li>each projection, in config order: read the delayed pre spikes; plasticity updates traces
 *       and weights; spikes are delivered through the updated weights to the synapses;</li>
 *   <li>monitors that record at the start of the step ({@code when: start}) take their values;</li>
 *   <li>current inputs add this step's current to their targets;</li>
 *   <li>each projection, in config order: the synapses advance; the output adds current to the post
 *       neurons, using V before the post update;</li>
 *   <li>every neuron group and spike source updates and emits spikes;</li>
 *   <li>spikes are stored for later delays, plasticity runs its post-update part (post traces), and
 *       monitors record.</li>
 * </ol>
 * A model that refuses its arguments does not stop the build at once: the builder skips what depends
 * on it, carries on, and reports every refusal together.
 */
public final class NetworkBuilder {

    private final NetworkSpec spec;
    private final long maxBlockSynapses;
    /** Small populations fused into storage populations, and the inputs onto them (or the spec's, unfused). */
    private final Fusion fusion;
    /** The config path of the part being built, for a message should the heap run out. */
    private String part = "populations";
    private final int[] clock = new int[1];
    private final StateRegistry states = new StateRegistry();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    /** Storage populations of fused small ones, by name: the groups their members' inputs reach. */
    private final Map<String, Group> storages = new LinkedHashMap<>();
    private final List<ConfigError> errors = new ArrayList<>();
    private final List<StepTask> inputTasks = new ArrayList<>();
    private final List<StepTask> deliveryTasks = new ArrayList<>();
    private final List<StepTask> projectionTasks = new ArrayList<>();
    private final List<StepTask> dynamicsTasks = new ArrayList<>();
    /** The neuron groups' {@link NeuronModel.NeuronGroup#settle} tasks, run only for start monitors. */
    private final List<StepTask> settleTasks = new ArrayList<>();
    private final List<StepTask> spikeScanTasks = new ArrayList<>();
    private final List<StepTask> spikeJoinTasks = new ArrayList<>();
    private final List<StepTask> memberSplitTasks = new ArrayList<>();
    /** The model each task of a pack came from, by task name, so that a task failing in a run names it. */
    private final Map<String, ModelRef> taskModels = new LinkedHashMap<>();
    /** Whether a program writes the weight arrays between runs (the Java API's state arrays, Python). */
    private final boolean weightsWritten;
    /** This process's part of a network split over processes; null for the whole network in one. */
    private final Split split;
    /** Tasks over the neurons of one group, with the group's size: a split process runs its own range only. */
    private final Map<StepTask, Integer> perNeuron = new IdentityHashMap<>();

    private NetworkBuilder(NetworkSpec spec, long maxBlockSynapses, boolean fuse, boolean weightsWritten,
                           Split split) {
        this.spec = spec;
        this.maxBlockSynapses = maxBlockSynapses;
        this.weightsWritten = weightsWritten;
        this.split = split;
        // A split network keeps every population's own arrays: the partition deals out each group's neurons.
        this.fusion = fuse && split == null ? Fusion.plan(spec) : Fusion.none(spec);
    }

    Split split() {
        return split;
    }

    /**
     * Marks {@code task} as one over the {@code size} neurons of a group, which a process of a split
     * network runs over its own neurons only; @return the task
     */
    StepTask perNeuron(StepTask task, int size) {
        if (split != null && task != null) {
            perNeuron.put(task, size);
        }
        return task;
    }

    /** @return {@code task}, marked {@link #perNeuron} as {@code of} is (a task made of it, over its items) */
    StepTask perNeuronAs(StepTask of, StepTask task) {
        Integer size = perNeuron.get(of);
        return size == null ? task : perNeuron(task, size);
    }

    /** @return the task restricted to this process's neurons where it was marked {@link #perNeuron} */
    private StepTask ownRange(StepTask task) {
        Integer size = perNeuron.get(task);
        if (size == null || task.serial() || task.size() != size || split.processes() == 1) {
            return task;
        }
        int lo = split.first(size);
        int hi = split.end(size);
        return StepTask.parallel(task.name(), hi - lo).reads(task.reads().toArray()).writes(task.writes().toArray())
                .body((a, b) -> task.run(a + lo, b + lo));
    }

    /**
     * Whether {@link #build(NetworkSpec, long)} fuses small populations ({@link Fusion}): yes unless the
     * system property {@code spikeforge.fuse} is {@code false}. Results are the same either way.
     */
    public static boolean fuseByDefault() {
        return !"false".equals(System.getProperty("spikeforge.fuse"));
    }

    NetworkSpec spec() {
        return spec;
    }

    StateRegistry states() {
        return states;
    }

    int[] clock() {
        return clock;
    }

    long maxBlockSynapses() {
        return maxBlockSynapses;
    }

    Group group(String name) {
        return groups.get(name);
    }

    /**
     * Builds the network.
     *
     * @throws ConfigException         listing every model that refused its arguments
     * @throws PluginFailureException  when a model fails in another way (a bug in its pack)
     */
    public static Network build(NetworkSpec spec) {
        return build(spec, RowBlocks.MAX_SYNAPSES);
    }

    /**
     * Builds the network, splitting any projection expected to hold more than {@code maxBlockSynapses}
     * synapses into blocks of rows, each with its own int-indexed synapses. The spikes and weights are
     * those of the unsplit projection.
     *
     * @param maxBlockSynapses at most {@link RowBlocks#MAX_SYNAPSES}; smaller blocks suit a device whose
     *                         buffers are smaller, and let tests split small networks
     */
    public static Network build(NetworkSpec spec, long maxBlockSynapses) {
        return build(spec, maxBlockSynapses, fuseByDefault());
    }

    /**
     * As {@link #build(NetworkSpec, long)}, choosing whether small populations of one model are fused into
     * one storage population ({@link Fusion}); the spikes, monitors and summaries are the same either way.
     */
    public static Network build(NetworkSpec spec, long maxBlockSynapses, boolean fuse) {
        return build(spec, maxBlockSynapses, fuse, false);
    }

    /**
     * As {@link #build(NetworkSpec, long, boolean)}; {@code weightsWritten}: the weight arrays may be
     * written between runs, so that no comm may fold equal weights into one number when it chooses its
     * kernels ({@link io.spikeforge.spi.CommModel.Comm#writableWeights}).
     */
    public static Network build(NetworkSpec spec, long maxBlockSynapses, boolean fuse, boolean weightsWritten) {
        return build(spec, maxBlockSynapses, fuse, weightsWritten, null);
    }

    /**
     * As {@link #build(NetworkSpec, long, boolean, boolean)}, for one process of a network split over
     * processes ({@code split}, or null for the whole network): the process builds every group whole but
     * updates its own neurons only, holds the synapses onto them, and exchanges each step's spikes.
     */
    public static Network build(NetworkSpec spec, long maxBlockSynapses, boolean fuse, boolean weightsWritten,
                                Split split) {
        if (maxBlockSynapses < 1 || maxBlockSynapses > RowBlocks.MAX_SYNAPSES) {
            throw new IllegalArgumentException("a block holds 1 to " + RowBlocks.MAX_SYNAPSES + " synapses, not "
                    + maxBlockSynapses);
        }
        NetworkBuilder builder = new NetworkBuilder(spec, maxBlockSynapses, fuse, weightsWritten, split);
        try {
            return builder.build();
        } catch (ConfigException | PluginFailureException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            String part = builder.part;
            // Dropped before the message is made, so that the half-built network is garbage by then.
            builder = null;
            throw new ConfigException(spec.origin().source(), List.of(new ConfigError(part, "the JVM ran out of"
                    + " its " + HeapLimit.describe(Runtime.getRuntime().maxMemory()) + " of heap while building this"
                    + " part, though the memory check let the network through (the check counts the large arrays"
                    + " only); give the JVM more memory (SPIKEFORGE_JAVA_OPTS=-Xmx...) or shrink the network")));
        }
    }

    private Network build() {
        long t0 = System.nanoTime();
        if (split != null) {
            splitChecks();
        }
        for (NetworkSpec.Population p : fusion.populations()) {
            part = p.neuron().path().replaceFirst("\\.neuron$", "");
            population(p);
        }
        for (NetworkSpec.Input in : fusion.inputs()) {
            part = in.model().path();
            input(in);
        }
        part = "projections";
        Map<String, DelayRing> rings = rings();
        List<ProjectionRuntime> projections = new ArrayList<>();
        List<StepTask> postUpdateTasks = new ArrayList<>();
        List<StepTask> ringPushTasks = new ArrayList<>();
        ProjectionBuilder projectionBuilder = new ProjectionBuilder(this, deliveryTasks, projectionTasks,
                postUpdateTasks, ringPushTasks);
        for (int i = 0; i < spec.projections().size(); i++) {
            part = "projections[" + i + "]";
            ProjectionRuntime built = projectionBuilder.build(spec.projections().get(i), rings);
            if (built != null) {
                projections.add(built);
            }
        }
        part = "monitors";
        List<Monitor> monitors = new MonitorBuilder(spec, groups, projections, states, clock, errors, fusion::member).build();
        if (split != null) {
            splitMonitorChecks(monitors);
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(spec.origin().source(), errors);
        }
        // A weight monitor reads through its projection's comm.
        for (Monitor m : monitors) {
            spec.projections().stream().filter(p -> p.name().equals(m.spec().target()) && "weight".equals(m.spec().var()))
                    .findFirst().ifPresent(p -> {
                        taskModels.putIfAbsent(m.task().name(), p.comm());
                        if (m.startTask() != null) {
                            taskModels.putIfAbsent(m.startTask().name(), p.comm());
                        }
                    });
        }
        if (weightsWritten) {
            // Asking for them writable tells each comm before it chooses its kernels below.
            projections.forEach(p -> p.blocks().forEach(b -> b.comm().writableWeights()));
        }
        resolveDeferredTasks();
        // Delivery first, then the per-neuron passes (inputs, synapses, outputs, neurons) together:
        // they touch disjoint data, so the order gives the same floats, and the passes over each
        // population then form one chain that a backend can run in cache-sized tiles.
        List<StepTask> tasks = new ArrayList<>(deliveryTasks);
        // Brian2's state at the start of a step, which its StateMonitor records: the spikes that reach
        // their targets in this step are delivered (Brian2 delivers them at the end of the step before).
        List<StepTask> starts = monitors.stream().map(Monitor::startTask).filter(java.util.Objects::nonNull).toList();
        if (!starts.isEmpty()) {
            tasks.addAll(settleTasks);
            tasks.addAll(starts);
        }
        tasks.addAll(inputTasks);
        tasks.addAll(projectionTasks);
        tasks.addAll(dynamicsTasks);
        int window = split == null ? 1 : projectionBuilder.latency();
        if (split != null) {
            tasks.replaceAll(this::ownRange);
            if (window == 1 && split.processes() > 1) {
                // Some spike reaches a synapse in the next step: every process needs every spike at once.
                tasks.add(new SpikeExchangeTask(split, groups.values().stream().map(Group::spikes).toList()).task());
            }
        }
        tasks.addAll(spikeScanTasks);
        tasks.addAll(spikeJoinTasks);
        tasks.addAll(memberSplitTasks);
        rings.forEach((name, ring) -> tasks.add(ring.push(name, groups.get(name).spikes(), clock)));
        tasks.addAll(ringPushTasks);
        if (split != null && split.processes() > 1 && window > 1 && window < Integer.MAX_VALUE) {
            List<DelayRing> all = new ArrayList<>(rings.values());
            all.addAll(projectionBuilder.ownRings());
            tasks.add(new SpikeWindowTask(split, window, all, clock).task());
        }
        tasks.addAll(postUpdateTasks);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Network(spec, clock, List.copyOf(groups.values()), projections, monitors, states,
                List.copyOf(tasks), Map.copyOf(taskModels), seconds);
    }

    /** What a split network cannot do, refused before anything is built, all together. */
    private void splitChecks() {
        errors.addAll(splitProblems(spec, split.processes()));
    }

    /**
     * @return what keeps {@code spec} from being split over {@code processes} processes, as far as the
     *         config shows it (a value monitor of a variable not per neuron shows once built): a process
     *         count below 1, a backend other than the JVM's, a weight monitor of chosen synapses
     */
    public static List<ConfigError> splitProblems(NetworkSpec spec, int processes) {
        List<ConfigError> problems = new ArrayList<>();
        String refusal = NeuronPartition.refusal(processes);
        if (refusal != null) {
            problems.add(new ConfigError("--processes", refusal));
        }
        if (!"jvm".equals(spec.backend())) {
            problems.add(new ConfigError("backend.name", "'" + spec.backend() + "' cannot run a network split over"
                    + " processes; allowed: jvm"));
        }
        for (int i = 0; i < spec.monitors().size(); i++) {
            NetworkSpec.Monitor m = spec.monitors().get(i);
            if ("weight".equals(m.var()) && m.indices() != null) {
                problems.add(new ConfigError("monitors[" + i + "].indices", "a weight monitor of chosen synapses cannot"
                        + " record a network split over processes (each holds part of " + m.target() + "'s synapses,"
                        + " numbered its own way); allowed there: a weight monitor of every synapse (no indices)"));
            }
        }
        return problems;
    }

    /** A split process holds per-neuron values whole (its own correct); anything else only in part. */
    private void splitMonitorChecks(List<Monitor> monitors) {
        for (Monitor m : monitors) {
            if (m.spec().var().equals("spike") || m.spec().var().equals("weight")) {
                continue;
            }
            int length = states.find(m.spec().target() + "." + m.spec().var()).map(StateRegistry.State::length).orElse(-1);
            if (groups.values().stream().noneMatch(g -> g.size() == length)) {
                errors.add(new ConfigError("monitors[" + spec.monitors().indexOf(m.spec()) + "]", "'" + m.spec().target()
                        + "." + m.spec().var() + "' does not hold one value per neuron of a group, and a"
                        + " network split over processes holds it in parts; allowed there: spike monitors and value"
                        + " monitors of per-neuron variables"));
            }
        }
    }

    /**
     * A comm may choose its kernel once the network is built ({@link StepTask#deferred}): it chooses now,
     * inside a guard, so that a pack failing there is named, not met later by whoever asks first.
     */
    private void resolveDeferredTasks() {
        List<StepTask> all = new ArrayList<>(deliveryTasks);
        all.addAll(inputTasks);
        all.addAll(projectionTasks);
        all.addAll(dynamicsTasks);
        for (StepTask t : all) {
            ModelRef model = taskModels.get(t.name());
            if (model != null) {
                part = model.path();
                call(model, t::reads);
            }
        }
    }

    /** @return {@code task}, recorded as made by {@code model}'s pack */
    StepTask from(ModelRef model, StepTask task) {
        if (task == null) {
            throw new PluginFailureException(model.path() + ": " + model.blame() + " returned no task (null)", null);
        }
        taskModels.putIfAbsent(task.name(), model);
        return task;
    }

    /** @return {@code task}, recorded as made by the pack that made {@code of} */
    StepTask alias(StepTask of, StepTask task) {
        ModelRef model = taskModels.get(of.name());
        if (model != null) {
            taskModels.putIfAbsent(task.name(), model);
        }
        return task;
    }

    /**
     * {@return the variables of population {@code name} (or of the small populations fused into it) that
     * projections add their weights to directly ({@code on_pre: v += w}) and inputs add to ({@code var})}
     */
    private java.util.Set<String> deliveryTargets(String name) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (NetworkSpec.Projection pr : spec.projections()) {
            Fusion.Member m = fusion.member(pr.post());
            String post = m != null ? m.storage() : pr.post();
            if (pr.target() != null && post.equals(name)) {
                out.add(pr.target());
            }
        }
        // Inputs that add to a variable (PoissonInput's var), which Brian2 writes as it writes on_pre.
        for (NetworkSpec.Input in : spec.inputs()) {
            if (in.target() == null || in.var() == null) {
                continue;
            }
            Fusion.Member m = fusion.member(in.target());
            if ((m != null ? m.storage() : in.target()).equals(name)) {
                out.add(in.var());
            }
        }
        return out;
    }

    EngineContext context(String owner, ModelRef model) {
        return new EngineContext(spec.dt(), owner, spec.seed(), clock, states, model.factory().variables());
    }

    private void population(NetworkSpec.Population p) {
        SpikeBuffer spikes = new SpikeBuffer(p.size());
        float[] current = new float[p.size()];
        NeuronModel model = io.spikeforge.core.equations.EquationModels.holdingInputs(
                (NeuronModel) p.neuron().factory(), deliveryTargets(p.name()));
        NeuronModel.NeuronGroup group = guard(p.neuron(), () -> {
            states.register(p.name(), "current", "nA", current);
            registerSpikes(p.name(), "spike", spikes);
            return model.create(p.neuron().params(), context(p.name(), p.neuron()), p.size(), current, spikes.flags);
        });
        if (group == null) {
            return;
        }
        p.init().forEach((var, init) -> {
            Object array = states.find(p.name() + "." + var).map(StateRegistry.State::array).orElse(null);
            if (!(array instanceof float[] values)) {
                errors.add(new ConfigError(init.path(), p.neuron().name() + " does not allocate a float variable '"
                        + var + "'"));
                return;
            }
            guard(init, () -> {
                ((InitializerModel) init.factory()).fill(init.params(), values,
                        EngineContext.derive(spec.seed(), p.name() + ".init." + var));
                return values;
            });
        });
        dynamicsTasks.add(perNeuron(from(p.neuron(), call(p.neuron(), group::update)), p.size()));
        StepTask settle = call(p.neuron(), group::settle);
        if (settle != null) {
            settleTasks.add(perNeuron(from(p.neuron(), settle), p.size()));
        }
        Group built = new Group(p.name(), p.size(), spikes, current, call(p.neuron(), group::v), new long[1],
                new int[p.size()], false);
        List<Fusion.Member> members = fusion.membersOf(p.name());
        if (members == null) {
            addGroup(built);
        } else {
            storage(built, members);
        }
    }

    /**
     * A storage population: its spikes are compacted as any group's, then split among its members, which
     * are the groups the network shows. Each member's initializers draw into its slice as they would into
     * its own group (the same seed, the same element indices).
     */
    private void storage(Group storage, List<Fusion.Member> members) {
        compaction(storage);
        storages.put(storage.name(), storage);
        List<Group> memberGroups = new ArrayList<>();
        int[] from = new int[members.size()];
        for (int m = 0; m < members.size(); m++) {
            Fusion.Member member = members.get(m);
            NetworkSpec.Population p = member.population();
            from[m] = member.from();
            states.slice(storage.name(), p.name(), member.from(), p.size());
            p.init().forEach((var, init) -> {
                Object array = states.find(storage.name() + "." + var).map(StateRegistry.State::array).orElse(null);
                if (!(array instanceof float[] values)) {
                    errors.add(new ConfigError(init.path(), p.neuron().name() + " does not allocate a float variable '"
                            + var + "'"));
                    return;
                }
                float[] mine = new float[p.size()];
                guard(init, () -> {
                    ((InitializerModel) init.factory()).fill(init.params(), mine,
                            EngineContext.derive(spec.seed(), p.name() + ".init." + var));
                    return mine;
                });
                System.arraycopy(mine, 0, values, member.from(), p.size());
            });
            SpikeBuffer spikes = new SpikeBuffer(p.size());
            registerSpikes(p.name(), "spike", spikes);
            Group g = new Group(p.name(), p.size(), spikes, null, null, new long[1], new int[p.size()], false);
            states.register(g.name(), "spike_total", "1", g.spikeTotal());
            states.register(g.name(), "spike_counts", "1", g.spikeCounts());
            groups.put(g.name(), g);
            memberGroups.add(g);
        }
        int[] last = new int[storage.size()];
        int[] lastCount = new int[1];
        states.register(storage.name(), "spike_members_last", "1", last);
        states.register(storage.name(), "spike_members_last_count", "1", lastCount);
        memberSplitTasks.add(new MemberSpikes(storage.spikes(), memberGroups, from, last, lastCount)
                .task(storage.name() + ".spikes.members"));
    }

    private void input(NetworkSpec.Input in) {
        InputModel model = (InputModel) in.model().factory();
        EngineContext ctx = context(in.name(), in.model());
        if (model.spikeSource()) {
            SpikeBuffer spikes = new SpikeBuffer(in.size());
            StepTask task = guard(in.model(), () -> {
                registerSpikes(in.name(), "spike", spikes);
                return model.create(in.model().params(), ctx, in.size(), null, spikes.flags);
            });
            if (task != null) {
                dynamicsTasks.add(perNeuron(from(in.model(), task), in.size()));
                addGroup(new Group(in.name(), in.size(), spikes, null, null, new long[1], new int[in.size()], true));
            }
        } else {
            Group target = groups.containsKey(in.target()) ? groups.get(in.target()) : storages.get(in.target());
            if (target == null) {
                return;
            }
            float[] into = in.var() == null ? target.current() : variable(target.name(), in.var());
            if (into == null) {
                return;
            }
            if (in.range() != null) {
                slicedInput(in, model, ctx, into);
                return;
            }
            StepTask task = guard(in.model(), () -> model.create(in.model().params(), ctx, target.size(),
                    into, null));
            if (task != null) {
                inputTasks.add(perNeuron(from(in.model(), task), target.size()));
            }
        }
    }

    /**
     * A current onto a slice of its target ({@code target: P[100:200]}): the model adds into a current of
     * the slice's size, which a second task adds onto the slice's neurons and zeroes. Whole-group inputs
     * keep writing straight into the target's current.
     */
    private void slicedInput(NetworkSpec.Input in, InputModel model, EngineContext ctx, float[] into) {
        float[] own = new float[in.size()];
        StepTask task = guard(in.model(), () -> model.create(in.model().params(), ctx, in.size(), own, null));
        if (task != null) {
            states.nameScratch(in.name(), "current", own);
            inputTasks.add(from(in.model(), task));
            inputTasks.add(StepTask.of(in.name() + ".slice", in.size(), InputKernelsCalls.addToSlice(own,
                    into, in.range().from())));
        }
    }

    /**
     * @return the float state variable {@code var} of population {@code owner} that an input's {@code var}
     *         names (a synaptic current such as {@code isyn_exc}, which the neuron integrates on), or null with
     *         the error recorded at {@code part.var}
     */
    private float[] variable(String owner, String var) {
        Object array = states.find(owner + "." + var).map(StateRegistry.State::array).orElse(null);
        if (array instanceof float[] values && values.length == groups.get(owner).size()) {
            return values;
        }
        List<String> vars = new ArrayList<>();
        for (StateRegistry.State st : states.all()) {
            if (st.owner().equals(owner) && st.array() instanceof float[] a && a.length == groups.get(owner).size()) {
                vars.add(st.variable());
            }
        }
        errors.add(new ConfigError(part + ".var", "'" + var + "' is not a float variable per neuron of " + owner
                + "." + Suggestions.didYouMean(var, vars) + " Variables: " + String.join(", ", vars)));
        return null;
    }

    private void addGroup(Group g) {
        groups.put(g.name(), g);
        compaction(g);
    }

    private void compaction(Group g) {
        SpikeBuffer s = g.spikes();
        long[] total = g.spikeTotal();
        int[] counts = g.spikeCounts();
        states.register(g.name(), "spike_total", "1", total);
        states.register(g.name(), "spike_counts", "1", counts);
        // Compaction in two parts: a scan of each range into runs, which chains with the neuron update that
        // wrote the flags (same range, same tile, data still in cache), then a short serial join of the runs.
        int[] runs = new int[s.size()];
        int[] runLength = new int[s.size()];
        int[] runEnd = new int[s.size()];
        states.nameScratch(g.name(), "spike_runs", runs);
        states.nameScratch(g.name(), "spike_run_length", runLength);
        states.nameScratch(g.name(), "spike_run_end", runEnd);
        spikeScanTasks.add(StepTask.of(g.name() + ".spikes.scan", s.size(), SpikeKernelsCalls.scanRun(s.flags, runs,
                counts, runLength, runEnd)));
        spikeJoinTasks.add(StepTask.of(g.name() + ".spikes.join", s.size(), SpikeKernelsCalls.joinRuns(runs, runLength,
                runEnd, s.list, s.count, total)));
    }

    void registerSpikes(String owner, String variable, SpikeBuffer s) {
        states.register(owner, variable, "1", s.flags);
        states.register(owner, variable + "_list", "1", s.list);
        states.register(owner, variable + "_count", "1", s.count);
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
                DelayRing ring = new DelayRing(g.size(), d);
                ring.register(states, g.name());
                rings.put(g.name(), ring);
            }
        }
        return rings;
    }

    /**
     * Runs a model's factory method. A model that rejects its arguments (IllegalArgumentException)
     * becomes a config error at the model's path and the result is null; anything else it throws, an
     * {@code Error} included, is a fault of the model's pack and stops the build. Running out of heap is
     * left to {@link #build(NetworkSpec, long)}, which names the part being built.
     */
    <T> T guard(ModelRef model, Supplier<T> create) {
        T created;
        try {
            created = create.get();
        } catch (IllegalArgumentException e) {
            errors.add(new ConfigError(model.path(), model.name() + ": " + e.getMessage()));
            return null;
        } catch (OutOfMemoryError | PluginFailureException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw new PluginFailureException(model.path() + ": " + model.blame() + " failed while building: "
                    + describe(e), e);
        }
        if (created == null) {
            throw new PluginFailureException(model.path() + ": " + model.blame() + " returned nothing (null) while"
                    + " building", null);
        }
        return created;
    }

    /**
     * @return what a model's object returns when asked ({@code group.update()}), with anything it
     *         throws named as a fault of the model's pack
     */
    <T> T call(ModelRef model, Supplier<T> body) {
        try {
            return model.call("while building", body);
        } catch (IllegalArgumentException e) {
            // Not a refusal of the config here: the model's own object failed.
            throw new PluginFailureException(model.path() + ": " + model.blame() + " failed while building: "
                    + describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
