package io.spikeforge.samplepack;

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
 * Nearest-spike pair STDP (symmetric nearest-neighbour interaction, as Izhikevich and Desai 2003 relate it
 * to the BCM rule): each post spike pairs with the latest pre spike only, each arriving pre spike with
 * the latest post spike only. Its traces are reset to 1 by a spike (this pack's kernel) instead of
 * raised by 1, and the weight changes run through the comm's row and column updates, as the built-in
 * rules' do. A single pairing gives the window of {@code STDP_Song2000}; for a burst, only the nearest
 * spike counts. The rate dependence this gives is BCM-like: depression at low post rates, potentiation
 * at high ones.
 */
final class NearestStdp implements PlasticityModel {

    @Override
    public String name() {
        return "NearestSTDP";
    }

    @Override
    public String description() {
        return "nearest-spike pair STDP (Izhikevich and Desai 2003): each spike pairs with the latest spike of the"
                + " other side only";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.real("tau_plus", 16.8, "ms", "time constant of the pre trace").positive(),
                ParamSpec.real("tau_minus", 33.7, "ms", "time constant of the post trace").positive(),
                ParamSpec.real("A_plus", 0.01, "uS", "potentiation amplitude (per post spike, times the pre trace)"),
                ParamSpec.real("A_minus", 0.0105, "uS", "depression amplitude (per pre spike, times the post trace)"),
                ParamSpec.optionalReal("W_min", "uS", "lower weight bound; unset: none"),
                ParamSpec.optionalReal("W_max", "uS", "upper weight bound; unset: none"));
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(new VariableSpec("x_pre", "1", "exp(-(t - t_last)/tau_plus) of the latest arriving pre spike"),
                new VariableSpec("x_post", "1", "exp(-(t - t_last)/tau_minus) of the latest post spike"));
    }

    @Override
    public String equations() {
        return "x_pre = exp(-(t - t_pre,last)/tau_plus), x_post = exp(-(t - t_post,last)/tau_minus); arriving pre"
                + " spike: w -= A_minus x_post; post spike: w += A_plus x_pre; clipped to [W_min, W_max]";
    }

    @Override
    public String integration() {
        return "exact trace decay per step, reset to 1 by a spike; order within a step: pre trace, depression,"
                + " potentiation, delivery; the post trace updates after the post neurons";
    }

    @Override
    public Plasticity create(Params p, BuildContext ctx, CommModel.Comm comm, SpikeBuffer pre, SpikeBuffer post) {
        double wMin = p.has("W_min") ? p.real("W_min") : Double.NaN;
        double wMax = p.has("W_max") ? p.real("W_max") : Double.NaN;
        if (wMin > wMax) {
            throw new IllegalArgumentException("W_min = " + wMin + " is above W_max = " + wMax);
        }
        float lo = Double.isNaN(wMin) ? Float.NEGATIVE_INFINITY : (float) wMin;
        float hi = Double.isNaN(wMax) ? Float.POSITIVE_INFINITY : (float) wMax;
        float[] xPre = ctx.floats("x_pre", pre.size(), 0f);
        float[] xPost = ctx.floats("x_post", post.size(), 0f);
        double decayPre = Math.exp(-ctx.dt() / p.real("tau_plus"));
        double decayPost = Math.exp(-ctx.dt() / p.real("tau_minus"));
        String n = ctx.owner() + ".NearestSTDP";
        StepTask preTrace = StepTask.of(n + ".pre_trace", pre.size(),
                NearestKernelsCalls.nearestTrace(xPre, pre.flags, decayPre));
        StepTask depress = comm.updateRows(n + ".depression", pre, xPost, (float) -p.real("A_minus"), lo, hi);
        StepTask potentiate = comm.updateColumns(n + ".potentiation", post, xPre, (float) p.real("A_plus"), lo, hi);
        StepTask postTrace = StepTask.of(n + ".post_trace", post.size(),
                NearestKernelsCalls.nearestTrace(xPost, post.flags, decayPost));
        return Plasticity.of(List.of(preTrace, depress, potentiate), List.of(postTrace), wMin, wMax);
    }
}
