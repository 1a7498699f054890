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

/** BrainPy's {@code NMDA}: saturating conductance driven by a rising variable x (Wang 2002). */
final class Nmda implements SynapseModel {

    @Override
    public String name() {
        return "NMDA";
    }

    @Override
    public String description() {
        return "NMDA receptor, saturating rise and slow decay (Wang 2002; BrainPy NMDA; use MgBlock as output)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.real("a", 0.5, "1/ms", "saturation rate of g").atLeast(0),
                ParamSpec.real("tau_decay", 100, "ms", "decay time constant of g").positive(),
                ParamSpec.real("tau_rise", 2, "ms", "decay time constant of x").positive());
    }

    @Override
    public Set<String> perElement() {
        return Set.copyOf(ParamSpec.names(parameters()));
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(new VariableSpec("g", "1", "open fraction (the output's g; its weight is g_max in uS)"),
                new VariableSpec("x", "1", "rise variable, +1 per arriving spike"));
    }

    @Override
    public boolean statePerPreNeuron() {
        return true;
    }

    @Override
    public String equations() {
        return "dg/dt = -g/tau_decay + a x (1 - g); dx/dt = -x/tau_rise; each arriving spike adds 1 to x;"
                + " state per pre neuron";
    }

    @Override
    public String integration() {
        return "g by exponential Euler with x at the step's start, x exact (BrainPy's exp_auto); then the"
                + " spikes arriving this step add to x, as BrainPy's order";
    }

    @Override
    public SynapseState create(Params p, BuildContext ctx, int size, float[] input) {
        float[] g = ctx.floats("g", size, 0f);
        float[] x = ctx.floats("x", size, 0f);
        String task = ctx.owner() + ".NMDA.update";
        if (p.anyVaries(perElement())) {
            return SynapseState.of(g, StepTask.of(task, size, ReceptorKernelsCalls.nmdaPerSlot(g, x, input,
                    PerSlot.derived(p, "tau_decay", size, tau -> 1 / tau), p.values("a", size),
                    PerSlot.derived(p, "tau_rise", size, tau -> Math.exp(-ctx.dt() / tau)), (float) ctx.dt())));
        }
        return SynapseState.of(g, StepTask.of(task, size, ReceptorKernelsCalls.nmda(g, x,
                input, (float) (1 / p.real("tau_decay")), (float) p.real("a"),
                (float) Math.exp(-ctx.dt() / p.real("tau_rise")), (float) ctx.dt())));
    }
}
