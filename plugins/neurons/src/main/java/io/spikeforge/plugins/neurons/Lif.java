package io.spikeforge.plugins.neurons;

import io.spikeforge.kernels.NeuronKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.NeuronModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.VariableSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** BrainPy's {@code Lif} and {@code LifRef}: leaky integrate-and-fire, with or without refractoriness. */
final class Lif implements NeuronModel {

    private final boolean refractory;

    Lif(boolean refractory) {
        this.refractory = refractory;
    }

    @Override
    public String name() {
        return refractory ? "LifRef" : "Lif";
    }

    @Override
    public String description() {
        return refractory ? "leaky integrate-and-fire with an absolute refractory period (BrainPy LifRef)"
                : "leaky integrate-and-fire (BrainPy Lif)";
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> p = new ArrayList<>(List.of(
                ParamSpec.real("V_rest", 0, "mV", "resting potential"),
                ParamSpec.real("V_reset", -5, "mV", "potential after a spike"),
                ParamSpec.real("V_th", 20, "mV", "spike threshold (spike when V >= V_th)"),
                Common.resistance(),
                Common.tau(10)));
        if (refractory) {
            p.add(Common.tauRef());
        }
        return p;
    }

    @Override
    public Set<String> perElement() {
        return Set.copyOf(ParamSpec.names(parameters()));
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(Common.V, Common.REFRACTORY);
    }

    @Override
    public String equations() {
        return "tau dV/dt = -(V - V_rest) + R*I; if V >= V_th: spike, V = V_reset";
    }

    @Override
    public String integration() {
        return "exact exponential with I held over the step: V' = V_inf + (V - V_inf) exp(-dt/tau),"
                + " V_inf = V_rest + R*I; then the threshold test." + (refractory ? Common.REF_NOTE : "");
    }

    @Override
    public NeuronGroup create(Params p, BuildContext ctx, int size, float[] current, int[] spikes) {
        if (p.anyVaries(perElement())) {
            return perNeuron(p, ctx, size, current, spikes);
        }
        float[] v = ctx.floats("V", size, (float) p.real("V_rest"));
        int[] ref = ctx.ints("refractory", size, 0);
        float vRest = (float) p.real("V_rest");
        float vReset = (float) p.real("V_reset");
        float vTh = (float) p.real("V_th");
        float r = (float) p.real("R");
        float decay = (float) Math.exp(-ctx.dt() / p.real("tau"));
        int refSteps = refractory ? Common.refSteps(p, ctx.dt()) : 0;
        StepTask update = StepTask.of(ctx.owner() + "." + name() + ".update", size, NeuronKernelsCalls.lif(v, ref,
                current, spikes, vRest, vReset, vTh, r, decay, refSteps));
        return NeuronGroup.of(v, update);
    }

    /** The same model with one value per neuron of each parameter; V starts at each neuron's V_rest. */
    private NeuronGroup perNeuron(Params p, BuildContext ctx, int size, float[] current, int[] spikes) {
        float[] vRest = p.values("V_rest", size);
        float[] v = ctx.floats("V", size, 0f);
        System.arraycopy(vRest, 0, v, 0, size);
        int[] ref = ctx.ints("refractory", size, 0);
        float[] decay = Common.derived(p, "tau", size, tau -> Math.exp(-ctx.dt() / tau));
        int[] refSteps = refractory ? Common.refSteps(p, ctx.dt(), size) : new int[size];
        StepTask update = StepTask.of(ctx.owner() + "." + name() + ".update", size, NeuronKernelsCalls.lifPerNeuron(v,
                ref, current, spikes, vRest, p.values("V_reset", size), p.values("V_th", size), p.values("R", size),
                decay, refSteps));
        return NeuronGroup.of(v, update);
    }
}
