package io.spikeforge.plugins.synapses;

import io.spikeforge.kernels.OutputKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.OutputModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;

import java.util.List;

/** BrainPy's {@code CUBA}: the synaptic variable is a current. */
final class Cuba implements OutputModel {

    @Override
    public String name() {
        return "CUBA";
    }

    @Override
    public String description() {
        return "current-based output: I = g, with g in nA (BrainPy CUBA)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public String equations() {
        return "I = g";
    }

    @Override
    public StepTask create(Params p, BuildContext ctx, float[] g, float[] v, float[] current) {
        return StepTask.of(ctx.owner() + ".CUBA", current.length, OutputKernelsCalls.cuba(g, current));
    }
}
