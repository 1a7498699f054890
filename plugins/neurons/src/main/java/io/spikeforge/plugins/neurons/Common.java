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

    /**
     * {@return f of each element's value of {@code name}, or size copies of f of its one value}: a
     * derived factor such as exp(-dt/tau), computed in double from the parameter's value as the scalar
     * path computes it, so that an element equal to the scalar gives the scalar kernel's floats
     */
    static float[] derived(Params p, String name, int size, java.util.function.DoubleUnaryOperator f) {
        float[] out = new float[size];
        if (p.varies(name)) {
            float[] v = p.values(name);
            for (int i = 0; i < size; i++) {
                out[i] = (float) f.applyAsDouble(v[i]);
            }
        } else {
            java.util.Arrays.fill(out, (float) f.applyAsDouble(p.real(name)));
        }
        return out;
    }

    /** @return refractory steps per neuron, each counted as {@link #refSteps} counts them */
    static int[] refSteps(Params p, double dt, int size) {
        int[] out = new int[size];
        if (p.varies("tau_ref")) {
            float[] v = p.values("tau_ref");
            for (int i = 0; i < size; i++) {
                out[i] = (int) Math.floor(v[i] / dt + 1e-9);
            }
        } else {
            java.util.Arrays.fill(out, refSteps(p, dt));
        }
        return out;
    }

    static final String REF_NOTE = " While refractory (floor(tau_ref/dt) steps after a spike) V is held.";
}
