package io.spikeforge.plugins.synapses;

import io.spikeforge.kernels.ReceptorKernelsCalls;
import io.spikeforge.kernels.SynapseKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.DelayedRows;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.SpikeBuffer;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.SynapseDelays;
import io.spikeforge.spi.SynapseModel;
import io.spikeforge.spi.VariableSpec;
import io.spikeforge.spi.WeightCells;

import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * Tsodyks-Markram short-term plasticity with its state u, x per synapse (Tsodyks, Pawelzik and Markram
 * 1998, with facilitation): each arriving spike releases the fraction r = u x of the synapse's resources,
 * and the post neuron's exponential synapse gains w r. It walks the comm's rows itself, reading the live
 * weights, so a plasticity rule (STDP_Song2000) on the same projection changes what each spike delivers.
 * Dense's matrix is read through each synapse's cell ({@link WeightCells}); with per-synapse delays it walks
 * the comm's rows by delay ({@link DelayedRows}). U, tau_f and tau_d vary per post neuron, or per synapse
 * with {@code per_synapse}; on Dense and with delays the per-post values are spread to the synapses.
 */
final class TsodyksMarkram implements SynapseModel {

    /** The step a synapse's "previous spike" is set to, so that the first spike finds u and x at rest. */
    private static final int LONG_AGO = -(1 << 30);

    /** The flag that makes U, tau_f and tau_d given per element one value per synapse. */
    static final String PER_SYNAPSE = "per_synapse";

    /** The parameters of one synapse's u and x. */
    private static final Set<String> DYNAMICS = Set.of("U", "tau_f", "tau_d");

    @Override
    public String name() {
        return "TsodyksMarkram";
    }

    @Override
    public String description() {
        return "Tsodyks-Markram short-term facilitation and depression with u and x per synapse (U, tau_f, tau_d"
                + " per post neuron or per synapse), into an exponential synapse per post neuron; comms with"
                + " weights per synapse (EventCSRLinear, CSRLinear, Dense, OneToOne), per-synapse delays and"
                + " plasticity too";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.real("U", 0.15, "1", "increment of the release probability per spike").between(0, 1),
                ParamSpec.real("tau_f", 1500, "ms", "facilitation time constant").positive(),
                ParamSpec.real("tau_d", 200, "ms", "depression (recovery) time constant").positive(),
                ParamSpec.real("tau_syn", 8, "ms", "decay time constant of g (as Expon's tau)").positive(),
                ParamSpec.bool(PER_SYNAPSE, false, "U, tau_f and tau_d given per element take one value per synapse"
                        + " (i the synapse's index in connectivity order, N the synapse count) instead of one per"
                        + " post neuron"));
    }

    /**
     * All four per post neuron: tau_syn is the decay of the post neuron's g, and a synapse takes the U,
     * tau_f and tau_d of its post neuron (short-term plasticity depends on the target's cell type, Markram,
     * Wang and Tsodyks 1998), or, with {@code per_synapse}, its own ({@link #perSynapse}): the synapses of one
     * cell differ too (Markram, Wang and Tsodyks 1998).
     */
    @Override
    public Set<String> perElement() {
        return Set.of("U", "tau_f", "tau_d", "tau_syn");
    }

    @Override
    public Set<String> perSynapse(Params params) {
        return params.has(PER_SYNAPSE) && params.bool(PER_SYNAPSE) ? DYNAMICS : Set.of();
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(new VariableSpec("g", "uS", "synaptic conductance per post neuron (nA with CUBA)"),
                new VariableSpec("u", "1", "release probability per synapse, after its last spike"),
                new VariableSpec("x", "1", "available resources per synapse, after its last spike"),
                new VariableSpec("last", "step", "step of each synapse's last arriving spike"));
    }

    @Override
    public boolean statePerSynapse() {
        return true;
    }

    @Override
    public String equations() {
        return "du/dt = -u/tau_f, dx/dt = (1 - x)/tau_d between spikes, per synapse; on an arriving spike"
                + " u += U (1 - u), r = u x, x -= r, and g_post += w r; dg/dt = -g/tau_syn";
    }

    @Override
    public String integration() {
        return "u and x exact over the time since the synapse's previous spike, computed when a spike arrives"
                + " (event-driven: work per spike times fan-out), with per-synapse delays when the synapse's own"
                + " delay has passed; g as Expon's; with plasticity the spike delivers through the weight the rule"
                + " just updated (BrainPy's order)";
    }

    @Override
    public SynapseState create(Params p, BuildContext ctx, int size, float[] input) {
        float[] g = ctx.floats("g", size, 0f);
        if (p.varies("tau_syn")) {
            return SynapseState.of(g, StepTask.of(ctx.owner() + ".TsodyksMarkram.update", size,
                    SynapseKernelsCalls.exponPerSlot(g, input, PerSlot.derived(p, "tau_syn", size,
                            tau -> Math.exp(-ctx.dt() / tau)))));
        }
        float decay = (float) Math.exp(-ctx.dt() / p.real("tau_syn"));
        return SynapseState.of(g, StepTask.of(ctx.owner() + ".TsodyksMarkram.update", size,
                SynapseKernelsCalls.expon(g, input, decay)));
    }

    @Override
    public StepTask deliver(Params p, BuildContext ctx, CommModel.Comm comm, SpikeBuffer arriving, float[] input) {
        WeightCells wc = weightCells(comm);
        Connectivity conn = comm.connectivity();
        int n = comm.synapses();
        float[] u = ctx.floats("u", n, 0f);
        float[] x = ctx.floats("x", n, 1f);
        int[] last = ctx.ints("last", n, LONG_AGO);
        String name = ctx.owner() + ".TsodyksMarkram.deliver";
        float dt = (float) ctx.dt();
        int post = input.length;
        boolean varies = p.anyVaries(DYNAMICS);
        if (wc.cells() != null) {
            if (varies) {
                return StepTask.of(name, post, ReceptorKernelsCalls.tsodyksMarkramCellsPerSynapse(conn.rowPtr(),
                        conn.cols(), wc.weights(), wc.cells(), arriving.list, arriving.count, u, x, last, ctx.clock(),
                        dynamics(p, conn), dt, input));
            }
            return StepTask.of(name, post, ReceptorKernelsCalls.tsodyksMarkramCells(conn.rowPtr(), conn.cols(),
                    wc.weights(), wc.cells(), arriving.list, arriving.count, u, x, last, ctx.clock(),
                    (float) p.real("U"), (float) (1 / p.real("tau_f")), (float) (1 / p.real("tau_d")), dt, input));
        }
        float[] w = wc.weights();
        if (varies && p.bool(PER_SYNAPSE)) {
            // One value per synapse, in connectivity order (the engine made them for this comm's synapses).
            return StepTask.of(name, post, ReceptorKernelsCalls.tsodyksMarkramPerSynapse(conn.rowPtr(), conn.cols(), w,
                    arriving.list, arriving.count, u, x, last, ctx.clock(), dynamics(p, conn), dt, input));
        }
        if (varies) {
            return StepTask.of(name, post, ReceptorKernelsCalls.tsodyksMarkramPerPost(conn.rowPtr(), conn.cols(), w,
                    arriving.list, arriving.count, u, x, last, ctx.clock(), p.values("U", post),
                    PerSlot.derived(p, "tau_f", post, tau -> 1 / tau),
                    PerSlot.derived(p, "tau_d", post, tau -> 1 / tau), dt, input));
        }
        return StepTask.of(name, post, ReceptorKernelsCalls.tsodyksMarkram(conn.rowPtr(), conn.cols(), w,
                arriving.list, arriving.count, u, x, last, ctx.clock(), (float) p.real("U"),
                (float) (1 / p.real("tau_f")), (float) (1 / p.real("tau_d")), dt, input));
    }

    @Override
    public StepTask deliver(Params p, BuildContext ctx, CommModel.Comm comm, SynapseDelays arriving, float[] input) {
        weightCells(comm);
        DelayedRows rows = comm.delayedRows(arriving);
        if (rows == null) {
            throw new IllegalArgumentException("takes per-synapse delays only on a comm that delivers through them"
                    + " (EventCSRLinear, CSRLinear or Dense); give the projection one delay in ms");
        }
        Connectivity conn = comm.connectivity();
        int n = comm.synapses();
        float[] u = ctx.floats("u", n, 0f);
        float[] x = ctx.floats("x", n, 1f);
        int[] last = ctx.ints("last", n, LONG_AGO);
        String name = ctx.owner() + ".TsodyksMarkram.deliver_delayed";
        float dt = (float) ctx.dt();
        SynapseDelays d = arriving;
        if (p.anyVaries(DYNAMICS)) {
            return StepTask.of(name, input.length, ReceptorKernelsCalls.tsodyksMarkramDelayedPerSynapse(rows.rowPtr(),
                    rows.segPtr(), rows.segDelay(), rows.segCols(), rows.segCell(), rows.segSynapse(), rows.weights(),
                    d.ring, d.ringCount, d.slots, d.preSize(), d.min, d.max, d.clock, u, x, last, dynamics(p, conn),
                    dt, input));
        }
        return StepTask.of(name, input.length, ReceptorKernelsCalls.tsodyksMarkramDelayed(rows.rowPtr(), rows.segPtr(),
                rows.segDelay(), rows.segCols(), rows.segCell(), rows.segSynapse(), rows.weights(), d.ring,
                d.ringCount, d.slots, d.preSize(), d.min, d.max, d.clock, u, x, last, (float) p.real("U"),
                (float) (1 / p.real("tau_f")), (float) (1 / p.real("tau_d")), dt, input));
    }

    /** @return the comm's weights per synapse, or an error saying which comms keep them */
    private static WeightCells weightCells(CommModel.Comm comm) {
        WeightCells wc = comm.weightCells();
        if (wc == null) {
            throw new IllegalArgumentException("keeps u and x per synapse, so it needs a comm that keeps a weight per"
                    + " synapse (EventCSRLinear, CSRLinear, Dense or OneToOne); this one keeps none");
        }
        return wc;
    }

    /**
     * @return each synapse's U, 1/tau_f and 1/tau_d at 3k, 3k + 1, 3k + 2 (connectivity order), as the
     *         per-synapse kernels read them; the one array made ({@link #deliveryBytesPerSynapse})
     */
    private static float[] dynamics(Params p, Connectivity conn) {
        float[] out = new float[3 * conn.synapses()];
        spread(out, 0, p, "U", conn, v -> v);
        spread(out, 1, p, "tau_f", conn, tau -> 1 / tau);
        spread(out, 2, p, "tau_d", conn, tau -> 1 / tau);
        return out;
    }

    /**
     * Writes f of each synapse's value of {@code name} (connectivity order) at {@code out[3k + q]}: its own
     * with {@code per_synapse}, else its post neuron's, computed in double and rounded as the scalar path
     * computes it.
     */
    private static void spread(float[] out, int q, Params p, String name, Connectivity conn, DoubleUnaryOperator f) {
        int n = conn.synapses();
        if (!p.varies(name)) {
            float one = (float) f.applyAsDouble(p.real(name));
            for (int k = 0; k < n; k++) {
                out[3 * k + q] = one;
            }
            return;
        }
        float[] v = p.values(name);
        int[] cols = p.bool(PER_SYNAPSE) ? null : conn.cols();
        for (int k = 0; k < n; k++) {
            out[3 * k + q] = (float) f.applyAsDouble(v[cols == null ? k : cols[k]]);
        }
    }

    /**
     * 12 bytes (U, 1/tau_f, 1/tau_d as floats) where the kernels read them per synapse: some of them vary, and
     * they are given per synapse or spread from the post neurons (Dense, per-synapse delays); values per
     * post neuron on a sparse comm without delays are read through the post index, with no array per synapse.
     */
    @Override
    public long deliveryBytesPerSynapse(Params params, boolean spread) {
        boolean varies = DYNAMICS.stream().anyMatch(params::varies);
        boolean own = params.has(PER_SYNAPSE) && params.bool(PER_SYNAPSE);
        return varies && (own || spread) ? 12 : 0;
    }
}
