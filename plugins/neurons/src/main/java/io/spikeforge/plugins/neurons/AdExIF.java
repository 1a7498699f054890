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

/** BrainPy's {@code AdExIF}: adaptive exponential integrate-and-fire (Brette and Gerstner 2005). */
final class AdExIF implements NeuronModel {

    @Override
    public String name() {
        return "AdExIF";
    }

    @Override
    public String description() {
        return "adaptive exponential integrate-and-fire (BrainPy AdExIF)";
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> p = new ArrayList<>(ExpIF.shared());
        p.add(ParamSpec.real("a", 1, "uS", "subthreshold adaptation coupling"));
        p.add(ParamSpec.real("b", 1, "nA", "spike-triggered adaptation increment"));
        p.add(ParamSpec.real("tau_w", 30, "ms", "adaptation time constant").positive());
        return p;
    }

    @Override
    public Set<String> perElement() {
        return Set.copyOf(ParamSpec.names(parameters()));
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(Common.V, new VariableSpec("w", "nA", "adaptation current"), Common.REFRACTORY);
    }

    @Override
    public String equations() {
        return "tau dV/dt = -(V - V_rest) + delta_T exp((V - V_T)/delta_T) - R*w + R*I;"
                + " tau_w dw/dt = a (V - V_rest) - w; if V >= V_th: spike, V = V_reset, w += b";
    }

    @Override
    public String integration() {
        return "forward Euler for V and w from the same start-of-step values, then the threshold test."
                + Common.REF_NOTE + " w keeps adapting while refractory.";
    }

    @Override
    public NeuronGroup create(Params p, BuildContext ctx, int size, float[] current, int[] spikes) {
        if (p.anyVaries(perElement())) {
            return perNeuron(p, ctx, size, current, spikes);
        }
        float[] v = ctx.floats("V", size, (float) p.real("V_rest"));
        float[] w = ctx.floats("w", size, 0f);
        int[] ref = ctx.ints("refractory", size, 0);
        float vRest = (float) p.real("V_rest");
        float vReset = (float) p.real("V_reset");
        float vTh = (float) p.real("V_th");
        float vT = (float) p.real("V_T");
        float deltaT = (float) p.real("delta_T");
        float r = (float) p.real("R");
        float a = (float) p.real("a");
        float b = (float) p.real("b");
        float dtOverTau = (float) (ctx.dt() / p.real("tau"));
        float dtOverTauW = (float) (ctx.dt() / p.real("tau_w"));
        int refSteps = Common.refSteps(p, ctx.dt());
        StepTask update = StepTask.of(ctx.owner() + ".AdExIF.update", size, NeuronKernelsCalls.adExIf(v, w, ref,
                current, spikes, vRest, vReset, vTh, vT, deltaT, r, a, b, dtOverTau, dtOverTauW, refSteps));
        return NeuronGroup.of(v, update);
    }

    /** The same model with one value per neuron of each parameter; V starts at each neuron's V_rest. */
    private NeuronGroup perNeuron(Params p, BuildContext ctx, int size, float[] current, int[] spikes) {
        float[] vRest = p.values("V_rest", size);
        float[] v = ctx.floats("V", size, 0f);
        System.arraycopy(vRest, 0, v, 0, size);
        float[] w = ctx.floats("w", size, 0f);
        int[] ref = ctx.ints("refractory", size, 0);
        float[] dtOverTau = Common.derived(p, "tau", size, tau -> ctx.dt() / tau);
        float[] dtOverTauW = Common.derived(p, "tau_w", size, tau -> ctx.dt() / tau);
        StepTask update = StepTask.of(ctx.owner() + ".AdExIF.update", size, NeuronKernelsCalls.adExIfPerNeuron(v, w,
                ref, current, spikes, vRest, p.values("V_reset", size), p.values("V_th", size), p.values("V_T", size),
                p.values("delta_T", size), p.values("R", size), p.values("a", size), p.values("b", size), dtOverTau,
                dtOverTauW, Common.refSteps(p, ctx.dt(), size)));
        return NeuronGroup.of(v, update);
    }
}
