package io.spikeforge.plugins.synapses;

import io.spikeforge.kernels.SynapseKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.SynapseModel;
import io.spikeforge.spi.VariableSpec;

import java.util.List;
import java.util.Set;

/** BrainPy's {@code DualExpon}: difference of two exponentials, normalized to a peak of 1 per unit weight. */
final class DualExpon implements SynapseModel {

    @Override
    public String name() {
        return "DualExpon";
    }

    @Override
    public String description() {
        return "dual-exponential synapse with rise and decay time constants (BrainPy DualExpon)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.real("tau_decay", 10, "ms", "decay time constant").positive(),
                ParamSpec.real("tau_rise", 1, "ms", "rise time constant (must differ from tau_decay)").positive(),
                ParamSpec.optionalReal("A", "1", "amplitude factor; unset: 1/peak, so a unit weight peaks at 1"));
    }

    @Override
    public Set<String> perElement() {
        return Set.copyOf(ParamSpec.names(parameters()));
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(new VariableSpec("g", "uS", "synaptic conductance (nA with CUBA)"),
                new VariableSpec("g_rise", "uS", "rise component"),
                new VariableSpec("g_decay", "uS", "decay component"));
    }

    @Override
    public String equations() {
        return "dg_rise/dt = -g_rise/tau_rise; dg_decay/dt = -g_decay/tau_decay; g = A (g_decay - g_rise);"
                + " each arriving weight adds to both components";
    }

    @Override
    public String integration() {
        return "exact for both components, then the weights arriving this step are added";
    }

    /** @return the peak of exp(-t/tau_decay) - exp(-t/tau_rise) over t */
    static double peak(double tauDecay, double tauRise) {
        double tPeak = tauDecay * tauRise / (tauDecay - tauRise) * Math.log(tauDecay / tauRise);
        return Math.exp(-tPeak / tauDecay) - Math.exp(-tPeak / tauRise);
    }

    @Override
    public SynapseState create(Params p, BuildContext ctx, int size, float[] input) {
        if (p.anyVaries(perElement())) {
            return perSlot(p, ctx, size, input);
        }
        double tauDecay = p.real("tau_decay");
        double tauRise = p.real("tau_rise");
        if (tauDecay == tauRise) {
            throw new IllegalArgumentException("tau_rise must differ from tau_decay (both " + tauDecay
                    + " ms); use Alpha for equal time constants");
        }
        float[] g = ctx.floats("g", size, 0f);
        float[] rise = ctx.floats("g_rise", size, 0f);
        float[] fall = ctx.floats("g_decay", size, 0f);
        float riseDecay = (float) Math.exp(-ctx.dt() / tauRise);
        float fallDecay = (float) Math.exp(-ctx.dt() / tauDecay);
        float a = (float) (p.has("A") ? p.real("A") : 1.0 / peak(tauDecay, tauRise));
        return SynapseState.of(g, StepTask.of(ctx.owner() + ".DualExpon.update", size, SynapseKernelsCalls.dualExpon(g,
                rise, fall, input, riseDecay, fallDecay, a)));
    }

    /** The same model with one value per slot of each parameter. */
    private SynapseState perSlot(Params p, BuildContext ctx, int size, float[] input) {
        float[] tauDecay = p.values("tau_decay", size);
        float[] tauRise = p.values("tau_rise", size);
        float[] riseDecay = PerSlot.derived(p, "tau_rise", size, tau -> Math.exp(-ctx.dt() / tau));
        float[] fallDecay = PerSlot.derived(p, "tau_decay", size, tau -> Math.exp(-ctx.dt() / tau));
        float[] a = new float[size];
        for (int i = 0; i < size; i++) {
            double decay = p.varies("tau_decay") ? tauDecay[i] : p.real("tau_decay");
            double rise = p.varies("tau_rise") ? tauRise[i] : p.real("tau_rise");
            if (decay == rise) {
                throw new IllegalArgumentException("tau_rise must differ from tau_decay (both " + decay
                        + " ms at element " + i + "); use Alpha for equal time constants");
            }
            a[i] = p.varies("A") ? p.values("A")[i] : (float) (p.has("A") ? p.real("A") : 1.0 / peak(decay, rise));
        }
        float[] g = ctx.floats("g", size, 0f);
        float[] rise = ctx.floats("g_rise", size, 0f);
        float[] fall = ctx.floats("g_decay", size, 0f);
        return SynapseState.of(g, StepTask.of(ctx.owner() + ".DualExpon.update", size,
                SynapseKernelsCalls.dualExponPerSlot(g, rise, fall, input, riseDecay, fallDecay, a)));
    }
}
