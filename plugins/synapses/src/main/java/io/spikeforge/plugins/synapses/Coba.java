package io.spikeforge.plugins.synapses;

import io.spikeforge.kernels.OutputKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.OutputModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;

import java.util.List;
import java.util.Set;

/** BrainPy's {@code COBA}: conductance-based output with a reversal potential. */
final class Coba implements OutputModel {

    @Override
    public String name() {
        return "COBA";
    }

    @Override
    public String description() {
        return "conductance-based output: I = g (E - V) (BrainPy COBA)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.real("E", 0, "mV", "reversal potential"));
    }

    @Override
    public Set<String> perElement() {
        return Set.copyOf(ParamSpec.names(parameters()));
    }

    @Override
    public String equations() {
        return "I = g (E - V), with V the post potential before its update this step";
    }

    @Override
    public StepTask create(Params p, BuildContext ctx, float[] g, float[] v, float[] current) {
        if (p.varies("E")) {
            return StepTask.of(ctx.owner() + ".COBA", current.length, OutputKernelsCalls.cobaPerNeuron(g, v, current,
                    p.values("E")));
        }
        float e = (float) p.real("E");
        return StepTask.of(ctx.owner() + ".COBA", current.length, OutputKernelsCalls.coba(g, v, current, e));
    }
}
