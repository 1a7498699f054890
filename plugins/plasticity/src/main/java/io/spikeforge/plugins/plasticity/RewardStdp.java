package io.spikeforge.plugins.plasticity;

import io.spikeforge.kernels.LearningKernelsCalls;
import io.spikeforge.kernels.PlasticityKernelsCalls;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.PlasticityModel;
import io.spikeforge.spi.SpikeBuffer;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.VariableSpec;

import java.util.Arrays;
import java.util.List;

/**
 * Reward-modulated STDP (Izhikevich 2007; Fremaux and Gerstner 2016): pairings do not change the weight
 * but an eligibility trace e per synapse, which decays with tau_e; a global reward R(t) turns it into a
 * weight change, {@code dw/dt = eta R(t) e}. The reward is a piecewise-constant schedule given like a
 * {@code SectionCurrent}: {@code reward_values[k]} for {@code reward_durations[k]} ms, then 0.
 *
 * <p>On an arriving pre spike e -= A_minus y (post trace, tau_post); on a post spike
 * e += A_plus x (pre trace, tau_pre). A single pairing with post t after pre therefore leaves
 * e = A_plus exp(-t/tau_pre) exp(-(s - t_post)/tau_e) at time s, and the weight changes by eta times the
 * integral of R(s) e(s).
 *
 * <p>A_plus, A_minus, tau_e, eta, W_min and W_max may take one value per synapse (an initializer, an
 * {@code .npy} file or an expression of the synapse's index i and N): the first three act on the synapse's
 * own eligibility trace, the others on its weight update, which then scales the reward by each synapse's
 * eta dt. The rule then runs the per-synapse kernels; values all equal give the scalar form's floats, and the
 * scalar form runs unchanged when none varies.
 */
final class RewardStdp implements PlasticityModel {

    @Override
    public String name() {
        return "RewardSTDP";
    }

    @Override
    public String description() {
        return "reward-modulated STDP: pairings set an eligibility trace per synapse, a global reward turns it"
                + " into weight change";
    }

    /** What acts on one synapse: its eligibility trace, learning rate and bounds; the traces x, y are per neuron. */
    private static final java.util.Set<String> PER_SYNAPSE = java.util.Set.of("A_plus", "A_minus", "tau_e", "eta",
            "W_min", "W_max");
    /** Those that act on the weight update rather than on the eligibility. */
    private static final java.util.Set<String> LEARNING = java.util.Set.of("eta", "W_min", "W_max");

    @Override
    public java.util.Set<String> perElement() {
        return PER_SYNAPSE;
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.real("tau_pre", 20, "ms", "time constant of the pre trace x").positive(),
                ParamSpec.real("tau_post", 20, "ms", "time constant of the post trace y").positive(),
                ParamSpec.real("tau_e", 1000, "ms", "time constant of the eligibility trace").positive(),
                ParamSpec.real("A_plus", 1, "1", "eligibility per post spike, times x"),
                ParamSpec.real("A_minus", 1, "1", "eligibility taken per pre spike, times y"),
                ParamSpec.real("eta", 1e-3, "uS/ms", "learning rate: dw/dt = eta R e"),
                ParamSpec.requiredList("reward_values", "1", "the reward R of each section"),
                ParamSpec.requiredList("reward_durations", "ms", "the length of each section").atLeast(0),
                ParamSpec.optionalReal("W_min", "uS", "lower weight bound; unset: none"),
                ParamSpec.optionalReal("W_max", "uS", "upper weight bound; unset: none"));
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(
                new VariableSpec("x", "1", "pre trace, +1 per arriving pre spike"),
                new VariableSpec("y", "1", "post trace, +1 per post spike"),
                new VariableSpec("eligibility", "1", "eligibility trace per synapse, in connectivity order"),
                new VariableSpec("reward", "1", "the reward R of the step"));
    }

    @Override
    public String equations() {
        return "de/dt = -e/tau_e + A_plus x [post spike] - A_minus y [pre spike]; dw/dt = eta R(t) e";
    }

    @Override
    public String oneValueReason(String parameter) {
        return switch (parameter) {
            case "tau_pre" -> Traces.reason("x", "pre");
            case "tau_post" -> Traces.reason("y", "post");
            default -> null;
        };
    }

    @Override
    public String integration() {
        return "exact trace and eligibility decay per step; in the projection: pre trace, eligibility decay, spike"
                + " increments (arriving pre spikes and the last post spikes), then w += eta R dt e for every"
                + " synapse (skipped while R = 0); after the post update: post trace";
    }

    @Override
    public Plasticity create(Params p, BuildContext ctx, CommModel.Comm comm, SpikeBuffer pre, SpikeBuffer post) {
        double wMin = p.has("W_min") && !p.varies("W_min") ? p.real("W_min") : Double.NaN;
        double wMax = p.has("W_max") && !p.varies("W_max") ? p.real("W_max") : Double.NaN;
        if (wMin > wMax) {
            throw new IllegalArgumentException("W_min = " + wMin + " is above W_max = " + wMax);
        }
        float lo = Double.isNaN(wMin) ? Float.NEGATIVE_INFINITY : (float) wMin;
        float hi = Double.isNaN(wMax) ? Float.POSITIVE_INFINITY : (float) wMax;
        float[] schedule = schedule(p.reals("reward_values"), p.reals("reward_durations"), ctx.dt());
        Connectivity conn = comm.connectivity();
        int[] rowPtr = conn.rowPtr();
        int[] cols = conn.cols();
        int[][] csc = conn.columnIndex();
        int[] colPtr = csc[0];
        int[] perm = csc[1];
        int[] rowsOf = conn.rowsOfSynapses();
        int[] colRows = new int[perm.length];
        for (int c = 0; c < perm.length; c++) {
            colRows[c] = rowsOf[perm[c]];
        }
        float[] x = ctx.floats("x", pre.size(), 0f);
        float[] y = ctx.floats("y", post.size(), 0f);
        float[] e = ctx.floats("eligibility", conn.synapses(), 0f);
        float[] reward = ctx.floats("reward", 1, 0f);
        // Recomputed from the clock at the start of every step before it is read: scratch, not state.
        float[] factor = new float[1];
        double dPre = decay(ctx, p.real("tau_pre"));
        double dPost = decay(ctx, p.real("tau_post"));
        float dE = p.varies("tau_e") ? Float.NaN : (float) decay(ctx, p.real("tau_e"));
        float aPlus = p.varies("A_plus") ? Float.NaN : (float) p.real("A_plus");
        float aMinus = p.varies("A_minus") ? Float.NaN : (float) p.real("A_minus");
        float etaDt = p.varies("eta") ? Float.NaN : (float) (p.real("eta") * ctx.dt());
        int[] clock = ctx.clock();
        String n = ctx.owner() + ".RewardSTDP";
        StepTask preTrace = StepTask.of(n + ".pre_trace", pre.size(), PlasticityKernelsCalls.trace(x, pre.flags, dPre));
        StepTask eDecay;
        StepTask eSpikes;
        if (p.varies("A_plus") || p.varies("A_minus") || p.varies("tau_e")) {
            int syn = e.length;
            float[] decays = new float[syn];
            if (p.varies("tau_e")) {
                float[] tauE = p.values("tau_e");
                for (int k = 0; k < syn; k++) {
                    decays[k] = (float) decay(ctx, tauE[k]);
                }
            } else {
                java.util.Arrays.fill(decays, dE);
            }
            eDecay = StepTask.of(n + ".eligibility_decay", syn, LearningKernelsCalls.eligibilityDecayPerSynapse(e,
                    decays));
            eSpikes = StepTask.of(n + ".eligibility_spikes", post.size(), LearningKernelsCalls
                    .eligibilitySpikesPerSynapse(rowPtr, cols, e, pre.list, pre.count, y, p.values("A_minus", syn),
                            colPtr, perm, colRows, post.list, post.count, x, p.values("A_plus", syn)));
        } else {
            eDecay = StepTask.of(n + ".eligibility_decay", e.length, LearningKernelsCalls.eligibilityDecay(e, dE));
            eSpikes = StepTask.of(n + ".eligibility_spikes", post.size(), LearningKernelsCalls.eligibilitySpikes(
                    rowPtr, cols, e, pre.list, pre.count, y, aMinus, colPtr, perm, colRows, post.list, post.count, x,
                    aPlus));
        }
        if (p.anyVaries(LEARNING)) {
            int syn = e.length;
            float[] los = p.has("W_min") ? p.values("W_min", syn) : PerSynapseValues.filled(syn, lo);
            float[] his = p.has("W_max") ? p.values("W_max", syn) : PerSynapseValues.filled(syn, hi);
            PerSynapseValues.check(comm, los, his, false);
            double[] eta = PerSynapseValues.reals(p, "eta", syn);
            float[] etaDts = new float[syn];
            for (int k = 0; k < syn; k++) {
                etaDts[k] = (float) (eta[k] * ctx.dt());
            }
            // the factor is the reward itself (1 * R), each synapse scaling it by its own eta dt
            StepTask rewardTask = StepTask.of(n + ".reward", 1,
                    LearningKernelsCalls.reward(schedule, clock, reward, factor, 1f));
            StepTask learn = comm.updateSynapsesPerSynapse(n + ".learn", e, factor, etaDts, los, his);
            StepTask postTrace = StepTask.of(n + ".post_trace", post.size(), PlasticityKernelsCalls.trace(y, post.flags,
                    dPost));
            return Plasticity.of(List.of(preTrace, eDecay, eSpikes, rewardTask, learn), List.of(postTrace), Double.NaN,
                    Double.NaN);
        }
        StepTask rewardTask = StepTask.of(n + ".reward", 1,
                LearningKernelsCalls.reward(schedule, clock, reward, factor, etaDt));
        StepTask learn = comm.updateSynapses(n + ".learn", e, factor, lo, hi);
        StepTask postTrace = StepTask.of(n + ".post_trace", post.size(), PlasticityKernelsCalls.trace(y, post.flags, dPost));
        return Plasticity.of(List.of(preTrace, eDecay, eSpikes, rewardTask, learn), List.of(postTrace), wMin, wMax);
    }

    /** @return the reward of every step the schedule covers */
    static float[] schedule(double[] values, double[] durations, double dt) {
        if (values.length != durations.length) {
            throw new IllegalArgumentException("reward_values has " + values.length + " entries but reward_durations has "
                    + durations.length + "; give one duration per value");
        }
        long total = 0;
        int[] steps = new int[durations.length];
        for (int k = 0; k < durations.length; k++) {
            long s = Math.round(durations[k] / dt);
            if (Math.abs(s * dt - durations[k]) > 1e-9) {
                throw new IllegalArgumentException("reward_durations[" + k + "] = " + durations[k]
                        + " ms is not a multiple of dt = " + dt + " ms");
            }
            steps[k] = (int) Math.min(s, Integer.MAX_VALUE);
            total += s;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the reward schedule lasts more than 2^31 steps");
        }
        float[] out = new float[(int) total];
        int pos = 0;
        for (int k = 0; k < steps.length; k++) {
            Arrays.fill(out, pos, pos + steps[k], (float) values[k]);
            pos += steps[k];
        }
        return out;
    }

    private static double decay(BuildContext ctx, double tau) {
        return Math.exp(-ctx.dt() / tau);
    }
}
