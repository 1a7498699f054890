package io.spikeforge.plugins.inputs;

import io.spikeforge.kernels.InputKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;

import java.util.List;

/** A constant current into every neuron of the target. */
final class ConstantCurrent implements InputModel {

    @Override
    public String name() {
        return "ConstantCurrent";
    }

    @Override
    public String description() {
        return "the same constant current into every neuron of the target, every step";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.real("value", 0, "nA", "the current (R*value in mV)").asRequired());
    }

    @Override
    public boolean spikeSource() {
        return false;
    }

    @Override
    public StepTask create(Params p, BuildContext ctx, int size, float[] current, int[] spikes) {
        float value = (float) p.real("value");
        return StepTask.of(ctx.owner() + ".ConstantCurrent", size, InputKernelsCalls.addConstant(current, value));
    }
}
