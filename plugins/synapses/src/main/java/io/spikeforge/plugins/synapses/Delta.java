package io.spikeforge.plugins.synapses;

import io.spikeforge.kernels.CouplingKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.CouplingModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;

import java.util.List;

/**
 * BrainPy's Delta projection ({@code FullProjDelta}) and Brian2's {@code on_pre='v_post += w'}: no synaptic
 * state; each arriving spike jumps the post potential by the synapse's weight.
 */
final class Delta implements CouplingModel {

    @Override
    public String name() {
        return "Delta";
    }

    @Override
    public String description() {
        return "delta synapse: each arriving spike jumps the post potential by its weight in mV (BrainPy's"
                + " Delta projections, Brian2's v_post += w); no state, no output";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public String equations() {
        return "V_post += w for each spike arriving at the post neuron (w in mV)";
    }

    @Override
    public String integration() {
        return "the weights arriving in a step (after the axonal delay) are summed by the comm and added to V"
                + " after the post neurons' update of that step, so V jumps by exactly w in the arrival step and"
                + " the threshold sees the jump in the next step (Brian2's order; refractory neurons jump too)";
    }

    /** Only the arriving spikes and the post potentials: a split process holds both for its own neurons. */
    @Override
    public boolean touchesPre() {
        return false;
    }

    @Override
    public Coupling couple(Params params, BuildContext ctx, Sides sides) {
        float[] pending = new float[sides.vPost().length];
        StepTask deliver = sides.comm().propagateSpikes(ctx.owner() + ".comm", sides.arriving(), pending);
        StepTask jump = StepTask.of(ctx.owner() + ".Delta.jump", pending.length,
                CouplingKernelsCalls.jump(pending, sides.vPost()));
        return new Coupling(List.of(deliver), List.of(), List.of(jump));
    }
}
