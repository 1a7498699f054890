package io.spikeforge.plugins.inputs;

import io.spikeforge.kernels.InputKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;

import java.util.List;

/**
 * A linear ramp, BrainPy's {@code bp.inputs.ramp_input}: over the n steps of [t_start, t_end) the current
 * goes from c_start to c_end as {@code linspace(c_start, c_end, n)} does (step m of the window gets
 * c_start + (c_end - c_start) m / (n - 1)); 0 outside.
 */
final class RampCurrent implements InputModel {

    @Override
    public String name() {
        return "RampCurrent";
    }

    @Override
    public String description() {
        return "linear ramp from c_start to c_end over [t_start, t_end), 0 outside (bp.inputs.ramp_input)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.real("c_start", 0, "nA", "current in the first step of the ramp"),
                ParamSpec.real("c_end", 1, "nA", "current in the last step of the ramp"),
                ParamSpec.real("t_start", 0, "ms", "start of the ramp").atLeast(0),
                ParamSpec.real("t_end", 0, "ms", "end of the ramp (exclusive)").asRequired().atLeast(0));
    }

    @Override
    public boolean spikeSource() {
        return false;
    }

    @Override
    public StepTask create(Params p, BuildContext ctx, int size, float[] current, int[] spikes) {
        int[] w = Steps.window(p, ctx.dt());
        float[] perStep = new float[w[1]];
        int n = w[1] - w[0];
        double a = p.real("c_start");
        double b = p.real("c_end");
        for (int m = 0; m < n; m++) {
            perStep[w[0] + m] = (float) (n == 1 ? a : a + (b - a) * m / (n - 1));
        }
        return StepTask.of(ctx.owner() + ".RampCurrent", size, InputKernelsCalls.addSection(current, perStep,
                ctx.clock()));
    }
}
