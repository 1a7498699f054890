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

/** BrainPy's {@code ExpIF}: exponential integrate-and-fire (Fourcaud-Trocme et al. 2003). */
final class ExpIF implements NeuronModel {

    @Override
    public String name() {
        return "ExpIF";
    }

    @Override
    public String description() {
        return "exponential integrate-and-fire (BrainPy ExpIF)";
    }

    static List<ParamSpec> shared() {
        return List.of(
                ParamSpec.real("V_rest", -65, "mV", "resting potential"),
                ParamSpec.real("V_reset", -68, "mV", "potential after a spike"),
                ParamSpec.real("V_th", -30, "mV", "spike cut-off (spike when V >= V_th)"),
                ParamSpec.real("V_T", -59.9, "mV", "threshold potential of the exponential term"),
                ParamSpec.real("delta_T", 3.48, "mV", "spike slope factor").positive(),
                Common.resistance(),
                Common.tau(10),
                Common.tauRef());
    }

    @Override
    public List<ParamSpec> parameters() {
        return shared();
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
        return "tau dV/dt = -(V - V_rest) + delta_T exp((V - V_T)/delta_T) + R*I; if V >= V_th: spike, V = V_reset";
    }

    @Override
    public String integration() {
        return "forward Euler, then the threshold test." + Common.REF_NOTE;
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
        float vT = (float) p.real("V_T");
        float deltaT = (float) p.real("delta_T");
        float r = (float) p.real("R");
        float dtOverTau = (float) (ctx.dt() / p.real("tau"));
        int refSteps = Common.refSteps(p, ctx.dt());
        StepTask update = StepTask.of(ctx.owner() + ".ExpIF.update", size, NeuronKernelsCalls.expIf(v, ref, current,
                spikes, vRest, vReset, vTh, vT, deltaT, r, dtOverTau, refSteps));
        return NeuronGroup.of(v, update);
    }

    /** The same model with one value per neuron of each parameter; V starts at each neuron's V_rest. */
    private NeuronGroup perNeuron(Params p, BuildContext ctx, int size, float[] current, int[] spikes) {
        float[] vRest = p.values("V_rest", size);
        float[] v = ctx.floats("V", size, 0f);
        System.arraycopy(vRest, 0, v, 0, size);
        int[] ref = ctx.ints("refractory", size, 0);
        float[] dtOverTau = Common.derived(p, "tau", size, tau -> ctx.dt() / tau);
        StepTask update = StepTask.of(ctx.owner() + ".ExpIF.update", size, NeuronKernelsCalls.expIfPerNeuron(v, ref,
                current, spikes, vRest, p.values("V_reset", size), p.values("V_th", size), p.values("V_T", size),
                p.values("delta_T", size), p.values("R", size), dtOverTau, Common.refSteps(p, ctx.dt(), size)));
        return NeuronGroup.of(v, update);
    }
}
