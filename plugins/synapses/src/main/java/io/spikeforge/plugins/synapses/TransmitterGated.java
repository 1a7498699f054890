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
 * BrainPy's {@code AMPA} and {@code GABAa}: a first-order kinetic receptor whose open fraction g is
 * driven by a square pulse of transmitter after each pre spike (Destexhe, Mainen and Sejnowski 1994).
 * The two differ only in their defaults.
 */
final class TransmitterGated implements SynapseModel {

    private final String name;
    private final String description;
    private final double alpha;
    private final double beta;
    private final double t;
    private final double tDur;

    private TransmitterGated(String name, String description, double alpha, double beta, double t, double tDur) {
        this.name = name;
        this.description = description;
        this.alpha = alpha;
        this.beta = beta;
        this.t = t;
        this.tDur = tDur;
    }

    /** @return BrainPy's AMPA, with its defaults */
    static TransmitterGated ampa() {
        return new TransmitterGated("AMPA", "AMPA receptor, first-order transmitter kinetics (BrainPy AMPA)",
                0.98, 0.18, 0.5, 0.5);
    }

    /** @return BrainPy's GABAa, with its defaults */
    static TransmitterGated gabaA() {
        return new TransmitterGated("GABAa", "GABA-A receptor, first-order transmitter kinetics (BrainPy GABAa;"
                + " use COBA with E = -80 mV)", 0.53, 0.18, 1.0, 1.0);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.real("alpha", alpha, "1/(mM ms)", "binding rate").atLeast(0),
                ParamSpec.real("beta", beta, "1/ms", "unbinding rate").positive(),
                ParamSpec.real("T", t, "mM", "transmitter concentration during the pulse").atLeast(0),
                ParamSpec.real("T_dur", tDur, "ms", "pulse duration after each arriving spike").atLeast(0));
    }

    @Override
    public Set<String> perElement() {
        return Set.copyOf(ParamSpec.names(parameters()));
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(new VariableSpec("g", "1", "open fraction of the receptors (the output's g; its weight"
                        + " is g_max in uS)"),
                new VariableSpec("pulse", "steps", "steps of the transmitter pulse still to come"));
    }

    @Override
    public boolean statePerPreNeuron() {
        return true;
    }

    @Override
    public String equations() {
        return "dg/dt = alpha [T] (1 - g) - beta g; [T] = T for T_dur after each arriving spike, else 0;"
                + " state per pre neuron, the output reads sum_pre w g (g_max = w)";
    }

    @Override
    public String integration() {
        return "exponential Euler (BrainPy's exp_auto), exact with [T] held over the step; the pulse covers"
                + " the steps n .. n + ceil(T_dur/dt) - 1 after a spike arriving in step n (BrainPy's"
                + " t - t_arrival < T_dur), and a spike during a pulse restarts it";
    }

    /** @return the number of whole steps of a pulse of {@code tDur} ms: those with k dt < tDur */
    static int pulseSteps(double tDur, double dt) {
        return (int) Math.ceil(tDur / dt - 1e-9);
    }

    @Override
    public SynapseState create(Params p, BuildContext ctx, int size, float[] input) {
        double dt = ctx.dt();
        float[] g = ctx.floats("g", size, 0f);
        int[] pulse = ctx.ints("pulse", size, 0);
        String task = ctx.owner() + "." + name + ".update";
        if (p.anyVaries(perElement())) {
            double[] alpha = PerSlot.reals(p, "alpha", size);
            double[] tee = PerSlot.reals(p, "T", size);
            double[] beta = PerSlot.reals(p, "beta", size);
            double[] tDur = PerSlot.reals(p, "T_dur", size);
            int[] onSteps = new int[size];
            float[] gInf = new float[size];
            float[] decayOn = new float[size];
            float[] decayOff = new float[size];
            for (int i = 0; i < size; i++) {
                double on = alpha[i] * tee[i];
                onSteps[i] = pulseSteps(tDur[i], dt);
                gInf[i] = (float) (on / (on + beta[i]));
                decayOn[i] = (float) Math.exp(-(on + beta[i]) * dt);
                decayOff[i] = (float) Math.exp(-beta[i] * dt);
            }
            return SynapseState.of(g, StepTask.of(task, size, ReceptorKernelsCalls.transmitterGatedPerSlot(g, pulse,
                    input, onSteps, gInf, decayOn, decayOff)));
        }
        double on = p.real("alpha") * p.real("T");
        double b = p.real("beta");
        return SynapseState.of(g, StepTask.of(task, size,
                ReceptorKernelsCalls.transmitterGated(g, pulse, input, pulseSteps(p.real("T_dur"), dt),
                        (float) (on / (on + b)), (float) Math.exp(-(on + b) * dt), (float) Math.exp(-b * dt))));
    }
}
