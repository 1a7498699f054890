package io.spikeforge.plugins.plasticity;

import io.spikeforge.kernels.DelayKernelsCalls;
import io.spikeforge.kernels.PlasticityKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.PlasticityModel;
import io.spikeforge.spi.SpikeBuffer;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.SynapseDelays;
import io.spikeforge.spi.VariableSpec;

import java.util.List;
import java.util.Set;

/**
 * BrainPy's {@code STDP_Song2000}: pair-based additive STDP with exponential traces.
 *
 * <p>Within step n, in the projection: A_pre decays and gains 1 for each pre spike that arrives now
 * (after the axonal delay); arriving pre spikes depress their rows by A2 * A_post; post spikes of the
 * last post update potentiate their columns by A1 * A_pre; weights are clipped; then the current flows
 * through the updated weights. After the post group updates: A_post decays and gains 1 per post
 * spike. A pre spike arriving k steps after a post spike thus gives dw = -A2 exp(-k dt / tau_t), and a
 * post spike k steps after an arrival gives dw = A1 exp(-k dt / tau_s).
 *
 * <p>With per-synapse delays, A_pre is the trace of the pre spikes before their delay (it gains 1 in the
 * step after the spike, as with a delay of 0), and each step's A_pre is kept for the longest delay: a
 * post spike in step n potentiates synapse k, of delay d_k, by A1 * A_pre(n - d_k), which is exactly the
 * trace its own delayed arrivals would have made. Depression acts on each synapse when its spike arrives.
 * With one delay for all synapses both forms give the same floats.
 *
 * <p>A1, A2, W_min and W_max may take one value per synapse (an initializer, an {@code .npy} file or an
 * expression of the synapse's index i and the projection's synapse count N, as neuron parameters take one
 * per neuron). The rule then updates through the comm's per-synapse form, with each synapse's own factor and
 * bounds; values that are all equal give the scalar form's floats, and the scalar form runs unchanged when
 * none varies; with per-synapse delays as without.
 */
final class StdpSong2000 implements PlasticityModel {

    @Override
    public String name() {
        return "STDP_Song2000";
    }

    @Override
    public String description() {
        return "pair-based additive STDP of Song, Miller and Abbott (2000) (BrainPy STDP_Song2000)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.real("tau_s", 16.8, "ms", "time constant of the pre trace A_pre").positive(),
                ParamSpec.real("tau_t", 33.7, "ms", "time constant of the post trace A_post").positive(),
                ParamSpec.real("A1", 0.96, "uS", "potentiation amplitude (per post spike, times A_pre)"),
                ParamSpec.real("A2", 0.53, "uS", "depression amplitude (per pre spike, times A_post)"),
                ParamSpec.optionalReal("W_min", "uS", "lower weight bound; unset: none"),
                ParamSpec.optionalReal("W_max", "uS", "upper weight bound; unset: none"));
    }

    /** The amplitudes and the bounds act on one synapse at a time; the time constants belong to the traces. */
    private static final Set<String> PER_SYNAPSE = Set.of("A1", "A2", "W_min", "W_max");

    @Override
    public Set<String> perElement() {
        return PER_SYNAPSE;
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(new VariableSpec("A_pre", "1", "pre trace, +1 per arriving (delayed) pre spike"),
                new VariableSpec("A_post", "1", "post trace, +1 per post spike"));
    }

    @Override
    public String equations() {
        return "dA_pre/dt = -A_pre/tau_s + sum delta(t - t_pre - delay); dA_post/dt = -A_post/tau_t + sum delta(t - t_post);"
                + " on an arriving pre spike: w = clip(w - A2 A_post); on a post spike: w = clip(w + A1 A_pre)";
    }

    @Override
    public String oneValueReason(String parameter) {
        return switch (parameter) {
            case "tau_s" -> Traces.reason("A_pre", "pre");
            case "tau_t" -> Traces.reason("A_post", "post");
            default -> null;
        };
    }

    @Override
    public String integration() {
        return "exact trace decay per step; order within a step: pre trace, depression, potentiation, delivery;"
                + " the post trace updates after the post neurons; with per-synapse delays A_pre counts the spikes before"
                + " their delay and each synapse sees A_pre as it was its own delay ago (A_pre kept for the longest delay),"
                + " exactly the trace of its own delayed arrivals";
    }

    @Override
    public boolean supportsSynapseDelays() {
        return true;
    }

    @Override
    public Plasticity create(Params p, BuildContext ctx, CommModel.Comm comm, SynapseDelays arrival, SpikeBuffer post) {
        SpikeBuffer pre = arrival.spikes;
        float[] aPre = ctx.floats("A_pre", pre.size(), 0f);
        float[] history = ctx.floats("A_pre_history", Math.multiplyExact(arrival.slots, pre.size()), 0f);
        float[] aPost = ctx.floats("A_post", post.size(), 0f);
        String n = ctx.owner() + ".STDP_Song2000";
        StepTask preTrace = StepTask.of(n + ".pre_trace", pre.size(), PlasticityKernelsCalls.trace(aPre, pre.flags,
                Math.exp(-ctx.dt() / p.real("tau_s"))));
        StepTask keep = StepTask.of(n + ".pre_trace_history", pre.size(), DelayKernelsCalls.keep(aPre, history,
                arrival.slots, arrival.clock));
        StepTask postTrace = StepTask.of(n + ".post_trace", post.size(), PlasticityKernelsCalls.trace(aPost,
                post.flags, Math.exp(-ctx.dt() / p.real("tau_t"))));
        if (p.anyVaries(PER_SYNAPSE)) {
            PerSynapse v = new PerSynapse(p, comm);
            StepTask depress = comm.updateRowsPerSynapse(n + ".depression", arrival, aPost, v.depression, v.lo, v.hi);
            StepTask potentiate = comm.updateColumnsPerSynapse(n + ".potentiation", post, arrival, history,
                    v.potentiation, v.lo, v.hi);
            return Plasticity.of(List.of(preTrace, keep, depress, potentiate), List.of(postTrace), Double.NaN,
                    Double.NaN);
        }
        float lo = bound(p, "W_min", Float.NEGATIVE_INFINITY);
        float hi = bound(p, "W_max", Float.POSITIVE_INFINITY);
        StepTask depress = comm.updateRows(n + ".depression", arrival, aPost, (float) -p.real("A2"), lo, hi);
        StepTask potentiate = comm.updateColumns(n + ".potentiation", post, arrival, history, (float) p.real("A1"),
                lo, hi);
        return Plasticity.of(List.of(preTrace, keep, depress, potentiate), List.of(postTrace),
                p.has("W_min") ? p.real("W_min") : Double.NaN, p.has("W_max") ? p.real("W_max") : Double.NaN);
    }

    /** @return the bound as a float, {@code none} when unset; refuses W_min above W_max */
    private static float bound(Params p, String name, float none) {
        if (p.has("W_min") && p.has("W_max") && p.real("W_min") > p.real("W_max")) {
            throw new IllegalArgumentException("W_min = " + p.real("W_min") + " is above W_max = " + p.real("W_max"));
        }
        return p.has(name) ? (float) p.real(name) : none;
    }

    @Override
    public Plasticity create(Params p, BuildContext ctx, CommModel.Comm comm, SpikeBuffer pre, SpikeBuffer post) {
        float[] aPre = ctx.floats("A_pre", pre.size(), 0f);
        float[] aPost = ctx.floats("A_post", post.size(), 0f);
        double decayPre = Math.exp(-ctx.dt() / p.real("tau_s"));
        double decayPost = Math.exp(-ctx.dt() / p.real("tau_t"));
        String n = ctx.owner() + ".STDP_Song2000";
        StepTask preTrace = StepTask.of(n + ".pre_trace", pre.size(), PlasticityKernelsCalls.trace(aPre, pre.flags,
                decayPre));
        StepTask postTrace = StepTask.of(n + ".post_trace", post.size(), PlasticityKernelsCalls.trace(aPost,
                post.flags, decayPost));
        if (p.anyVaries(PER_SYNAPSE)) {
            PerSynapse v = new PerSynapse(p, comm);
            StepTask depress = comm.updateRowsPerSynapse(n + ".depression", pre, aPost, v.depression, v.lo, v.hi);
            StepTask potentiate = comm.updateColumnsPerSynapse(n + ".potentiation", post, aPre, v.potentiation,
                    v.lo, v.hi);
            // The bounds are per synapse, checked against the initial weights in PerSynapse: none for the engine.
            return Plasticity.of(List.of(preTrace, depress, potentiate), List.of(postTrace), Double.NaN, Double.NaN);
        }
        double wMin = p.has("W_min") ? p.real("W_min") : Double.NaN;
        double wMax = p.has("W_max") ? p.real("W_max") : Double.NaN;
        if (wMin > wMax) {
            throw new IllegalArgumentException("W_min = " + wMin + " is above W_max = " + wMax);
        }
        float lo = Double.isNaN(wMin) ? Float.NEGATIVE_INFINITY : (float) wMin;
        float hi = Double.isNaN(wMax) ? Float.POSITIVE_INFINITY : (float) wMax;
        StepTask depress = comm.updateRows(n + ".depression", pre, aPost, (float) -p.real("A2"), lo, hi);
        StepTask potentiate = comm.updateColumns(n + ".potentiation", post, aPre, (float) p.real("A1"), lo, hi);
        return Plasticity.of(List.of(preTrace, depress, potentiate), List.of(postTrace), wMin, wMax);
    }

    /**
     * The per-synapse factors and bounds, in connectivity order: -A2 on pre spikes, A1 on post spikes, the
     * values of a parameter given once copied to every synapse (so uniform values give the scalar floats).
     */
    private static final class PerSynapse {
        final float[] depression;
        final float[] potentiation;
        final float[] lo;
        final float[] hi;

        PerSynapse(Params p, CommModel.Comm comm) {
            int n = comm.synapses();
            float[] a2 = p.values("A2", n);
            depression = new float[n];
            for (int k = 0; k < n; k++) {
                depression[k] = -a2[k];
            }
            potentiation = p.values("A1", n).clone();
            lo = bounds(p, "W_min", n, Float.NEGATIVE_INFINITY);
            hi = bounds(p, "W_max", n, Float.POSITIVE_INFINITY);
            int outside = 0;
            int first = -1;
            for (int k = 0; k < n; k++) {
                if (lo[k] > hi[k]) {
                    throw new IllegalArgumentException("W_max of synapse " + k + " is " + hi[k] + ", below its W_min "
                            + lo[k] + "; every synapse's W_max must be at least its W_min");
                }
                float w = comm.weight(k);
                if (w < lo[k] || w > hi[k]) {
                    outside++;
                    first = first < 0 ? k : first;
                }
            }
            if (outside > 0) {
                throw new IllegalArgumentException(outside + " of " + n + " initial weights lie outside their"
                        + " synapse's bounds (synapse " + first + ": " + comm.weight(first) + " outside [" + lo[first]
                        + ", " + hi[first] + "]); choose an initializer within W_min and W_max");
            }
        }

        private static float[] bounds(Params p, String name, int n, float none) {
            if (p.has(name)) {
                return p.values(name, n).clone();
            }
            float[] out = new float[n];
            java.util.Arrays.fill(out, none);
            return out;
        }
    }
}
