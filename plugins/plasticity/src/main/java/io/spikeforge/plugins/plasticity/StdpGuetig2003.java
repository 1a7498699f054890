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
 * The soft-bound STDP of Guetig, Aharonov, Rotter and Sompolinsky (2003): with the weight scaled to
 * {@code u = (w - W_min) / (W_max - W_min)}, a post spike potentiates by
 * {@code lambda (W_max - W_min) (1 - u)^mu x_pre} and an arriving pre spike depresses by
 * {@code lambda alpha (W_max - W_min) u^mu x_post}, traces as in {@code STDP_Song2000} (exact decay,
 * +1 per spike). {@code mu = 0} is additive STDP with hard bounds, {@code mu = 1} multiplicative STDP;
 * in between the weights settle into one unimodal distribution instead of the bimodal one of additive
 * STDP. The order within a step is {@code STDP_Song2000}'s.
 *
 * <p>lambda, alpha, mu, W_min and W_max may take one value per synapse (an initializer, an {@code .npy}
 * file or an expression of the synapse's index i and N): each acts on one synapse's change. The rule then
 * runs the per-synapse soft-bound kernels; values all equal give the scalar form's floats, and the scalar
 * form runs unchanged when none varies.
 */
final class StdpGuetig2003 implements PlasticityModel {

    @Override
    public String name() {
        return "STDP_Guetig2003";
    }

    @Override
    public String description() {
        return "soft-bound STDP of Guetig et al. (2003): each change scaled by the weight's distance to its bound to"
                + " the power mu (0: additive, 1: multiplicative)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.real("tau_plus", 20, "ms", "time constant of the pre trace x_pre").positive(),
                ParamSpec.real("tau_minus", 20, "ms", "time constant of the post trace x_post").positive(),
                ParamSpec.real("lambda", 0.01, "1", "learning rate, as a fraction of W_max - W_min").positive(),
                ParamSpec.real("alpha", 1.05, "1", "depression relative to potentiation").atLeast(0),
                ParamSpec.real("mu", 0.4, "1", "exponent of the weight dependence: 0 additive, 1 multiplicative")
                        .between(0, 1),
                ParamSpec.real("W_min", 0, "uS", "lower weight bound"),
                ParamSpec.real("W_max", 0.01, "uS", "upper weight bound"));
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(new VariableSpec("x_pre", "1", "pre trace, +1 per arriving (delayed) pre spike"),
                new VariableSpec("x_post", "1", "post trace, +1 per post spike"));
    }

    @Override
    public String equations() {
        return "u = (w - W_min)/(W_max - W_min); dx_pre/dt = -x_pre/tau_plus, dx_post/dt = -x_post/tau_minus, +1 per"
                + " spike; post spike: w += lambda (W_max - W_min) (1 - u)^mu x_pre; arriving pre spike:"
                + " w -= lambda alpha (W_max - W_min) u^mu x_post; w clipped to [W_min, W_max]";
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
    private static final java.util.Set<String> PER_SYNAPSE = java.util.Set.of("lambda", "alpha", "mu", "W_min",
            "W_max");

    @Override
    public java.util.Set<String> perElement() {
        return PER_SYNAPSE;
    }

    @Override
    public String integration() {
        return "exact trace decay per step; order within a step: pre trace, depression, potentiation, delivery; the"
                + " post trace updates after the post neurons; the dependence uses the weight before each change";
    }

    @Override
    public Plasticity create(Params p, BuildContext ctx, CommModel.Comm comm, SpikeBuffer pre, SpikeBuffer post) {
        if (p.anyVaries(PER_SYNAPSE)) {
            return perSynapse(p, ctx, comm, pre, post);
        }
        double wMin = p.real("W_min");
        double wMax = p.real("W_max");
        if (!(wMin < wMax)) {
            throw new IllegalArgumentException("W_min = " + wMin + " must be below W_max = " + wMax);
        }
        float lo = (float) wMin;
        float hi = (float) wMax;
        float range = (float) (wMax - wMin);
        float mu = (float) p.real("mu");
        float potentiation = (float) (p.real("lambda") * (wMax - wMin));
        float depression = (float) (-p.real("lambda") * p.real("alpha") * (wMax - wMin));
        float[] xPre = ctx.floats("x_pre", pre.size(), 0f);
        float[] xPost = ctx.floats("x_post", post.size(), 0f);
        double decayPre = Math.exp(-ctx.dt() / p.real("tau_plus"));
        double decayPost = Math.exp(-ctx.dt() / p.real("tau_minus"));
        String n = ctx.owner() + "." + name();
        StepTask preTrace = StepTask.of(n + ".pre_trace", pre.size(), PlasticityKernelsCalls.trace(xPre, pre.flags,
                decayPre));
        StepTask depress = comm.updateRowsSoftBound(n + ".depression", pre, xPost, depression, lo, range, mu, lo, hi);
        StepTask potentiate = comm.updateColumnsSoftBound(n + ".potentiation", post, xPre, potentiation, hi, range, mu,
                lo, hi);
        StepTask postTrace = StepTask.of(n + ".post_trace", post.size(), PlasticityKernelsCalls.trace(xPost,
                post.flags, decayPost));
        return Plasticity.of(List.of(preTrace, depress, potentiate), List.of(postTrace), wMin, wMax);
    }

    /** The same rule with each synapse's own coefficients and bounds, computed as the scalar form computes them. */
    private Plasticity perSynapse(Params p, BuildContext ctx, CommModel.Comm comm, SpikeBuffer pre, SpikeBuffer post) {
        int n = comm.synapses();
        double[] wMin = PerSynapseValues.reals(p, "W_min", n);
        double[] wMax = PerSynapseValues.reals(p, "W_max", n);
        double[] lambda = PerSynapseValues.reals(p, "lambda", n);
        double[] alpha = PerSynapseValues.reals(p, "alpha", n);
        float[] lo = new float[n];
        float[] hi = new float[n];
        float[] range = new float[n];
        float[] potentiation = new float[n];
        float[] depression = new float[n];
        for (int k = 0; k < n; k++) {
            lo[k] = (float) wMin[k];
            hi[k] = (float) wMax[k];
            range[k] = (float) (wMax[k] - wMin[k]);
            potentiation[k] = (float) (lambda[k] * (wMax[k] - wMin[k]));
            depression[k] = (float) (-lambda[k] * alpha[k] * (wMax[k] - wMin[k]));
        }
        PerSynapseValues.check(comm, lo, hi, true);
        float[] mu = p.values("mu", n);
        float[] xPre = ctx.floats("x_pre", pre.size(), 0f);
        float[] xPost = ctx.floats("x_post", post.size(), 0f);
        String name = ctx.owner() + "." + name();
        StepTask preTrace = StepTask.of(name + ".pre_trace", pre.size(), PlasticityKernelsCalls.trace(xPre, pre.flags,
                Math.exp(-ctx.dt() / p.real("tau_plus"))));
        StepTask depress = comm.updateRowsSoftBoundPerSynapse(name + ".depression", pre, xPost, depression, lo, range,
                mu, lo, hi);
        StepTask potentiate = comm.updateColumnsSoftBoundPerSynapse(name + ".potentiation", post, xPre, potentiation,
                hi, range, mu, lo, hi);
        StepTask postTrace = StepTask.of(name + ".post_trace", post.size(), PlasticityKernelsCalls.trace(xPost,
                post.flags, Math.exp(-ctx.dt() / p.real("tau_minus"))));
        // The bounds are per synapse, checked against the initial weights above: none for the engine.
        return Plasticity.of(List.of(preTrace, depress, potentiate), List.of(postTrace), Double.NaN, Double.NaN);
    }
}
