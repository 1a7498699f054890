package io.spikeforge.plugins.neurons;

import io.spikeforge.kernels.NeuronKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.NeuronModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.VariableSpec;

import java.util.List;
import java.util.Set;

/**
 * BrainPy's {@code Izhikevich} (Izhikevich 2003); defaults give regular spiking. V starts at {@code V_init}
 * (default c; BrainPy's default start is -70 mV) and u at b V_init, BrainPy's u = b V. A population's
 * {@code init} sets V and u per neuron after that (set both: {@code init.V} alone leaves u at b V_init).
 */
final class Izhikevich implements NeuronModel {

    @Override
    public String name() {
        return "Izhikevich";
    }

    @Override
    public String description() {
        return "Izhikevich (2003) quadratic model with recovery variable u (BrainPy Izhikevich)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.real("a", 0.02, "1/ms", "recovery time scale"),
                ParamSpec.real("b", 0.2, "1", "recovery sensitivity to V"),
                ParamSpec.real("c", -65, "mV", "potential after a spike"),
                ParamSpec.real("d", 8, "mV/ms", "recovery increment after a spike"),
                ParamSpec.real("V_th", 30, "mV", "spike cut-off (spike when V >= V_th)"),
                ParamSpec.optionalReal("V_init", "mV", "initial V of every neuron, u starting at b*V_init (default: c;"
                        + " BrainPy starts at -70); init.V and init.u set them per neuron"),
                Common.resistance(),
                Common.tauRef());
    }

    @Override
    public Set<String> perElement() {
        return Set.copyOf(ParamSpec.names(parameters()));
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(new VariableSpec("V", "mV", "membrane potential; starts at V_init (default c) unless init.V"
                        + " is set"),
                new VariableSpec("u", "mV/ms", "recovery variable; starts at b*V_init unless init.u is set"),
                Common.REFRACTORY);
    }

    @Override
    public String equations() {
        return "dV/dt = 0.04 V^2 + 5 V + 140 - u + R*I; du/dt = a (b V - u); if V >= V_th: spike, V = c, u += d";
    }

    @Override
    public String integration() {
        return "forward Euler for V and u from the same start-of-step values, then the threshold test."
                + Common.REF_NOTE;
    }

    @Override
    public NeuronGroup create(Params p, BuildContext ctx, int size, float[] current, int[] spikes) {
        if (p.anyVaries(perElement())) {
            return perNeuron(p, ctx, size, current, spikes);
        }
        float a = (float) p.real("a");
        float b = (float) p.real("b");
        float c = (float) p.real("c");
        float d = (float) p.real("d");
        float vInit = p.has("V_init") ? (float) p.real("V_init") : c;
        float[] v = ctx.floats("V", size, vInit);
        float[] u = ctx.floats("u", size, b * vInit);
        int[] ref = ctx.ints("refractory", size, 0);
        float vTh = (float) p.real("V_th");
        float r = (float) p.real("R");
        float dt = (float) ctx.dt();
        int refSteps = Common.refSteps(p, ctx.dt());
        StepTask update = StepTask.of(ctx.owner() + ".Izhikevich.update", size, NeuronKernelsCalls.izhikevich(v, u,
                ref, current, spikes, a, b, c, d, vTh, r, dt, refSteps));
        return NeuronGroup.of(v, update);
    }

    /** The same model with one value per neuron of each parameter; V starts at each neuron's c, u at b*c. */
    private NeuronGroup perNeuron(Params p, BuildContext ctx, int size, float[] current, int[] spikes) {
        float[] b = p.values("b", size);
        float[] c = p.values("c", size);
        float[] v = ctx.floats("V", size, 0f);
        float[] u = ctx.floats("u", size, 0f);
        for (int i = 0; i < size; i++) {
            v[i] = c[i];
            u[i] = b[i] * c[i];
        }
        int[] ref = ctx.ints("refractory", size, 0);
        StepTask update = StepTask.of(ctx.owner() + ".Izhikevich.update", size, NeuronKernelsCalls.izhikevichPerNeuron(
                v, u, ref, current, spikes, p.values("a", size), b, c, p.values("d", size), p.values("V_th", size),
                p.values("R", size), (float) ctx.dt(), Common.refSteps(p, ctx.dt(), size)));
        return NeuronGroup.of(v, update);
    }
}
