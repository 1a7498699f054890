package io.spikeforge.plugins.synapses;

import io.spikeforge.kernels.SynapseKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.SynapseModel;
import io.spikeforge.spi.VariableSpec;

import java.util.List;
import java.util.Set;

/** BrainPy's {@code Alpha}: alpha-function synapse. */
final class Alpha implements SynapseModel {

    @Override
    public String name() {
        return "Alpha";
    }

    @Override
    public String description() {
        return "alpha-function synapse, g(t) = w t exp(-t/tau) per spike (BrainPy Alpha)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.real("tau", 8, "ms", "time constant").positive());
    }

    @Override
    public Set<String> perElement() {
        return Set.copyOf(ParamSpec.names(parameters()));
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(new VariableSpec("g", "uS", "synaptic conductance (nA with CUBA)"),
                new VariableSpec("h", "uS/ms", "auxiliary variable"));
    }

    @Override
    public String equations() {
        return "dg/dt = -g/tau + h; dh/dt = -h/tau; each arriving weight adds to h";
    }

    @Override
    public String integration() {
        return "exact: g' = (g + h dt) exp(-dt/tau), h' = h exp(-dt/tau), then arriving weights are added to h";
    }

    @Override
    public SynapseState create(Params p, BuildContext ctx, int size, float[] input) {
        float[] g = ctx.floats("g", size, 0f);
        float[] h = ctx.floats("h", size, 0f);
        float dt = (float) ctx.dt();
        if (p.varies("tau")) {
            float[] decay = PerSlot.derived(p, "tau", size, tau -> Math.exp(-ctx.dt() / tau));
            return SynapseState.of(g, StepTask.of(ctx.owner() + ".Alpha.update", size,
                    SynapseKernelsCalls.alphaPerSlot(g, h, input, decay, dt)));
        }
        float decay = (float) Math.exp(-ctx.dt() / p.real("tau"));
        return SynapseState.of(g, StepTask.of(ctx.owner() + ".Alpha.update", size, SynapseKernelsCalls.alpha(g, h,
                input, decay, dt)));
    }
}
