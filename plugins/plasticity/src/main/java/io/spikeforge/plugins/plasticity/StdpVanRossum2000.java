package io.spikeforge.plugins.plasticity;

import io.spikeforge.kernels.PlasticityKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.PlasticityModel;
import io.spikeforge.spi.SpikeBuffer;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.VariableSpec;

import java.util.List;

/**
 * The multiplicative STDP of van Rossum, Bi and Turrigiano (2000): potentiation is additive,
 * {@code w += A_plus x_pre} per post spike, and depression proportional to the weight,
 * {@code w -= A_minus w x_post} per arriving pre spike, with exponential traces (+1 per spike). The
 * weights settle into a unimodal distribution without a hard upper bound; depression alone never
 * takes a weight below 0 while {@code A_minus x_post < 1}. Order within a step: {@code STDP_Song2000}'s.
 *
 * <p>A_plus, A_minus, W_min and W_max may take one value per synapse (an initializer, an {@code .npy} file or
 * an expression of the synapse's index i and N): each acts on one synapse's change. The rule then runs the
 * per-synapse kernels; values all equal give the scalar form's floats, and the scalar form runs unchanged
 * when none varies.
 */
final class StdpVanRossum2000 implements PlasticityModel {

    @Override
    public String name() {
        return "STDP_vanRossum2000";
    }

    @Override
    public String description() {
        return "multiplicative STDP of van Rossum et al. (2000): additive potentiation, depression proportional to"
                + " the weight";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.real("tau_plus", 20, "ms", "time constant of the pre trace x_pre").positive(),
                ParamSpec.real("tau_minus", 20, "ms", "time constant of the post trace x_post").positive(),
                ParamSpec.real("A_plus", 1e-4, "uS", "potentiation per post spike, times x_pre").atLeast(0),
                ParamSpec.real("A_minus", 0.005, "1", "depression per pre spike, a fraction of w, times x_post")
                        .atLeast(0),
                ParamSpec.real("W_min", 0, "uS", "lower weight bound"),
                ParamSpec.optionalReal("W_max", "uS", "upper weight bound; unset: none"));
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(new VariableSpec("x_pre", "1", "pre trace, +1 per arriving (delayed) pre spike"),
                new VariableSpec("x_post", "1", "post trace, +1 per post spike"));
    }

    @Override
    public String equations() {
        return "dx_pre/dt = -x_pre/tau_plus, dx_post/dt = -x_post/tau_minus, +1 per spike; post spike:"
                + " w += A_plus x_pre; arriving pre spike: w -= A_minus (w - W_min) x_post; w clipped to [W_min, W_max]";
    }

    @Override
    public String oneValueReason(String parameter) {
        return switch (parameter) {
            case "tau_plus" -> Traces.reason("x_pre", "pre");
            case "tau_minus" -> Traces.reason("x_post", "post");
            default -> null;
        };
    }

    /** What acts on one synapse's change; the time constants belong to the traces. */
    private static final java.util.Set<String> PER_SYNAPSE = java.util.Set.of("A_plus", "A_minus", "W_min", "W_max");

    @Override
    public java.util.Set<String> perElement() {
        return PER_SYNAPSE;
    }

    @Override
    public String integration() {
        return "exact trace decay per step; order within a step: pre trace, depression, potentiation, delivery; the"
                + " post trace updates after the post neurons";
    }

    @Override
    public Plasticity create(Params p, BuildContext ctx, CommModel.Comm comm, SpikeBuffer pre, SpikeBuffer post) {
        if (p.anyVaries(PER_SYNAPSE)) {
            return perSynapse(p, ctx, comm, pre, post);
        }
        double wMin = p.real("W_min");
        double wMax = p.has("W_max") ? p.real("W_max") : Double.NaN;
        if (wMin > wMax) {
            throw new IllegalArgumentException("W_min = " + wMin + " is above W_max = " + wMax);
        }
        float lo = (float) wMin;
        float hi = Double.isNaN(wMax) ? Float.POSITIVE_INFINITY : (float) wMax;
        float[] xPre = ctx.floats("x_pre", pre.size(), 0f);
        float[] xPost = ctx.floats("x_post", post.size(), 0f);
        double decayPre = Math.exp(-ctx.dt() / p.real("tau_plus"));
        double decayPost = Math.exp(-ctx.dt() / p.real("tau_minus"));
        String n = ctx.owner() + "." + name();
        StepTask preTrace = StepTask.of(n + ".pre_trace", pre.size(), PlasticityKernelsCalls.trace(xPre, pre.flags,
                decayPre));
        // mu = 1 from W_min in units of 1 uS: the change is -A_minus x_post (w - W_min).
        StepTask depress = comm.updateRowsSoftBound(n + ".depression", pre, xPost, (float) -p.real("A_minus"), lo, 1f,
                1f, lo, hi);
        StepTask potentiate = comm.updateColumns(n + ".potentiation", post, xPre, (float) p.real("A_plus"), lo, hi);
        StepTask postTrace = StepTask.of(n + ".post_trace", post.size(), PlasticityKernelsCalls.trace(xPost,
                post.flags, decayPost));
        return Plasticity.of(List.of(preTrace, depress, potentiate), List.of(postTrace), wMin, wMax);
    }

    /** The same rule with each synapse's own amplitudes and bounds. */
    private Plasticity perSynapse(Params p, BuildContext ctx, CommModel.Comm comm, SpikeBuffer pre, SpikeBuffer post) {
        int n = comm.synapses();
        float[] lo = p.values("W_min", n);
        float[] hi = p.has("W_max") ? p.values("W_max", n) : PerSynapseValues.filled(n, Float.POSITIVE_INFINITY);
        PerSynapseValues.check(comm, lo, hi, false);
        float[] aMinus = p.values("A_minus", n);
        float[] depression = new float[n];
        for (int k = 0; k < n; k++) {
            depression[k] = -aMinus[k];
        }
        float[] xPre = ctx.floats("x_pre", pre.size(), 0f);
        float[] xPost = ctx.floats("x_post", post.size(), 0f);
        String name = ctx.owner() + "." + name();
        StepTask preTrace = StepTask.of(name + ".pre_trace", pre.size(), PlasticityKernelsCalls.trace(xPre, pre.flags,
                Math.exp(-ctx.dt() / p.real("tau_plus"))));
        // mu = 1 from each synapse's W_min in units of 1 uS, as the scalar form
        StepTask depress = comm.updateRowsSoftBoundPerSynapse(name + ".depression", pre, xPost, depression, lo,
                PerSynapseValues.filled(n, 1f), PerSynapseValues.filled(n, 1f), lo, hi);
        StepTask potentiate = comm.updateColumnsPerSynapse(name + ".potentiation", post, xPre, p.values("A_plus", n),
                lo, hi);
        StepTask postTrace = StepTask.of(name + ".post_trace", post.size(), PlasticityKernelsCalls.trace(xPost,
                post.flags, Math.exp(-ctx.dt() / p.real("tau_minus"))));
        return Plasticity.of(List.of(preTrace, depress, potentiate), List.of(postTrace), Double.NaN, Double.NaN);
    }
}
