package io.spikeforge.plugins.inputs;

import io.spikeforge.kernels.InputKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.VariableSpec;

import java.util.List;

/**
 * Ornstein-Uhlenbeck noise current, BrainPy's {@code bp.inputs.ou_process}: dx = (mean - x) / tau dt + sigma dW,
 * one independent process per neuron. Stationary mean {@code mean}, variance sigma^2 tau / 2, autocorrelation
 * exp(-|s| / tau).
 */
final class OUCurrent implements InputModel {

    @Override
    public String name() {
        return "OUCurrent";
    }

    @Override
    public String description() {
        return "Ornstein-Uhlenbeck noise current, one process per neuron (bp.inputs.ou_process); stationary"
                + " variance sigma^2 tau / 2";
    }

    @Override
    public String equations() {
        return "dx/dt = (mean - x) / tau + sigma * xi   (xi white noise); I = x";
    }

    @Override
    public String integration() {
        return "exact in distribution: x <- mean + (x - mean) exp(-dt/tau) + sigma sqrt(tau/2 (1 - exp(-2 dt/tau))) N(0,1),"
                + " normals from the counter-based generator keyed by (seed, step, neuron); x starts at x0";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.real("mean", 0, "nA", "stationary mean"),
                ParamSpec.real("sigma", 1, "nA/sqrt(ms)", "noise intensity").atLeast(0),
                ParamSpec.real("tau", 10, "ms", "time constant").positive(),
                ParamSpec.optionalReal("x0", "nA", "initial value; unset: mean"));
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(new VariableSpec("x", "nA", "the process (the current it adds)"));
    }

    @Override
    public boolean spikeSource() {
        return false;
    }

    @Override
    public StepTask create(Params p, BuildContext ctx, int size, float[] current, int[] spikes) {
        double mean = p.real("mean");
        double tau = p.real("tau");
        double decay = Math.exp(-ctx.dt() / tau);
        double noise = p.real("sigma") * Math.sqrt(tau / 2 * (1 - decay * decay));
        float[] x = ctx.floats("x", size, (float) (p.has("x0") ? p.real("x0") : mean));
        return StepTask.of(ctx.owner() + ".OUCurrent", size, InputKernelsCalls.ouCurrent(current, x, (float) mean,
                (float) decay, (float) noise, ctx.seed(), ctx.clock()));
    }
}
