package io.spikeforge.plugins.synapses;

import io.spikeforge.kernels.ReceptorKernelsCalls;
import io.spikeforge.kernels.SynapseKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.SpikeBuffer;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.SynapseModel;
import io.spikeforge.spi.VariableSpec;

import java.util.List;
import java.util.Set;

/**
 * Tsodyks-Markram short-term plasticity with its state u, x per synapse (Tsodyks, Pawelzik and Markram
 * 1998, with facilitation): each arriving spike releases the fraction r = u x of the synapse's resources,
 * and the post neuron's exponential synapse gains w r. It walks the comm's rows itself, reading the live
 * weights, so a plasticity rule (STDP_Song2000) on the same projection changes what each spike delivers.
 */
final class TsodyksMarkram implements SynapseModel {

    /** The step a synapse's "previous spike" is set to, so that the first spike finds u and x at rest. */
    private static final int LONG_AGO = -(1 << 30);

    @Override
    public String name() {
        return "TsodyksMarkram";
    }

    @Override
    public String description() {
        return "Tsodyks-Markram short-term facilitation and depression with u and x per synapse, into an"
                + " exponential synapse per post neuron; comms with weights per synapse (EventCSRLinear,"
                + " CSRLinear), with plasticity too";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.real("U", 0.15, "1", "increment of the release probability per spike").between(0, 1),
                ParamSpec.real("tau_f", 1500, "ms", "facilitation time constant").positive(),
                ParamSpec.real("tau_d", 200, "ms", "depression (recovery) time constant").positive(),
                ParamSpec.real("tau_syn", 8, "ms", "decay time constant of g (as Expon's tau)").positive());
    }

    /**
     * All four per post neuron: tau_syn is the decay of the post neuron's g, and a synapse takes the U,
     * tau_f and tau_d of its post neuron (short-term plasticity depends on the target's cell type, Markram,
     * Wang and Tsodyks 1998).
     */
    @Override
    public Set<String> perElement() {
        return Set.copyOf(ParamSpec.names(parameters()));
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
                + " (event-driven: work per spike times fan-out); g as Expon's; with plasticity the spike"
                + " delivers through the weight the rule just updated (BrainPy's order)";
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
        float[] w = comm.liveWeights();
        if (w == null) {
            throw new IllegalArgumentException("needs a comm that keeps a weight per synapse (EventCSRLinear or"
                    + " CSRLinear); this one keeps none");
        }
        Connectivity conn = comm.connectivity();
        int n = comm.synapses();
        float[] u = ctx.floats("u", n, 0f);
        float[] x = ctx.floats("x", n, 1f);
        int[] last = ctx.ints("last", n, LONG_AGO);
        if (p.varies("U") || p.varies("tau_f") || p.varies("tau_d")) {
            int post = input.length;
            return StepTask.of(ctx.owner() + ".TsodyksMarkram.deliver", post,
                    ReceptorKernelsCalls.tsodyksMarkramPerPost(conn.rowPtr(), conn.cols(), w, arriving.list,
                            arriving.count, u, x, last, ctx.clock(), p.values("U", post),
                            PerSlot.derived(p, "tau_f", post, tau -> 1 / tau),
                            PerSlot.derived(p, "tau_d", post, tau -> 1 / tau), (float) ctx.dt(), input));
        }
        return StepTask.of(ctx.owner() + ".TsodyksMarkram.deliver", input.length,
                ReceptorKernelsCalls.tsodyksMarkram(conn.rowPtr(), conn.cols(), w, arriving.list, arriving.count, u,
                        x, last, ctx.clock(), (float) p.real("U"), (float) (1 / p.real("tau_f")),
                        (float) (1 / p.real("tau_d")), (float) ctx.dt(), input));
    }
}
