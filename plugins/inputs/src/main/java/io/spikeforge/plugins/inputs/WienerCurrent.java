package io.spikeforge.plugins.inputs;

import io.spikeforge.kernels.InputKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;

import java.util.List;

/**
 * The increments of a Wiener process as a current, BrainPy's {@code bp.inputs.wiener_process}: in each step
 * of [t_start, t_end) every neuron gets an independent sigma * N(0, dt) draw, so the summed input of n steps
 * has variance sigma^2 n dt.
 */
final class WienerCurrent implements InputModel {

    @Override
    public String name() {
        return "WienerCurrent";
    }

    @Override
    public String description() {
        return "Wiener increments sigma * dW, dW ~ N(0, dt), per neuron and step (bp.inputs.wiener_process)";
    }

    @Override
    public String integration() {
        return "one normal per neuron and step from the counter-based generator keyed by (seed, step, neuron)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.real("sigma", 1, "nA/sqrt(ms)", "scale of the increments").atLeast(0),
                ParamSpec.real("t_start", 0, "ms", "first step with noise").atLeast(0),
                ParamSpec.optionalReal("t_end", "ms", "end of the noise (exclusive); unset: the whole run"));
    }

    @Override
    public boolean spikeSource() {
        return false;
    }

    @Override
    public StepTask create(Params p, BuildContext ctx, int size, float[] current, int[] spikes) {
        int[] w = Steps.window(p, ctx.dt());
        float scale = (float) (p.real("sigma") * Math.sqrt(ctx.dt()));
        return StepTask.of(ctx.owner() + ".WienerCurrent", size, InputKernelsCalls.wienerCurrent(current, scale, w[0],
                w[1], ctx.seed(), ctx.clock()));
    }
}
