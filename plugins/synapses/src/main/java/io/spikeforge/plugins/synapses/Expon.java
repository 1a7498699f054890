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

/** BrainPy's {@code Expon}: single-exponential synapse. */
final class Expon implements SynapseModel {

    @Override
    public String name() {
        return "Expon";
    }

    @Override
    public String description() {
        return "exponentially decaying synaptic conductance or current (BrainPy Expon)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.real("tau", 8, "ms", "decay time constant").positive());
    }

    @Override
    public Set<String> perElement() {
        return Set.copyOf(ParamSpec.names(parameters()));
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(new VariableSpec("g", "uS", "synaptic conductance (nA with CUBA)"));
    }

    @Override
    public String equations() {
        return "dg/dt = -g/tau; each arriving weight w adds w to g";
    }

    @Override
    public String integration() {
        return "exact: g' = g exp(-dt/tau) + (weights arriving this step)";
    }

    @Override
    public SynapseState create(Params p, BuildContext ctx, int size, float[] input) {
        float[] g = ctx.floats("g", size, 0f);
        if (p.varies("tau")) {
            float[] decay = PerSlot.derived(p, "tau", size, tau -> Math.exp(-ctx.dt() / tau));
            return SynapseState.of(g, StepTask.of(ctx.owner() + ".Expon.update", size,
                    SynapseKernelsCalls.exponPerSlot(g, input, decay)));
        }
        float decay = (float) Math.exp(-ctx.dt() / p.real("tau"));
        return SynapseState.of(g, StepTask.of(ctx.owner() + ".Expon.update", size, SynapseKernelsCalls.expon(g, input,
                decay)));
    }
}
