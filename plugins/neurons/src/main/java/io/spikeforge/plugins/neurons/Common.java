package io.spikeforge.plugins.neurons;

import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.VariableSpec;

/** Parameters and variables the integrate-and-fire models share. */
final class Common {

    static final VariableSpec V = new VariableSpec("V", "mV", "membrane potential; starts at V_rest unless init.V is set");
    static final VariableSpec REFRACTORY = new VariableSpec("refractory", "steps",
            "steps of refractoriness left");

    private Common() {
    }

    static ParamSpec tauRef() {
        return ParamSpec.real("tau_ref", 0, "ms", "refractory period; held for floor(tau_ref/dt) steps after a spike")
                .atLeast(0);
    }

    static ParamSpec resistance() {
        return ParamSpec.real("R", 1, "MOhm", "membrane resistance").positive();
    }

    static ParamSpec tau(double dflt) {
        return ParamSpec.real("tau", dflt, "ms", "membrane time constant").positive();
    }

    /** @return refractory steps, counted as BrainPy's {@code t - t_last_spike <= tau_ref} */
    static int refSteps(Params p, double dt) {
        return (int) Math.floor(p.real("tau_ref") / dt + 1e-9);
    }

    static final String REF_NOTE = " While refractory (floor(tau_ref/dt) steps after a spike) V is held.";
}
