package io.spikeforge.plugins.plasticity;

import io.spikeforge.kernels.LearningKernelsCalls;
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
 * The triplet STDP rule of Pfister and Gerstner (2006), all-to-all interaction. Pre traces r1 (tau_plus)
 * and r2 (tau_x), post traces o1 (tau_minus) and o2 (tau_y), each +1 per spike. On an arriving pre
 * spike: {@code w -= o1 (A2- + A3- r2(t-eps))}; on a post spike: {@code w += r1 (A2+ + A3+ o2(t-eps))}.
 * With A3+ = A3- = 0 it is pair STDP with the window A2+ exp(-dt/tau_plus), -A2- exp(dt/tau_minus).
 * The defaults are the paper's all-to-all fit to visual cortex data (Table 4).
 *
 * <p>Each side's amplitude depends on its own slow trace, so the weight change is a product of a pre
 * and a post quantity: the rule computes that scale per neuron and hands it to the comm's scaled
 * row and column updates.
 *
 * <p>A2_plus, A3_plus, A2_minus, A3_minus, W_min and W_max may take one value per synapse (an initializer,
 * an {@code .npy} file or an expression of the synapse's index i and N). The scale then cannot be one per
 * neuron: pre_scale and post_scale hold the slow traces just before the spikes, and the comm's triplet
 * per-synapse updates form each synapse's own A2 + A3 r2 (A2 + A3 o2) with the same float operations, so
 * values all equal give the scalar form's floats; the scalar form runs unchanged when none varies.
 */
final class TripletStdp implements PlasticityModel {

    @Override
    public String name() {
        return "TripletSTDP";
    }

    @Override
    public String description() {
        return "triplet STDP of Pfister and Gerstner (2006), all-to-all spike interaction";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.real("tau_plus", 16.8, "ms", "time constant of the pre trace r1").positive(),
                ParamSpec.real("tau_x", 101, "ms", "time constant of the pre trace r2").positive(),
                ParamSpec.real("tau_minus", 33.7, "ms", "time constant of the post trace o1").positive(),
                ParamSpec.real("tau_y", 125, "ms", "time constant of the post trace o2").positive(),
                ParamSpec.real("A2_plus", 5e-10, "uS", "pair potentiation amplitude").atLeast(0),
                ParamSpec.real("A3_plus", 6.2e-3, "uS", "triplet potentiation amplitude").atLeast(0),
                ParamSpec.real("A2_minus", 7e-3, "uS", "pair depression amplitude").atLeast(0),
                ParamSpec.real("A3_minus", 2.3e-4, "uS", "triplet depression amplitude").atLeast(0),
                ParamSpec.optionalReal("W_min", "uS", "lower weight bound; unset: none"),
                ParamSpec.optionalReal("W_max", "uS", "upper weight bound; unset: none"));
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(
                new VariableSpec("r1", "1", "fast pre trace (tau_plus), +1 per arriving pre spike"),
                new VariableSpec("r2", "1", "slow pre trace (tau_x), +1 per arriving pre spike"),
                new VariableSpec("o1", "1", "fast post trace (tau_minus), +1 per post spike"),
                new VariableSpec("o2", "1", "slow post trace (tau_y), +1 per post spike"),
                new VariableSpec("pre_scale", "uS", "A2- + A3- r2 just before this step's pre spikes"
                        + " (r2 itself with amplitudes per synapse)"),
                new VariableSpec("post_scale", "uS", "A2+ + A3+ o2 just before the last post spikes"
                        + " (o2 itself with amplitudes per synapse)"));
    }

    @Override
    public String equations() {
        return "dr1/dt = -r1/tau_plus, dr2/dt = -r2/tau_x, do1/dt = -o1/tau_minus, do2/dt = -o2/tau_y, each +1 per"
                + " spike; pre spike: w -= o1 (A2- + A3- r2(t-eps)); post spike: w += r1 (A2+ + A3+ o2(t-eps))";
    }

    @Override
    public String oneValueReason(String parameter) {
        return switch (parameter) {
            case "tau_plus" -> Traces.reason("r1", "pre");
            case "tau_x" -> Traces.reason("r2", "pre");
            case "tau_minus" -> Traces.reason("o1", "post");
            case "tau_y" -> Traces.reason("o2", "post");
            default -> null;
        };
    }

    /** What acts on one synapse's change; the time constants belong to the traces. */
    private static final java.util.Set<String> PER_SYNAPSE = java.util.Set.of("A2_plus", "A3_plus", "A2_minus",
            "A3_minus", "W_min", "W_max");

    @Override
    public java.util.Set<String> perElement() {
        return PER_SYNAPSE;
    }

    @Override
    public String integration() {
        return "exact trace decay per step. In the projection: pre traces (the depression scale from r2 before the"
                + " arrivals), depression of arriving rows, potentiation of the columns of the last post spikes;"
                + " after the post update: post traces (the potentiation scale from o2 before the spikes)";
    }

    @Override
    public Plasticity create(Params p, BuildContext ctx, CommModel.Comm comm, SpikeBuffer pre, SpikeBuffer post) {
        double wMin = p.has("W_min") && !p.varies("W_min") ? p.real("W_min") : Double.NaN;
        double wMax = p.has("W_max") && !p.varies("W_max") ? p.real("W_max") : Double.NaN;
        if (wMin > wMax) {
            throw new IllegalArgumentException("W_min = " + wMin + " is above W_max = " + wMax);
        }
        float lo = Double.isNaN(wMin) ? Float.NEGATIVE_INFINITY : (float) wMin;
        float hi = Double.isNaN(wMax) ? Float.POSITIVE_INFINITY : (float) wMax;
        float[] r1 = ctx.floats("r1", pre.size(), 0f);
        float[] r2 = ctx.floats("r2", pre.size(), 0f);
        float[] o1 = ctx.floats("o1", post.size(), 0f);
        float[] o2 = ctx.floats("o2", post.size(), 0f);
        float[] preScale = ctx.floats("pre_scale", pre.size(), 0f);
        float[] postScale = ctx.floats("post_scale", post.size(), 0f);
        double dPlus = decay(ctx, p.real("tau_plus"));
        double dX = decay(ctx, p.real("tau_x"));
        double dMinus = decay(ctx, p.real("tau_minus"));
        double dY = decay(ctx, p.real("tau_y"));
        String n = ctx.owner() + ".TripletSTDP";
        if (p.anyVaries(PER_SYNAPSE)) {
            int syn = comm.synapses();
            float[] los = p.has("W_min") ? p.values("W_min", syn) : PerSynapseValues.filled(syn, lo);
            float[] his = p.has("W_max") ? p.values("W_max", syn) : PerSynapseValues.filled(syn, hi);
            PerSynapseValues.check(comm, los, his, false);
            // the traces' kernel with amplitudes 0 + 1 * slow leaves the slow trace itself as the scale
            StepTask preTraces = StepTask.of(n + ".pre_traces", pre.size(),
                    LearningKernelsCalls.tripletTraces(r1, r2, pre.flags, dPlus, dX, preScale, 0f, 1f));
            StepTask depress = comm.updateRowsTripletPerSynapse(n + ".depression", pre, preScale, o1, -1f,
                    p.values("A2_minus", syn), p.values("A3_minus", syn), los, his);
            StepTask potentiate = comm.updateColumnsTripletPerSynapse(n + ".potentiation", post, r1, postScale, 1f,
                    p.values("A2_plus", syn), p.values("A3_plus", syn), los, his);
            StepTask postTraces = StepTask.of(n + ".post_traces", post.size(),
                    LearningKernelsCalls.tripletTraces(o1, o2, post.flags, dMinus, dY, postScale, 0f, 1f));
            return Plasticity.of(List.of(preTraces, depress, potentiate), List.of(postTraces), Double.NaN, Double.NaN);
        }
        float a2m = (float) p.real("A2_minus");
        float a3m = (float) p.real("A3_minus");
        float a2p = (float) p.real("A2_plus");
        float a3p = (float) p.real("A3_plus");
        StepTask preTraces = StepTask.of(n + ".pre_traces", pre.size(),
                LearningKernelsCalls.tripletTraces(r1, r2, pre.flags, dPlus, dX, preScale, a2m, a3m));
        StepTask depress = comm.updateRows(n + ".depression", pre, preScale, o1, -1f, lo, hi);
        StepTask potentiate = comm.updateColumns(n + ".potentiation", post, r1, postScale, 1f, lo, hi);
        StepTask postTraces = StepTask.of(n + ".post_traces", post.size(),
                LearningKernelsCalls.tripletTraces(o1, o2, post.flags, dMinus, dY, postScale, a2p, a3p));
        return Plasticity.of(List.of(preTraces, depress, potentiate), List.of(postTraces), wMin, wMax);
    }

    private static double decay(BuildContext ctx, double tau) {
        return Math.exp(-ctx.dt() / tau);
    }
}
