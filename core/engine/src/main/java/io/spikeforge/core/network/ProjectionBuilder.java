package io.spikeforge.core.network;

import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.config.RowBlocks;
import io.spikeforge.core.config.SynapseParams;
import io.spikeforge.core.sim.DelayRing;
import io.spikeforge.core.sim.Group;
import io.spikeforge.core.sim.ProjectionBlock;
import io.spikeforge.core.sim.ProjectionRuntime;
import io.spikeforge.core.split.LocalSynapses;
import io.spikeforge.core.split.SplitWeights;
import io.spikeforge.kernels.KernelPairs;
import io.spikeforge.kernels.SpikeKernelsCalls;
import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.ConnectorModel;
import io.spikeforge.spi.CouplingModel;
import io.spikeforge.spi.InitializerModel;
import io.spikeforge.spi.OutputModel;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.PlasticityModel;
import io.spikeforge.spi.SpikeBuffer;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.SynapseDelays;
import io.spikeforge.spi.SynapseModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the projections of a {@link NetworkBuilder}: connectivity, weights, comm, plasticity, synapse
 * and output, with their tasks in the builder's lists. A projection with more synapses than one block
 * of int indices holds is built in blocks of rows (see {@link RowBlocks}), each with its own comm and
 * rule, delivering one after another into the one synapse state.
 */
final class ProjectionBuilder {

    private final NetworkBuilder builder;
    private final NetworkSpec spec;
    private final List<StepTask> deliveryTasks;
    private final List<StepTask> projectionTasks;
    private final List<StepTask> postUpdateTasks;
    private final List<StepTask> ringPushTasks;
    /**
     * In a split network, each block of the projection being built as the blocks of rows it was generated
     * in, each with the synapses this process keeps of it; empty in one process.
     */
    private final List<List<LocalPart>> localParts = new ArrayList<>();

    /**
     * A block of rows generated whole in a process of a split network, and what the process keeps of it.
     *
     * @param first the projection-wide index of the block's first synapse
     * @param own   the synapses kept, indexed within the block
     */
    record LocalPart(long first, LocalSynapses own) {
    }

    /** A block of rows as its connector and weight initializer made it, whole. */
    private record Whole(Connectivity conn, float[] weights) {
    }

    /**
     * @param ringPushTasks where the spike rings of projections with delays drawn per synapse store each
     *                      step's spikes, run after the groups update
     */
    ProjectionBuilder(NetworkBuilder builder, List<StepTask> deliveryTasks, List<StepTask> projectionTasks,
                      List<StepTask> postUpdateTasks, List<StepTask> ringPushTasks) {
        this.builder = builder;
        this.ringPushTasks = ringPushTasks;
        this.spec = builder.spec();
        this.deliveryTasks = deliveryTasks;
        this.projectionTasks = projectionTasks;
        this.postUpdateTasks = postUpdateTasks;
    }

    /**
     * Each projection built: the steps its spikes take at least by its delays, the tasks it made, and its
     * pre group's spike arrays of the step (see {@link #latency}).
     */
    private record Made(int delayLatency, List<StepTask> tasks, List<Object> preSpikes) {
    }

    private final List<Made> made = new ArrayList<>();
    /** The latency of the projection being built, from its delays. */
    private int delayLatency;

    /** The spike rings of projections of their own (per-synapse delays), in the order they were made. */
    private final List<DelayRing> ownRings = new ArrayList<>();

    /** @return the spike rings of projections of their own */
    List<DelayRing> ownRings() {
        return ownRings;
    }

    /**
     * The fewest steps any spike of the projections built takes to reach a synapse: one, plus the
     * shortest delay, or one where a task of the projection reads its pre group's spikes of the step
     * itself (a delay of 0, a rule that counts spikes before their per-synapse delays). A split network
     * exchanges spikes once per this many steps. Asked once every comm has chosen its kernels (a task's
     * declarations are read only then, so that reading them chooses nothing early).
     */
    int latency() {
        int latency = Integer.MAX_VALUE;
        for (Made m : made) {
            java.util.Set<Object> current = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            current.addAll(m.preSpikes());
            boolean now = m.tasks().stream().anyMatch(t -> t.reads().stream().anyMatch(current::contains));
            latency = Math.min(latency, now ? 1 : m.delayLatency());
        }
        return latency;
    }

    /** @return the projection, or null when a model refused (reported) or a group it uses failed */
    ProjectionRuntime build(NetworkSpec.Projection p, Map<String, DelayRing> rings) {
        int delivery = deliveryTasks.size();
        int perStep = projectionTasks.size();
        delayLatency = 1;
        ProjectionRuntime built = buildProjection(p, rings);
        Group pre = builder.group(p.pre());
        if (pre != null) {
            List<StepTask> tasks = new ArrayList<>(deliveryTasks.subList(delivery, deliveryTasks.size()));
            tasks.addAll(projectionTasks.subList(perStep, projectionTasks.size()));
            made.add(new Made(delayLatency, tasks, List.of(pre.spikes().flags, pre.spikes().list, pre.spikes().count)));
        }
        return built;
    }

    private ProjectionRuntime buildProjection(NetworkSpec.Projection p, Map<String, DelayRing> rings) {
        Group pre = builder.group(p.pre());
        Group post = builder.group(p.post());
        if (pre == null || post == null) {
            return null;
        }
        String n = p.name();
        int preRows = p.preRange().size();
        long estimate = builder.call(p.connector(), () -> ((ConnectorModel) p.connector().factory()).estimateSynapses(
                p.connector().params(), preRows, p.postRange().size(), p.sameNeurons()));
        int[] rows = RowBlocks.bounds(preRows, RowBlocks.count(estimate, preRows, builder.maxBlockSynapses()));
        List<ProjectionBlock> blocks = new ArrayList<>();
        localParts.clear();
        long first = 0;
        if (builder.split() != null) {
            first = localBlocks(p, estimate, pre.size(), post.size(), blocks);
            if (first < 0) {
                return null;
            }
        }
        for (int b = 0; builder.split() == null && b + 1 < rows.length; b++) {
            ProjectionBlock block = block(p, rows, b, first, estimate, pre.size(), post.size());
            if (block == null) {
                return null;
            }
            blocks.add(block);
            first += builder.call(p.comm(), block.comm()::synapses);
        }
        SpikeBuffer delayed = pre.spikes();
        List<SynapseDelays> arrivals = null;
        if (p.delays() != null) {
            short[][] steps = drawDelays(p, blocks);
            if (steps == null) {
                return null;
            }
            int lo = Integer.MAX_VALUE;
            int hi = 0;
            for (short[] block : steps) {
                for (short d : block) {
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                }
            }
            DelayRing ring = hi > 0 ? ownRing(p, pre, hi) : null;
            if (hi > 0 && ring == null) {
                return null;
            }
            if (lo >= hi) {
                // One delay for all (or no synapses): today's path and data, the drawn steps dropped.
                if (hi > 0) {
                    delayLatency = 1 + hi;
                    delayed = new SpikeBuffer(pre.size());
                    builder.registerSpikes(n, "arriving_spike", delayed);
                    deliveryTasks.add(ring.read(n, hi, delayed, builder.clock()));
                }
            } else {
                delayLatency = 1 + lo;
                arrivals = new ArrayList<>();
                for (int b = 0; b < blocks.size(); b++) {
                    arrivals.add(ring.synapseDelays(pre.spikes(), steps[b], builder.clock()));
                    blocks.set(b, blocks.get(b).withDelaySteps(steps[b]));
                }
            }
        } else if (p.delaySteps() > 0) {
            delayLatency = 1 + p.delaySteps();
            delayed = new SpikeBuffer(pre.size());
            builder.registerSpikes(n, "arriving_spike", delayed);
            deliveryTasks.add(rings.get(pre.name()).read(n, p.delaySteps(), delayed, builder.clock()));
        }
        if (p.plasticity() != null) {
            for (int b = 0; b < blocks.size(); b++) {
                PlasticityModel.Plasticity rule = plasticity(p, blockOwner(n, b), blocks.get(b),
                        localParts.isEmpty() ? null : localParts.get(b), first, delayed,
                        arrivals == null ? null : arrivals.get(b), post);
                if (rule == null) {
                    return null;
                }
                blocks.set(b, blocks.get(b).withPlasticity(rule));
            }
        }
        if (p.target() != null) {
            // Brian2's on_pre 'ge += w': the weights add straight to the post neurons' variable.
            float[] target = (float[]) builder.states().find(post.name() + "." + p.target()).orElseThrow().array();
            for (int b = 0; b < blocks.size(); b++) {
                CommModel.Comm comm = blocks.get(b).comm();
                String owner = blockOwner(n, b) + ".comm";
                SynapseDelays arrival = arrivals == null ? null : arrivals.get(b);
                SpikeBuffer spikes = delayed;
                deliveryTasks.add(builder.from(p.comm(), builder.call(p.comm(), () -> arrival == null
                        ? comm.propagateSpikes(owner, spikes, target) : comm.propagateSpikes(owner, arrival, target))));
            }
            return new ProjectionRuntime(p, List.copyOf(blocks));
        }
        if (p.syn() == null) {
            // The rule gives the post neurons their input itself (its summed variables).
            return new ProjectionRuntime(p, List.copyOf(blocks));
        }
        if (arrivals != null && (p.syn().factory() instanceof CouplingModel
                || ((SynapseModel) p.syn().factory()).statePerSynapse() && builder.split() != null)) {
            // These deliver the arriving spikes themselves, through the projection's one delay (Tsodyks-Markram
            // walks the comm's delayed rows, in one process).
            builder.guard(p.syn(), () -> {
                throw new IllegalArgumentException("delivers spikes itself through one delay for the whole projection"
                        + (builder.split() != null && !(p.syn().factory() instanceof CouplingModel)
                        ? " in a network split over processes" : "")
                        + ", so it cannot take per-synapse delays; give " + p.name() + " one delay in ms");
            });
            return null;
        }
        if (p.syn().factory() instanceof CouplingModel c && c.touchesPre() && builder.split() != null) {
            builder.guard(p.syn(), () -> {
                throw new IllegalArgumentException("couples the neurons' voltages, which a network split over processes"
                        + " holds only for its own neurons; run it in one process");
            });
            return null;
        }
        if (p.syn().factory() instanceof CouplingModel coupling) {
            return couple(p, coupling, blocks, delayed, pre, post) ? new ProjectionRuntime(p, List.copyOf(blocks)) : null;
        }
        int synSize = p.alignPre() ? pre.size() : post.size();
        float[] synInput = new float[synSize];
        SynapseModel.SynapseState syn = builder.guard(p.syn(), () -> {
            builder.states().register(n, "syn_input", "uS", synInput);
            return ((SynapseModel) p.syn().factory()).create(p.syn().params(), builder.context(n, p.syn()), synSize,
                    synInput);
        });
        if (syn == null) {
            return null;
        }
        List<CommModel.Comm> comms = blocks.stream().map(ProjectionBlock::comm).toList();
        float[] drive = p.alignPre() ? alignPre(p, delayed, synInput, syn, comms, post.size())
                : alignPost(p, delayed, arrivals, synInput, syn, comms);
        if (drive == null) {
            return null;
        }
        StepTask out = builder.guard(p.out(), () -> ((OutputModel) p.out().factory()).create(p.out().params(),
                builder.context(n, p.out()), drive, post.v(), post.current()));
        if (out == null) {
            return null;
        }
        projectionTasks.add(p.alignPre() ? builder.from(p.out(), out)
                : builder.perNeuron(builder.from(p.out(), out), post.size()));
        fuseLastPair();
        return new ProjectionRuntime(p, List.copyOf(blocks));
    }

    /**
     * Makes the last two projection tasks one when they have a one-pass kernel ({@link KernelPairs}): a
     * synapse update and the output right after it, over the same post neurons. The fused task keeps
     * the synapse's name with the output's, and is blamed on the synapse's pack.
     */
    private void fuseLastPair() {
        int n = projectionTasks.size();
        if (n < 2) {
            return;
        }
        StepTask first = projectionTasks.get(n - 2);
        StepTask second = projectionTasks.get(n - 1);
        if (first.size() != second.size() || first.pending() || second.pending() || first.kernel().isEmpty()
                || second.kernel().isEmpty()) {
            return;
        }
        KernelPairs.fuse(first.kernel().get(), second.kernel().get()).ifPresent(call -> {
            projectionTasks.remove(n - 1);
            // Over the post neurons as both were: a split process runs it over its own.
            projectionTasks.set(n - 2, builder.perNeuronAs(first, builder.alias(first, StepTask.of(first.name() + "+"
                    + second.name(), first.size(), call))));
        });
    }

    /** Builds a coupling's tasks (Delta, GapJunction); @return false when it refused (reported) */
    private boolean couple(NetworkSpec.Projection p, CouplingModel model, List<ProjectionBlock> blocks,
                           SpikeBuffer arriving, Group pre, Group post) {
        CouplingModel.Coupling c = builder.guard(p.syn(), () -> {
            if (blocks.size() > 1) {
                throw new IllegalArgumentException("a coupling must fit one block of " + builder.maxBlockSynapses()
                        + " synapses; lower the connection density or split the projection");
            }
            return model.couple(p.syn().params(), builder.context(p.name(), p.syn()), new CouplingModel.Sides(
                    blocks.get(0).comm(), arriving, pre.v(), pre.current(), post.v(), post.current(),
                    pre.name().equals(post.name()), p.delaySteps()));
        });
        if (c == null) {
            return false;
        }
        c.delivery().forEach(t -> deliveryTasks.add(builder.from(p.syn(), t)));
        c.beforePostUpdate().forEach(t -> projectionTasks.add(builder.from(p.syn(), t)));
        c.afterPostUpdate().forEach(t -> postUpdateTasks.add(builder.from(p.syn(), t)));
        return true;
    }

    /**
     * Draws each synapse's delay in ms from the projection's delay initializer (seeded from the run's seed
     * and the projection's name, in synapse order, so whatever the threads) and rounds it to whole steps
     * ({@link DelayRing#steps}).
     *
     * @return each block's delays in steps, or null when they were refused (reported at the delay's path)
     */
    private short[][] drawDelays(NetworkSpec.Projection p, List<ProjectionBlock> blocks) {
        InitializerModel init = (InitializerModel) p.delays().factory();
        long seed = EngineContext.derive(spec.seed(), p.name() + ".delay");
        double dt = spec.dt();
        return builder.guard(p.delays(), () -> {
            short[][] steps = new short[blocks.size()][];
            long negative = 0;
            long tooLong = 0;
            double lowest = 0;
            double longest = 0;
            for (int b = 0; b < blocks.size(); b++) {
                ProjectionBlock block = blocks.get(b);
                float[] ms = localParts.isEmpty() ? drawn(p, init, seed, block.firstSynapse(),
                        block.connectivity().synapses(), blocks.size() == 1) : drawnKept(p, init, seed, localParts.get(b));
                short[] s = new short[ms.length];
                for (int k = 0; k < ms.length; k++) {
                    double d = ms[k];
                    long n = DelayRing.steps(d, dt);
                    if (!(d >= 0)) {
                        negative++;
                        lowest = Math.min(lowest, d);
                    } else if (n > Short.MAX_VALUE) {
                        tooLong++;
                        longest = Math.max(longest, d);
                    } else {
                        s[k] = (short) n;
                    }
                }
                steps[b] = s;
            }
            long total = localParts.isEmpty() ? blocks.stream().mapToLong(b -> b.connectivity().synapses()).sum()
                    : localParts.stream().flatMap(List::stream).mapToLong(part -> part.own().wholeSynapses()).sum();
            if (negative > 0) {
                throw new IllegalArgumentException(negative + " of " + total + " delays drawn are negative (down to "
                        + (float) lowest + " ms); a delay is at least 0 ms: draw them from an initializer that gives"
                        + " none below 0, such as a Uniform with min_val >= 0");
            }
            if (tooLong > 0) {
                throw new IllegalArgumentException(tooLong + " of " + total + " delays drawn are longer than the "
                        + Short.MAX_VALUE + " steps (" + (float) (Short.MAX_VALUE * dt) + " ms at dt = " + dt
                        + " ms) a per-synapse delay can hold, the longest " + (float) longest + " ms; shorten them or"
                        + " raise dt");
            }
            return steps;
        });
    }

    /** @return a spike ring of the pre group for this projection alone, pushed each step; null when too large */
    private DelayRing ownRing(NetworkSpec.Projection p, Group pre, int maxDelay) {
        long entries = (maxDelay + 1L) * pre.size();
        if (entries > Integer.MAX_VALUE - 8) {
            builder.guard(p.delays(), () -> {
                throw new IllegalArgumentException("delays of up to " + maxDelay + " steps keep the spikes of '"
                        + pre.name() + "' (" + pre.size() + " neurons) for " + (maxDelay + 1) + " steps: " + entries
                        + " entries, more than the " + (Integer.MAX_VALUE - 8) + " of the largest Java array;"
                        + " shorten the delays or raise dt");
            });
            return null;
        }
        DelayRing ring = new DelayRing(pre.size(), maxDelay);
        ownRings.add(ring);
        ring.register(builder.states(), p.name());
        ringPushTasks.add(ring.push(p.name(), pre.spikes(), builder.clock()));
        return ring;
    }

    /** @return the owner name of block {@code b}: the projection's own for the first, {@code name#b} after */
    private static String blockOwner(String projection, int b) {
        return b == 0 ? projection : projection + "#" + b;
    }

    /** @return block {@code b} of rows: its pairs, weights and comm; null when a model refused */
    private ProjectionBlock block(NetworkSpec.Projection p, int[] rows, int b, long first, long estimate,
                                  int preSize, int postSize) {
        Whole whole = generate(p, rows, b, first, estimate, preSize, postSize);
        return whole == null ? null : withComm(p, blockOwner(p.name(), b), first, whole.conn(), whole.weights());
    }

    /** @return the block's comm over {@code conn} and {@code weights}; null when the comm refused */
    private ProjectionBlock withComm(NetworkSpec.Projection p, String owner, long first, Connectivity conn,
                                     float[] weights) {
        // Plastic weights change, so keep where they started; static ones are their own record.
        float[] initial = p.plasticity() != null ? weights.clone() : weights;
        CommModel.Comm comm = builder.guard(p.comm(), () -> {
            builder.states().register(owner, "weight", "uS", weights);
            return ((CommModel) p.comm().factory()).create(p.comm().params(), builder.context(owner, p.comm()), conn,
                    weights);
        });
        return comm == null ? null : new ProjectionBlock(first, comm, null, initial, conn);
    }

    /** @return block {@code b} of rows as the connector and the weight initializer make it; null when one refused */
    private Whole generate(NetworkSpec.Projection p, int[] rows, int b, long first, long estimate, int preSize,
                           int postSize) {
        String n = p.name();
        boolean split = rows.length > 2;
        ConnectorModel connector = (ConnectorModel) p.connector().factory();
        EngineContext connContext = new EngineContext(spec.dt(), n + ".conn", spec.seed(), builder.clock(),
                builder.states(), List.of());
        int preRows = p.preRange().size();
        int postCols = p.postRange().size();
        boolean same = p.sameNeurons();
        Connectivity conn = builder.guard(p.connector(), () -> {
            if (!split) {
                return inGroups(connector.connect(p.connector().params(), connContext, preRows, postCols, same), p,
                        preSize, postSize);
            }
            try {
                return inGroups(connector.connectRows(p.connector().params(), connContext, preRows, postCols, same,
                        rows[b], rows[b + 1]), p, preSize, postSize);
            } catch (UnsupportedOperationException e) {
                throw new IllegalArgumentException("would make about " + estimate + " synapses, more than the "
                        + builder.maxBlockSynapses() + " one block of a projection holds, and cannot generate its"
                        + " rows in blocks; lower the connection density or split the projection");
            }
        });
        if (conn == null) {
            return null;
        }
        float[] weights = new float[conn.synapses()];
        InitializerModel init = (InitializerModel) p.weight().factory();
        long seed = EngineContext.derive(spec.seed(), n + ".weight");
        if (builder.guard(p.weight(), () -> {
            if (!split) {
                init.fillSynapses(p.weight().params(), weights, seed, 0, conn);
                return weights;
            }
            try {
                init.fillSynapses(p.weight().params(), weights, seed, first, conn);
            } catch (UnsupportedOperationException e) {
                throw new IllegalArgumentException("cannot fill the weights of a projection split into blocks"
                        + " (it cannot start at synapse " + first + "); use Constant, Uniform or Normal");
            }
            return weights;
        }) == null) {
            return null;
        }
        return new Whole(conn, weights);
    }

    /**
     * A process of a split network's blocks of a projection: generated in blocks of rows about a process's
     * share of the synapses each (where the connector and the initializers can start part way, else
     * whole), each block kept at the synapses onto this process's posts, and the kept parts joined into as
     * few blocks as int indices allow. The build then holds about one share of the projection more than
     * the run, not the whole projection.
     *
     * @return the projection's whole number of synapses, or -1 when a model refused (reported)
     */
    private long localBlocks(NetworkSpec.Projection p, long estimate, int preSize, int postSize,
                             List<ProjectionBlock> blocks) {
        int preRows = p.preRange().size();
        int normal = RowBlocks.count(estimate, preRows, builder.maxBlockSynapses());
        // A share of the synapses, but not so small that blocks of rows cost more in tasks than they save.
        long share = Math.max(Math.min(1L << 20, builder.maxBlockSynapses() / 4), estimate / builder.split().processes());
        int wanted = RowBlocks.count(estimate, preRows, Math.min(builder.maxBlockSynapses(), share));
        int[] rows = RowBlocks.bounds(preRows, wanted > normal && startsPartWay(p, preRows) ? wanted : normal);
        long limit = (long) (0.9 * builder.maxBlockSynapses());
        int lo = builder.split().first(postSize);
        int hi = builder.split().end(postSize);
        long first = 0;
        List<LocalPart> parts = new ArrayList<>();
        List<float[]> weights = new ArrayList<>();
        long held = 0;
        for (int g = 0; g + 1 < rows.length; g++) {
            Whole whole = generate(p, rows, g, first, estimate, preSize, postSize);
            if (whole == null) {
                return -1;
            }
            LocalSynapses own = LocalSynapses.of(whole.conn(), lo, hi);
            if (held > 0 && held + own.kept().length > limit && !join(p, parts, weights, blocks)) {
                return -1;
            }
            held = parts.isEmpty() ? 0 : held;
            parts.add(new LocalPart(first, own));
            weights.add(own.select(whole.weights()));
            held += own.kept().length;
            first += whole.conn().synapses();
        }
        return join(p, parts, weights, blocks) ? first : -1;
    }

    /** Makes one block of the kept parts (rows in order, disjoint), and starts the next; @return false on a refusal */
    private boolean join(NetworkSpec.Projection p, List<LocalPart> parts, List<float[]> weights,
                         List<ProjectionBlock> blocks) {
        Connectivity first = parts.getFirst().own().connectivity();
        int[] rowPtr = SplitWeights.rowOffsets(parts.stream().map(part -> part.own().connectivity()).toList());
        int n = rowPtr[rowPtr.length - 1];
        int[] cols = new int[n];
        int at = 0;
        for (LocalPart part : parts) {
            int[] c = part.own().connectivity().cols();
            System.arraycopy(c, 0, cols, at, c.length);
            at += c.length;
        }
        float[] w = SplitWeights.concat(weights);
        ProjectionBlock block = withComm(p, blockOwner(p.name(), blocks.size()), parts.getFirst().first(),
                new Connectivity(first.preSize(), first.postSize(), rowPtr, cols), w);
        if (block == null) {
            return false;
        }
        blocks.add(block);
        localParts.add(List.copyOf(parts));
        parts.clear();
        weights.clear();
        return true;
    }

    /**
     * @return whether the projection's connector can generate its rows in blocks and its initializers can
     *         start at a synapse other than the first, so that a split process need not generate it whole
     */
    private boolean startsPartWay(NetworkSpec.Projection p, int preRows) {
        try {
            EngineContext ctx = new EngineContext(spec.dt(), p.name() + ".conn", spec.seed(), builder.clock(),
                    builder.states(), List.of());
            ((ConnectorModel) p.connector().factory()).connectRows(p.connector().params(), ctx, preRows,
                    p.postRange().size(), p.sameNeurons(), 0, 0);
            ((InitializerModel) p.weight().factory()).fill(p.weight().params(), new float[1], 1, 1);
            if (p.delays() != null) {
                ((InitializerModel) p.delays().factory()).fill(p.delays().params(), new float[1], 1, 1);
            }
            return true;
        } catch (RuntimeException e) {
            // Unsupported, or refused for a reason the real build reports at its path.
            return false;
        }
    }

    /** @return the delays in ms of synapses [first, first + count), drawn as one process draws them */
    private static float[] drawn(NetworkSpec.Projection p, InitializerModel init, long seed, long first, int count,
                                 boolean whole) {
        float[] ms = new float[count];
        if (whole) {
            init.fill(p.delays().params(), ms, seed);
            return ms;
        }
        try {
            init.fill(p.delays().params(), ms, seed, first);
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("cannot draw the delays of a projection split into"
                    + " blocks (it cannot start at synapse " + first + "); use Constant,"
                    + " Uniform or Normal");
        }
        return ms;
    }

    /** @return the delays of a split process's block: each part's drawn whole, then kept */
    private float[] drawnKept(NetworkSpec.Projection p, InitializerModel init, long seed, List<LocalPart> parts) {
        boolean whole = localParts.size() == 1 && parts.size() == 1;
        List<float[]> kept = new ArrayList<>();
        for (LocalPart part : parts) {
            kept.add(part.own().select(drawn(p, init, seed, part.first(), part.own().wholeSynapses(), whole)));
        }
        return SplitWeights.concat(kept);
    }

    /**
     * The pairs a connector made between the projection's slices, numbered within the whole groups: the
     * rows of pre neurons outside the pre slice are empty, and columns are shifted to the post slice's
     * place. Everything after the connector (comm, rules, monitors, checkpoints) then works on whole
     * groups, as Brian2's synapses of a subgroup index the group's neurons. Whole groups pass unchanged.
     */
    private static Connectivity inGroups(Connectivity local, NetworkSpec.Projection p, int preSize, int postSize) {
        if (local.preSize() != p.preRange().size() || local.postSize() != p.postRange().size()) {
            throw new IllegalStateException("made pairs for " + local.preSize() + " x " + local.postSize()
                    + " neurons, asked for " + p.preRange().size() + " x " + p.postRange().size());
        }
        int preFrom = p.preRange().from();
        int postFrom = p.postRange().from();
        if (local.preSize() == preSize && local.postSize() == postSize) {
            return local;
        }
        int[] localRows = local.rowPtr();
        int[] rowPtr = new int[preSize + 1];
        for (int i = 0; i <= preSize; i++) {
            rowPtr[i] = localRows[Math.min(Math.max(i - preFrom, 0), local.preSize())];
        }
        // The connector made these columns for this block alone and keeps no reference: shift them in place
        // rather than hold a second copy of what may be most of the heap.
        int[] cols = local.cols();
        for (int k = 0; postFrom != 0 && k < cols.length; k++) {
            cols[k] += postFrom;
        }
        return new Connectivity(preSize, postSize, rowPtr, cols);
    }

    /**
     * @param parts in a split network, the parts of rows the block was generated in, with what this process
     *              keeps of each; else null
     * @param total the projection's synapses over all its blocks, for values given per synapse
     */
    private PlasticityModel.Plasticity plasticity(NetworkSpec.Projection p, String owner, ProjectionBlock block,
                                                  List<LocalPart> parts, long total, SpikeBuffer arriving,
                                                  SynapseDelays arrival, Group post) {
        return builder.guard(p.plasticity(), () -> {
            PlasticityModel model = (PlasticityModel) p.plasticity().factory();
            EngineContext context = builder.context(owner, p.plasticity()).withSides(p.pre(), p.post());
            if (builder.split() != null) {
                context.preHeldInPart();
            }
            Params params = parts == null ? SynapseParams.forBlock(p.plasticity(), p.name(), spec.seed(),
                    block.firstSynapse(), block.connectivity().synapses(), total) : keptParams(p, parts, total);
            PlasticityModel.Plasticity rule = arrival == null
                    ? model.create(params, context, block.comm(), arriving, post.spikes())
                    : model.create(params, context, block.comm(), arrival, post.spikes());
            // Copied inside the guard, so that a rule returning null lists is reported as its own fault.
            checkBounds(block.initialWeights(), rule.wMin(), rule.wMax());
            rule.beforeDelivery().forEach(t -> deliveryTasks.add(builder.from(p.plasticity(), t)));
            rule.afterPostUpdate().forEach(t -> postUpdateTasks.add(builder.from(p.plasticity(), t)));
            return rule;
        });
    }

    /** @return a split process's rule parameters: made for each part whole, as in one process, then kept */
    private Params keptParams(NetworkSpec.Projection p, List<LocalPart> parts, long total) {
        List<SynapseParams> kept = new ArrayList<>();
        for (LocalPart part : parts) {
            Params made = SynapseParams.forBlock(p.plasticity(), p.name(), spec.seed(), part.first(),
                    part.own().wholeSynapses(), total);
            if (!(made instanceof SynapseParams values)) {
                return made;
            }
            kept.add(values.kept(part.own().kept()));
        }
        return SynapseParams.join(kept);
    }

    private float[] alignPost(NetworkSpec.Projection p, SpikeBuffer spikes, List<SynapseDelays> arrivals,
                              float[] synInput, SynapseModel.SynapseState syn, List<CommModel.Comm> comms) {
        // Blocks deliver in row order, one after another, so each post neuron sums its inputs in the order
        // of the unsplit projection.
        SynapseModel model = (SynapseModel) p.syn().factory();
        if (model.statePerSynapse()) {
            // Tsodyks-Markram: the synapse walks the comm's rows itself, with its state per synapse.
            StepTask t = builder.guard(p.syn(), () -> {
                if (comms.size() > 1) {
                    throw new IllegalArgumentException("keeps its state per synapse, which must fit one block of "
                            + builder.maxBlockSynapses() + " synapses; lower the connection density or split the"
                            + " projection");
                }
                Params params = synapseParams(p, model, comms.get(0));
                SynapseDelays arrival = arrivals == null ? null : arrivals.get(0);
                return arrival == null
                        ? model.deliver(params, builder.context(p.name(), p.syn()), comms.get(0), spikes, synInput)
                        : model.deliver(params, builder.context(p.name(), p.syn()), comms.get(0), arrival, synInput);
            });
            if (t == null) {
                return null;
            }
            deliveryTasks.add(builder.from(p.syn(), t));
        }
        for (int b = 0; b < comms.size() && !model.statePerSynapse(); b++) {
            CommModel.Comm comm = comms.get(b);
            String owner = blockOwner(p.name(), b) + ".comm";
            SynapseDelays arrival = arrivals == null ? null : arrivals.get(b);
            deliveryTasks.add(builder.from(p.comm(), builder.call(p.comm(), () -> arrival == null
                    ? comm.propagateSpikes(owner, spikes, synInput) : comm.propagateSpikes(owner, arrival, synInput))));
        }
        projectionTasks.add(builder.perNeuron(builder.from(p.syn(), builder.call(p.syn(), syn::update)),
                synInput.length));
        return builder.call(p.syn(), syn::g);
    }

    /**
     * @return the synapse model's parameters with its {@link SynapseModel#perSynapse} ones given per element
     *         made for the comm's synapses, in connectivity order, seeded by {@code projection.syn.param.name}
     */
    private Params synapseParams(NetworkSpec.Projection p, SynapseModel model, CommModel.Comm comm) {
        java.util.Set<String> perSynapse = model.perSynapse(p.syn().params());
        List<String> given = perSynapse.stream().filter(p.syn().params()::varies).sorted().toList();
        if (given.isEmpty()) {
            return p.syn().params();
        }
        if (builder.split() != null) {
            throw new IllegalArgumentException(String.join(", ", given) + " given per synapse cannot yet run in a"
                    + " network split over processes; give " + (given.size() == 1 ? "it one value" : "them one value"
                    + " each") + ", or leave per_synapse out (one value per post neuron), or run it in one process");
        }
        return SynapseParams.forSynapses(p.syn(), p.name() + ".syn", perSynapse, spec.seed(), 0, comm.synapses(),
                comm.synapses());
    }

    private float[] alignPre(NetworkSpec.Projection p, SpikeBuffer spikes, float[] synInput,
                             SynapseModel.SynapseState syn, List<CommModel.Comm> comms, int postSize) {
        String n = p.name();
        projectionTasks.add(StepTask.of(n + ".spikes_to_syn", spikes.size(),
                SpikeKernelsCalls.flagsToInput(spikes.flags, synInput)));
        projectionTasks.add(builder.from(p.syn(), builder.call(p.syn(), syn::update)));
        float[] postDrive = new float[postSize];
        builder.states().register(n, "drive", "uS", postDrive);
        projectionTasks.add(StepTask.of(n + ".drive.clear", postSize, SpikeKernelsCalls.clear(postDrive)));
        float[] g = builder.call(p.syn(), syn::g);
        for (int b = 0; b < comms.size(); b++) {
            CommModel.Comm comm = comms.get(b);
            String owner = blockOwner(n, b) + ".comm";
            projectionTasks.add(builder.from(p.comm(), builder.call(p.comm(),
                    () -> comm.propagateValues(owner, g, postDrive))));
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
            throw new IllegalArgumentException(outside + " of " + w.length + " initial weights lie outside the"
                    + " plasticity bounds [" + fmt(lo) + ", " + fmt(hi) + "] (they span [" + min + ", " + max
                    + "]); choose an initializer within W_min and W_max");
        }
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "none" : String.valueOf(v);
    }
}
