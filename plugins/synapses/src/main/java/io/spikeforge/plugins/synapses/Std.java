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
 * BrainPy's {@code STD}: short-term depression of the resources x of each pre neuron, filtering an
 * exponential synapse: each spike's increment of g is the x it leaves.
 */
final class Std implements SynapseModel {

    @Override
    public String name() {
        return "STD";
    }

    @Override
    public String description() {
        return "short-term depression (BrainPy STD) filtering an exponential synapse, state per pre neuron";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.real("tau", 200, "ms", "recovery time constant of the resources").positive(),
                ParamSpec.real("U", 0.07, "1", "fraction of the resources used per spike").between(0, 1),
                ParamSpec.real("tau_syn", 8, "ms", "decay time constant of g (as Expon's tau)").positive());
    }

    @Override
    public Set<String> perElement() {
        return Set.copyOf(ParamSpec.names(parameters()));
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(new VariableSpec("g", "1", "filtered synaptic activation (the output's g, times w)"),
                new VariableSpec("x", "1", "available resources, 1 at rest"));
    }

    @Override
    public boolean statePerPreNeuron() {
        return true;
    }

    @Override
    public String equations() {
        return "dx/dt = (1 - x)/tau, on a spike x -= U x; dg/dt = -g/tau_syn, on a spike g += x (after the"
                + " spike: BrainPy's I+ = I- x); state per pre neuron, the output reads sum_pre w g";
    }

    @Override
    public String integration() {
        return "exact: x' = 1 - (1 - x) exp(-dt/tau) - spike U x (BrainPy depletes U times the x of the step's"
                + " start), then g' = g exp(-dt/tau_syn) + spike x'";
    }

    @Override
    public SynapseState create(Params p, BuildContext ctx, int size, float[] input) {
        float[] g = ctx.floats("g", size, 0f);
        float[] x = ctx.floats("x", size, 1f);
        String task = ctx.owner() + ".STD.update";
        if (p.anyVaries(perElement())) {
            return SynapseState.of(g, StepTask.of(task, size, ReceptorKernelsCalls.stdPerSlot(g, x, input,
                    p.values("U", size), PerSlot.derived(p, "tau", size, tau -> Math.exp(-ctx.dt() / tau)),
                    PerSlot.derived(p, "tau_syn", size, tau -> Math.exp(-ctx.dt() / tau)))));
        }
        return SynapseState.of(g, StepTask.of(task, size, ReceptorKernelsCalls.std(g, x, input,
                (float) p.real("U"), (float) Math.exp(-ctx.dt() / p.real("tau")),
                (float) Math.exp(-ctx.dt() / p.real("tau_syn")))));
    }
}
