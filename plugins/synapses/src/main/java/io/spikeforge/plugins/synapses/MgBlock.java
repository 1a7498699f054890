package io.spikeforge.plugins.synapses;

import io.spikeforge.kernels.OutputKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.OutputModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;

import java.util.List;
import java.util.Set;

/** BrainPy's {@code MgBlock}: NMDA conductance with the voltage-dependent magnesium block. */
final class MgBlock implements OutputModel {

    @Override
    public String name() {
        return "MgBlock";
    }

    @Override
    public String description() {
        return "NMDA output with magnesium block (Jahr and Stevens 1990; BrainPy MgBlock)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.real("E", 0, "mV", "reversal potential"),
                ParamSpec.real("cc_Mg", 1.2, "mM", "extracellular magnesium concentration").atLeast(0),
                ParamSpec.real("alpha", 0.062, "1/mV", "voltage sensitivity of the block"),
                ParamSpec.real("beta", 3.57, "mM", "magnesium sensitivity of the block").positive());
    }

    @Override
    public Set<String> perElement() {
        return Set.copyOf(ParamSpec.names(parameters()));
    }

    @Override
    public String equations() {
        return "I = g (E - V) / (1 + cc_Mg/beta exp(-alpha V))";
    }

    @Override
    public StepTask create(Params p, BuildContext ctx, float[] g, float[] v, float[] current) {
        if (p.anyVaries(perElement())) {
            int n = current.length;
            return StepTask.of(ctx.owner() + ".MgBlock", n, OutputKernelsCalls.mgBlockPerNeuron(g, v, current,
                    p.values("E", n), p.values("cc_Mg", n), p.values("alpha", n), p.values("beta", n)));
        }
        float e = (float) p.real("E");
        float ccMg = (float) p.real("cc_Mg");
        float alpha = (float) p.real("alpha");
        float beta = (float) p.real("beta");
        return StepTask.of(ctx.owner() + ".MgBlock", current.length, OutputKernelsCalls.mgBlock(g, v, current, e, ccMg,
                alpha, beta));
    }
}
