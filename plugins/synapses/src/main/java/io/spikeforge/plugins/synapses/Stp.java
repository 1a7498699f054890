package io.spikeforge.plugins.synapses;

import io.spikeforge.kernels.ReceptorKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.SynapseModel;
import io.spikeforge.spi.VariableSpec;

import java.util.List;
import java.util.Set;

/**
 * BrainPy's {@code STP}: Tsodyks-Markram short-term facilitation (u) and depression (x) of each pre
 * neuron, filtering an exponential synapse: each spike's increment of g is u x after the spike.
 */
final class Stp implements SynapseModel {

    @Override
    public String name() {
        return "STP";
    }

    @Override
    public String description() {
        return "short-term facilitation and depression (Tsodyks-Markram; BrainPy STP) filtering an exponential"
                + " synapse, state per pre neuron";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.real("U", 0.15, "1", "increment of the release probability per spike").between(0, 1),
                ParamSpec.real("tau_f", 1500, "ms", "facilitation time constant").positive(),
                ParamSpec.real("tau_d", 200, "ms", "depression (recovery) time constant").positive(),
                ParamSpec.real("tau_syn", 8, "ms", "decay time constant of g (as Expon's tau)").positive());
    }

    @Override
    public Set<String> perElement() {
        return Set.copyOf(ParamSpec.names(parameters()));
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(new VariableSpec("g", "1", "filtered synaptic activation (the output's g, times w)"),
                new VariableSpec("u", "1", "release probability, U at the start"),
                new VariableSpec("x", "1", "available resources, 1 at rest"));
    }

    @Override
    public boolean statePerPreNeuron() {
        return true;
    }

    @Override
    public String equations() {
        return "du/dt = -u/tau_f, on a spike u += U (1 - u); dx/dt = (1 - x)/tau_d, on a spike x -= u x (the new"
                + " u); dg/dt = -g/tau_syn, on a spike g += u x (after the spike, what BrainPy's STP returns);"
                + " state per pre neuron, the output reads sum_pre w g";
    }

    @Override
    public String integration() {
        return "exact decay of u and x over the step, then the spike's jumps in BrainPy's order (u first), then"
                + " g' = g exp(-dt/tau_syn) + spike u x";
    }

    @Override
    public SynapseState create(Params p, BuildContext ctx, int size, float[] input) {
        float[] g = ctx.floats("g", size, 0f);
        String task = ctx.owner() + ".STP.update";
        if (p.anyVaries(perElement())) {
            float[] bigU = p.values("U", size);
            // u starts at each slot's own U, as it starts at the one U; NaN marks the slots no init set
            float[] u = ctx.floats("u", size, Float.NaN);
            for (int i = 0; i < size; i++) {
                u[i] = Float.isNaN(u[i]) ? bigU[i] : u[i];
            }
            float[] x = ctx.floats("x", size, 1f);
            return SynapseState.of(g, StepTask.of(task, size, ReceptorKernelsCalls.stpPerSlot(g, u, x, input, bigU,
                    PerSlot.derived(p, "tau_f", size, tau -> Math.exp(-ctx.dt() / tau)),
                    PerSlot.derived(p, "tau_d", size, tau -> Math.exp(-ctx.dt() / tau)),
                    PerSlot.derived(p, "tau_syn", size, tau -> Math.exp(-ctx.dt() / tau)))));
        }
        float bigU = (float) p.real("U");
        float[] u = ctx.floats("u", size, bigU);
        float[] x = ctx.floats("x", size, 1f);
        return SynapseState.of(g, StepTask.of(task, size, ReceptorKernelsCalls.stp(g, u, x,
                input, bigU, (float) Math.exp(-ctx.dt() / p.real("tau_f")),
                (float) Math.exp(-ctx.dt() / p.real("tau_d")), (float) Math.exp(-ctx.dt() / p.real("tau_syn")))));
    }
}
