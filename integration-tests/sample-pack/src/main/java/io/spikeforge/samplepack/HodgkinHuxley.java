package io.spikeforge.samplepack;

import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.NeuronModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.VariableSpec;

import java.util.List;

/**
 * The Hodgkin-Huxley (1952) squid axon model with its standard parameters (BrainPy's {@code HH}, with
 * the classic leak conductance of 0.3 mS/cm^2): rest near -65 mV, spikes peaking near +40 mV,
 * repetitive firing above about 6.3 uA/cm^2. Its input is a current density: the engine's current
 * array is read in uA/cm^2 (with C in uF/cm^2 the equation then gives mV/ms). Use dt of 0.01 to
 * 0.05 ms.
 */
final class HodgkinHuxley implements NeuronModel {

    @Override
    public String name() {
        return "HH";
    }

    @Override
    public String description() {
        return "Hodgkin-Huxley (1952) neuron with Na, K and leak currents; input read as a current density in uA/cm^2";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.real("gNa", 120, "mS/cm^2", "maximal sodium conductance").atLeast(0),
                ParamSpec.real("gK", 36, "mS/cm^2", "maximal potassium conductance").atLeast(0),
                ParamSpec.real("gL", 0.3, "mS/cm^2", "leak conductance").positive(),
                ParamSpec.real("ENa", 50, "mV", "sodium reversal potential"),
                ParamSpec.real("EK", -77, "mV", "potassium reversal potential"),
                ParamSpec.real("EL", -54.387, "mV", "leak reversal potential"),
                ParamSpec.real("C", 1, "uF/cm^2", "membrane capacitance").positive(),
                ParamSpec.real("V_th", 20, "mV", "a spike is an upward crossing of V_th"),
                ParamSpec.real("V_init", -65, "mV", "initial V; the gates start at their steady state there"));
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(new VariableSpec("V", "mV", "membrane potential"),
                new VariableSpec("m", "1", "sodium activation"),
                new VariableSpec("h", "1", "sodium inactivation"),
                new VariableSpec("n", "1", "potassium activation"));
    }

    @Override
    public String equations() {
        return "C dV/dt = -gNa m^3 h (V - ENa) - gK n^4 (V - EK) - gL (V - EL) + I; dx/dt = alpha_x(V) (1 - x) -"
                + " beta_x(V) x for x = m, h, n (Hodgkin and Huxley 1952, V shifted to rest at -65 mV)";
    }

    @Override
    public String integration() {
        return "exponential Euler from the start-of-step values: each gate and V relax exactly over dt with the"
                + " rates and conductances of the start of the step; a spike is an upward crossing of V_th";
    }

    @Override
    public NeuronGroup create(Params p, BuildContext ctx, int size, float[] current, int[] spikes) {
        if (ctx.dt() > 0.1) {
            throw new IllegalArgumentException("dt = " + ctx.dt() + " ms is too coarse for Hodgkin-Huxley; use"
                    + " 0.01 to 0.05 ms");
        }
        double v0 = p.real("V_init");
        float[] v = ctx.floats("V", size, (float) v0);
        float[] m = ctx.floats("m", size, (float) steady(HhKernels.alphaM(v0), HhKernels.betaM(v0)));
        float[] h = ctx.floats("h", size, (float) steady(HhKernels.alphaH(v0), HhKernels.betaH(v0)));
        float[] n = ctx.floats("n", size, (float) steady(HhKernels.alphaN(v0), HhKernels.betaN(v0)));
        double gNa = p.real("gNa");
        double gK = p.real("gK");
        double gL = p.real("gL");
        double eNa = p.real("ENa");
        double eK = p.real("EK");
        double eL = p.real("EL");
        double c = p.real("C");
        double vTh = p.real("V_th");
        double dt = ctx.dt();
        StepTask update = StepTask.of(ctx.owner() + ".HH.update", size,
                HhKernelsCalls.update(v, m, h, n, current, spikes, gNa, gK, gL, eNa, eK, eL, c, vTh, dt));
        return NeuronGroup.of(v, update);
    }

    private static double steady(double alpha, double beta) {
        return alpha / (alpha + beta);
    }
}
