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

/** BrainPy's {@code BioNMDA}: NMDA receptor with second-order transmitter kinetics. */
final class BioNmda implements SynapseModel {

    @Override
    public String name() {
        return "BioNMDA";
    }

    @Override
    public String description() {
        return "NMDA receptor, second-order transmitter kinetics (BrainPy BioNMDA; use MgBlock as output)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.real("alpha1", 2, "1/ms", "activation rate of g").atLeast(0),
                ParamSpec.real("beta1", 0.01, "1/ms", "deactivation rate of g").positive(),
                ParamSpec.real("alpha2", 1, "1/(mM ms)", "activation rate of x").atLeast(0),
                ParamSpec.real("beta2", 0.5, "1/ms", "deactivation rate of x").positive(),
                ParamSpec.real("T", 1, "mM", "transmitter concentration during the pulse").atLeast(0),
                ParamSpec.real("T_dur", 0.5, "ms", "pulse duration after each arriving spike").atLeast(0));
    }

    @Override
    public Set<String> perElement() {
        return Set.copyOf(ParamSpec.names(parameters()));
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(new VariableSpec("g", "1", "open fraction (the output's g; its weight is g_max in uS)"),
                new VariableSpec("x", "1", "bound transmitter fraction"),
                new VariableSpec("pulse", "steps", "steps of the transmitter pulse still to come"));
    }

    @Override
    public boolean statePerPreNeuron() {
        return true;
    }

    @Override
    public String equations() {
        return "dg/dt = alpha1 x (1 - g) - beta1 g; dx/dt = alpha2 [T] (1 - x) - beta2 x; [T] = T for T_dur after"
                + " each arriving spike, else 0; state per pre neuron";
    }

    @Override
    public String integration() {
        return "exponential Euler for each variable with the other at the step's start (BrainPy's exp_auto);"
                + " the pulse covers ceil(T_dur/dt) steps from the arrival step, as AMPA's";
    }

    @Override
    public SynapseState create(Params p, BuildContext ctx, int size, float[] input) {
        double dt = ctx.dt();
        float[] g = ctx.floats("g", size, 0f);
        float[] x = ctx.floats("x", size, 0f);
        int[] pulse = ctx.ints("pulse", size, 0);
        String task = ctx.owner() + ".BioNMDA.update";
        if (p.anyVaries(perElement())) {
            double[] alpha2 = PerSlot.reals(p, "alpha2", size);
            double[] tee = PerSlot.reals(p, "T", size);
            double[] beta2 = PerSlot.reals(p, "beta2", size);
            double[] tDur = PerSlot.reals(p, "T_dur", size);
            int[] onSteps = new int[size];
            float[] xInf = new float[size];
            float[] xDecayOn = new float[size];
            float[] xDecayOff = new float[size];
            for (int i = 0; i < size; i++) {
                double on = alpha2[i] * tee[i];
                onSteps[i] = TransmitterGated.pulseSteps(tDur[i], dt);
                xInf[i] = (float) (on / (on + beta2[i]));
                xDecayOn[i] = (float) Math.exp(-(on + beta2[i]) * dt);
                xDecayOff[i] = (float) Math.exp(-beta2[i] * dt);
            }
            return SynapseState.of(g, StepTask.of(task, size, ReceptorKernelsCalls.bioNmdaPerSlot(g, x, pulse, input,
                    onSteps, xInf, xDecayOn, xDecayOff, p.values("alpha1", size), p.values("beta1", size),
                    (float) dt)));
        }
        double on = p.real("alpha2") * p.real("T");
        double b2 = p.real("beta2");
        return SynapseState.of(g, StepTask.of(task, size, ReceptorKernelsCalls.bioNmda(
                g, x, pulse, input, TransmitterGated.pulseSteps(p.real("T_dur"), dt), (float) (on / (on + b2)),
                (float) Math.exp(-(on + b2) * dt), (float) Math.exp(-b2 * dt), (float) p.real("alpha1"),
                (float) p.real("beta1"), (float) dt)));
    }
}
