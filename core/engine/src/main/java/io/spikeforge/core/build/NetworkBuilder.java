package io.spikeforge.core.build;

import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.ModelRef;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.config.RowBlocks;
import io.spikeforge.core.plugin.PluginFailureException;
import io.spikeforge.core.sim.DelayRing;
import io.spikeforge.core.sim.Group;
import io.spikeforge.core.sim.Monitor;
import io.spikeforge.core.sim.Network;
import io.spikeforge.core.sim.ProjectionBlock;
import io.spikeforge.core.sim.ProjectionRuntime;
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
 *   <li>each projection, in config order: read the delayed pre spikes; plasticity updates traces
 *       and weights; spikes are delivered through the updated weights to the synapses;</li>
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
    private final int[] clock = new int[1];
    private final StateRegistry states = new StateRegistry();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final List<ConfigError> errors = new ArrayList<>();
    private final List<StepTask> inputTasks = new ArrayList<>();
    private final List<StepTask> deliveryTasks = new ArrayList<>();
    private final List<StepTask> projectionTasks = new ArrayList<>();
    private final List<StepTask> dynamicsTasks = new ArrayList<>();
    private final List<StepTask> spikeScanTasks = new ArrayList<>();
    private final List<StepTask> spikeJoinTasks = new ArrayList<>();

    private NetworkBuilder(NetworkSpec spec, long maxBlockSynapses) {
        this.spec = spec;
        this.maxBlockSynapses = maxBlockSynapses;
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
        if (maxBlockSynapses < 1 || maxBlockSynapses > RowBlocks.MAX_SYNAPSES) {
            throw new IllegalArgumentException("a block holds 1 to " + RowBlocks.MAX_SYNAPSES + " synapses, not "
                    + maxBlockSynapses);
        }
        return new NetworkBuilder(spec, maxBlockSynapses).build();
    }

    private Network build() {
        long t0 = System.nanoTime();
        spec.populations().forEach(this::population);
        spec.inputs().forEach(this::input);
        Map<String, DelayRing> rings = rings();
        List<ProjectionRuntime> projections = new ArrayList<>();
        List<StepTask> postUpdateTasks = new ArrayList<>();
        for (NetworkSpec.Projection p : spec.projections()) {
            ProjectionRuntime built = projection(p, rings, postUpdateTasks);
            if (built != null) {
                projections.add(built);
            }
        }
        List<Monitor> monitors = new MonitorBuilder(spec, groups, projections, states, clock, errors).build();
        if (!errors.isEmpty()) {
            throw new ConfigException(spec.origin().source(), errors);
        }
        // Delivery first, then the per-neuron passes (inputs, synapses, outputs, neurons) together:
        // they touch disjoint data, so the order gives the same floats, and the passes over each
        // population then form one chain that a backend can run in cache-sized tiles.
        List<StepTask> tasks = new ArrayList<>(deliveryTasks);
        tasks.addAll(inputTasks);
        tasks.addAll(projectionTasks);
        tasks.addAll(dynamicsTasks);
        tasks.addAll(spikeScanTasks);
        tasks.addAll(spikeJoinTasks);
        rings.forEach((name, ring) -> tasks.add(ring.push(name, groups.get(name).spikes(), clock)));
        tasks.addAll(postUpdateTasks);
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
        NeuronModel model = (NeuronModel) p.neuron().factory();
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
        dynamicsTasks.add(group.update());
        addGroup(new Group(p.name(), p.size(), spikes, current, group.v(), new long[1], new int[p.size()], false));
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
                dynamicsTasks.add(task);
                addGroup(new Group(in.name(), in.size(), spikes, null, null, new long[1], new int[in.size()], true));
            }
        } else {
            Group target = groups.get(in.target());
            if (target == null) {
                return;
            }
            StepTask task = guard(in.model(), () -> model.create(in.model().params(), ctx, target.size(),
                    target.current(), null));
            if (task != null) {
                inputTasks.add(task);
            }
        }
    }

    private void addGroup(Group g) {
        groups.put(g.name(), g);
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
        spikeScanTasks.add(StepTask.parallel(g.name() + ".spikes.scan", s.size())
                .reads(s.flags).writes(runs, counts, runLength, runEnd).elementwise()
                .device("SpikeKernels.scanRun", s.flags, runs, counts, runLength, runEnd)
                .body((from, to) -> SpikeKernels.scanRun(from, to, s.flags, runs, counts, runLength, runEnd)));
        spikeJoinTasks.add(StepTask.serial(g.name() + ".spikes.join", s.size())
                .reads(runs, runLength, runEnd).writes(s.list, s.count, total)
                .device("SpikeKernels.joinRuns", runs, runLength, runEnd, s.list, s.count, total)
                .body((from, to) -> SpikeKernels.joinRuns(from, to, runs, runLength, runEnd, s.list, s.count, total)));
    }

    private void registerSpikes(String owner, String variable, SpikeBuffer s) {
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

    /** @return the projection, or null when a model refused (reported) or a group it uses failed */
    private ProjectionRuntime projection(NetworkSpec.Projection p, Map<String, DelayRing> rings,
                                         List<StepTask> postUpdateTasks) {
        Group pre = groups.get(p.pre());
        Group post = groups.get(p.post());
        if (pre == null || post == null) {
            return null;
        }
        String n = p.name();
        long estimate = ((ConnectorModel) p.connector().factory()).estimateSynapses(p.connector().params(),
                pre.size(), post.size(), pre == post);
        int[] rows = RowBlocks.bounds(pre.size(), RowBlocks.count(estimate, pre.size(), maxBlockSynapses));
        List<ProjectionBlock> blocks = new ArrayList<>();
        long first = 0;
        for (int b = 0; b + 1 < rows.length; b++) {
            ProjectionBlock block = block(p, rows, b, first, estimate, pre.size(), post.size(), pre == post);
            if (block == null) {
                return null;
            }
            blocks.add(block);
            first += block.comm().synapses();
        }
        SpikeBuffer delayed = pre.spikes();
        if (p.delaySteps() > 0) {
            delayed = new SpikeBuffer(pre.size());
            registerSpikes(n, "arriving_spike", delayed);
            deliveryTasks.add(rings.get(pre.name()).read(n, p.delaySteps(), delayed, clock));
        }
        if (p.plasticity() != null) {
            for (int b = 0; b < blocks.size(); b++) {
                PlasticityModel.Plasticity rule = plasticity(p, blockOwner(n, b), blocks.get(b), delayed, post,
                        postUpdateTasks);
                if (rule == null) {
                    return null;
                }
                ProjectionBlock x = blocks.get(b);
                blocks.set(b, new ProjectionBlock(x.firstSynapse(), x.comm(), rule, x.initialWeights(), x.connectivity()));
            }
        }
        int synSize = p.alignPre() ? pre.size() : post.size();
        float[] synInput = new float[synSize];
        SynapseModel.SynapseState syn = guard(p.syn(), () -> {
            states.register(n, "syn_input", "uS", synInput);
            return ((SynapseModel) p.syn().factory()).create(p.syn().params(), context(n, p.syn()), synSize, synInput);
        });
        if (syn == null) {
            return null;
        }
        List<CommModel.Comm> comms = blocks.stream().map(ProjectionBlock::comm).toList();
        float[] drive = p.alignPre() ? alignPre(n, delayed, synInput, syn, comms, post.size())
                : alignPost(n, delayed, synInput, syn, comms);
        StepTask out = guard(p.out(), () -> ((OutputModel) p.out().factory()).create(p.out().params(),
                context(n, p.out()), drive, post.v(), post.current()));
        if (out == null) {
            return null;
        }
        projectionTasks.add(out);
        return new ProjectionRuntime(p, List.copyOf(blocks));
    }

    /** @return the owner name of block {@code b}: the projection's own for the first, {@code name#b} after */
    private static String blockOwner(String projection, int b) {
        return b == 0 ? projection : projection + "#" + b;
    }

    /** @return block {@code b} of rows: its pairs, weights and comm; null when a model refused */
    private ProjectionBlock block(NetworkSpec.Projection p, int[] rows, int b, long first, long estimate,
                                  int preSize, int postSize, boolean same) {
        String n = p.name();
        String owner = blockOwner(n, b);
        boolean split = rows.length > 2;
        ConnectorModel connector = (ConnectorModel) p.connector().factory();
        EngineContext connContext = new EngineContext(spec.dt(), n + ".conn", spec.seed(), clock, states, List.of());
        Connectivity conn = guard(p.connector(), () -> {
            if (!split) {
                return connector.connect(p.connector().params(), connContext, preSize, postSize, same);
            }
            try {
                return connector.connectRows(p.connector().params(), connContext, preSize, postSize, same, rows[b],
                        rows[b + 1]);
            } catch (UnsupportedOperationException e) {
                throw new IllegalArgumentException("would make about " + estimate + " synapses, more than the "
                        + maxBlockSynapses + " one block of a projection holds, and cannot generate its rows in"
                        + " blocks; lower the connection density or split the projection");
            }
        });
        if (conn == null) {
            return null;
        }
        float[] weights = new float[conn.synapses()];
        InitializerModel init = (InitializerModel) p.weight().factory();
        long seed = EngineContext.derive(spec.seed(), n + ".weight");
        if (guard(p.weight(), () -> {
            if (!split) {
                init.fill(p.weight().params(), weights, seed);
                return weights;
            }
            try {
                init.fill(p.weight().params(), weights, seed, first);
            } catch (UnsupportedOperationException e) {
                throw new IllegalArgumentException("cannot fill the weights of a projection split into blocks"
                        + " (it cannot start at synapse " + first + "); use Constant, Uniform or Normal");
            }
            return weights;
        }) == null) {
            return null;
        }
        // Plastic weights change, so keep where they started; static ones are their own record.
        float[] initial = p.plasticity() != null ? weights.clone() : weights;
        CommModel.Comm comm = guard(p.comm(), () -> {
            states.register(owner, "weight", "uS", weights);
            return ((CommModel) p.comm().factory()).create(p.comm().params(), context(owner, p.comm()), conn, weights);
        });
        return comm == null ? null : new ProjectionBlock(first, comm, null, initial, conn);
    }

    private PlasticityModel.Plasticity plasticity(NetworkSpec.Projection p, String owner, ProjectionBlock block,
                                                  SpikeBuffer arriving, Group post, List<StepTask> postUpdateTasks) {
        return guard(p.plasticity(), () -> {
            PlasticityModel.Plasticity rule = ((PlasticityModel) p.plasticity().factory()).create(
                    p.plasticity().params(), context(owner, p.plasticity()), block.comm(), arriving, post.spikes());
            // Copied inside the guard, so that a rule returning null lists is reported as its own fault.
            checkBounds(block.initialWeights(), rule.wMin(), rule.wMax());
            deliveryTasks.addAll(List.copyOf(rule.beforeDelivery()));
            postUpdateTasks.addAll(List.copyOf(rule.afterPostUpdate()));
            return rule;
        });
    }

    private float[] alignPost(String n, SpikeBuffer spikes, float[] synInput, SynapseModel.SynapseState syn,
                              List<CommModel.Comm> comms) {
        // Blocks deliver in row order, one after another, so each post neuron sums its inputs in the order
        // of the unsplit projection.
        for (int b = 0; b < comms.size(); b++) {
            deliveryTasks.add(comms.get(b).propagateSpikes(blockOwner(n, b) + ".comm", spikes, synInput));
        }
        projectionTasks.add(syn.update());
        return syn.g();
    }

    private float[] alignPre(String n, SpikeBuffer spikes, float[] synInput, SynapseModel.SynapseState syn,
                             List<CommModel.Comm> comms, int postSize) {
        projectionTasks.add(StepTask.parallel(n + ".spikes_to_syn", spikes.size())
                .reads(spikes.flags).writes(synInput).elementwise()
                .device("SpikeKernels.flagsToInput", spikes.flags, synInput)
                .body((from, to) -> SpikeKernels.flagsToInput(from, to, spikes.flags, synInput)));
        projectionTasks.add(syn.update());
        float[] postDrive = new float[postSize];
        states.register(n, "drive", "uS", postDrive);
        projectionTasks.add(StepTask.parallel(n + ".drive.clear", postSize).writes(postDrive).elementwise()
                .device("SpikeKernels.clear", postDrive)
                .body((from, to) -> SpikeKernels.clear(from, to, postDrive)));
        for (int b = 0; b < comms.size(); b++) {
            projectionTasks.add(comms.get(b).propagateValues(blockOwner(n, b) + ".comm", syn.g(), postDrive));
        }
        return postDrive;
    }

    /**
     * Initial weights outside the rule's bounds would stay there until touched: refuse them, never clip
     * silently. The refusal is a config error at the weight initializer's path.
     */
    private static void checkBounds(float[] w, double lo, double hi) {
        int outside = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float x : w) {
            outside += x < lo || x > hi ? 1 : 0;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        if (outside > 0) {
            throw new IllegalArgumentException(outside + " of " + w.length + " initial weights lie outside the plasticity"
                    + " bounds [" + fmt(lo) + ", " + fmt(hi) + "] (they span [" + min + ", " + max + "]); choose an"
                    + " initializer within W_min and W_max");
        }
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "none" : String.valueOf(v);
    }

    /**
     * Runs a model's factory method. A model that rejects its arguments (IllegalArgumentException)
     * becomes a config error at the model's path and the result is null; any other failure is a
     * fault of the model's pack and stops the build.
     */
    private <T> T guard(ModelRef model, Supplier<T> create) {
        T created;
        try {
            created = create.get();
        } catch (IllegalArgumentException e) {
            errors.add(new ConfigError(model.path(), model.name() + ": " + e.getMessage()));
            return null;
        } catch (RuntimeException | LinkageError e) {
            throw new PluginFailureException(model.path() + ": " + model.factory().kind().word() + " model '"
                    + model.name() + "' from pack " + model.pack() + " failed while building: " + describe(e), e);
        }
        if (created == null) {
            throw new PluginFailureException(model.path() + ": " + model.factory().kind().word() + " model '"
                    + model.name() + "' from pack " + model.pack() + " returned nothing (null) while building", null);
        }
        return created;
    }

    private static String describe(Throwable e) {
        return e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
