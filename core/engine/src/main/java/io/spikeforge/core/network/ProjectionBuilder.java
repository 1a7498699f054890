package io.spikeforge.core.network;

import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.config.RowBlocks;
import io.spikeforge.core.sim.DelayRing;
import io.spikeforge.core.sim.Group;
import io.spikeforge.core.sim.ProjectionBlock;
import io.spikeforge.core.sim.ProjectionRuntime;
import io.spikeforge.kernels.KernelPairs;
import io.spikeforge.kernels.SpikeKernelsCalls;
import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.ConnectorModel;
import io.spikeforge.spi.CouplingModel;
import io.spikeforge.spi.InitializerModel;
import io.spikeforge.spi.OutputModel;
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

    /** @return the projection, or null when a model refused (reported) or a group it uses failed */
    ProjectionRuntime build(NetworkSpec.Projection p, Map<String, DelayRing> rings) {
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
        long first = 0;
        for (int b = 0; b + 1 < rows.length; b++) {
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
                    delayed = new SpikeBuffer(pre.size());
                    builder.registerSpikes(n, "arriving_spike", delayed);
                    deliveryTasks.add(ring.read(n, hi, delayed, builder.clock()));
                }
            } else {
                arrivals = new ArrayList<>();
                for (int b = 0; b < blocks.size(); b++) {
                    arrivals.add(ring.synapseDelays(pre.spikes(), steps[b], builder.clock()));
                    blocks.set(b, blocks.get(b).withDelaySteps(steps[b]));
                }
            }
        } else if (p.delaySteps() > 0) {
            delayed = new SpikeBuffer(pre.size());
            builder.registerSpikes(n, "arriving_spike", delayed);
            deliveryTasks.add(rings.get(pre.name()).read(n, p.delaySteps(), delayed, builder.clock()));
        }
        if (p.plasticity() != null) {
            for (int b = 0; b < blocks.size(); b++) {
                PlasticityModel.Plasticity rule = plasticity(p, blockOwner(n, b), blocks.get(b), delayed,
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
                || ((SynapseModel) p.syn().factory()).statePerSynapse())) {
            // These deliver the arriving spikes themselves, through the projection's one delay.
            builder.guard(p.syn(), () -> {
                throw new IllegalArgumentException("delivers spikes itself through one delay for the whole projection,"
                        + " so it cannot take per-synapse delays; give " + p.name() + " one delay in ms");
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
        projectionTasks.add(builder.from(p.out(), out));
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
            projectionTasks.set(n - 2, builder.alias(first, StepTask.of(first.name() + "+" + second.name(),
                    first.size(), call)));
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
                float[] ms = new float[block.connectivity().synapses()];
                if (blocks.size() == 1) {
                    init.fill(p.delays().params(), ms, seed);
                } else {
                    try {
                        init.fill(p.delays().params(), ms, seed, block.firstSynapse());
                    } catch (UnsupportedOperationException e) {
                        throw new IllegalArgumentException("cannot draw the delays of a projection split into"
                                + " blocks (it cannot start at synapse " + block.firstSynapse() + "); use Constant,"
                                + " Uniform or Normal");
                    }
                }
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
            long total = blocks.stream().mapToLong(b -> b.connectivity().synapses()).sum();
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
        String n = p.name();
        String owner = blockOwner(n, b);
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
        // Plastic weights change, so keep where they started; static ones are their own record.
        float[] initial = p.plasticity() != null ? weights.clone() : weights;
        CommModel.Comm comm = builder.guard(p.comm(), () -> {
            builder.states().register(owner, "weight", "uS", weights);
            return ((CommModel) p.comm().factory()).create(p.comm().params(), builder.context(owner, p.comm()), conn,
                    weights);
        });
        return comm == null ? null : new ProjectionBlock(first, comm, null, initial, conn);
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

    private PlasticityModel.Plasticity plasticity(NetworkSpec.Projection p, String owner, ProjectionBlock block,
                                                  SpikeBuffer arriving, SynapseDelays arrival, Group post) {
        return builder.guard(p.plasticity(), () -> {
            PlasticityModel model = (PlasticityModel) p.plasticity().factory();
            EngineContext context = builder.context(owner, p.plasticity()).withSides(p.pre(), p.post());
            PlasticityModel.Plasticity rule = arrival == null
                    ? model.create(p.plasticity().params(), context, block.comm(), arriving, post.spikes())
                    : model.create(p.plasticity().params(), context, block.comm(), arrival, post.spikes());
            // Copied inside the guard, so that a rule returning null lists is reported as its own fault.
            checkBounds(block.initialWeights(), rule.wMin(), rule.wMax());
            rule.beforeDelivery().forEach(t -> deliveryTasks.add(builder.from(p.plasticity(), t)));
            rule.afterPostUpdate().forEach(t -> postUpdateTasks.add(builder.from(p.plasticity(), t)));
            return rule;
        });
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
                return model.deliver(p.syn().params(), builder.context(p.name(), p.syn()), comms.get(0), spikes,
                        synInput);
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
        projectionTasks.add(builder.from(p.syn(), builder.call(p.syn(), syn::update)));
        return builder.call(p.syn(), syn::g);
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
