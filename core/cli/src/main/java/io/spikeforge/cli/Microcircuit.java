package io.spikeforge.cli;

import java.util.Locale;

/**
 * The Potjans &amp; Diesmann (2014) cortical microcircuit as config text: 8 populations of {@code iaf_psc_exp}
 * neurons (NEST's parameters), fixed total synapse numbers per population pair from the paper's connection
 * probabilities (K = log(1 - p) / log(1 - 1/(Npre Npost))), normal weights and per-synapse delays, and a
 * Poisson (or DC) background. A down-scaled network keeps the mean input of the full one as NEST's
 * examples/Potjans_2014 does: in-degrees times {@code kScale}, weights over sqrt(kScale), and the mean input
 * that the fewer synapses no longer bring as a DC current (from the full model's rates).
 */
final class Microcircuit {

    private Microcircuit() {
    }

    static final String[] POPS = {"L23E", "L23I", "L4E", "L4I", "L5E", "L5I", "L6E", "L6I"};
    static final int[] N_FULL = {20683, 5834, 21915, 5479, 4850, 1065, 14395, 2948};
    /** Connection probabilities, rows the target population, columns the source (the paper's Table 5). */
    private static final double[][] P = {
            {0.1009, 0.1689, 0.0437, 0.0818, 0.0323, 0.0, 0.0076, 0.0},
            {0.1346, 0.1371, 0.0316, 0.0515, 0.0755, 0.0, 0.0042, 0.0},
            {0.0077, 0.0059, 0.0497, 0.1350, 0.0067, 0.0003, 0.0453, 0.0},
            {0.0691, 0.0029, 0.0794, 0.1597, 0.0033, 0.0, 0.1057, 0.0},
            {0.1004, 0.0622, 0.0505, 0.0057, 0.0831, 0.3726, 0.0204, 0.0},
            {0.0548, 0.0269, 0.0257, 0.0022, 0.0600, 0.3158, 0.0086, 0.0},
            {0.0156, 0.0066, 0.0211, 0.0166, 0.0572, 0.0197, 0.0396, 0.2252},
            {0.0364, 0.0010, 0.0034, 0.0005, 0.0277, 0.0080, 0.0658, 0.1443}};
    /** Background sources per neuron of each target population. */
    private static final int[] K_EXT = {1600, 1500, 2100, 1900, 2000, 1900, 2900, 2100};
    /**
     * Mean rates (spikes/s) of the full model with Poisson background, from NEST's examples/Potjans_2014; used
     * only for the DC that makes up for down-scaled in-degrees.
     */
    static final double[] FULL_RATES = {0.971, 2.868, 4.746, 5.396, 8.142, 9.078, 0.991, 7.523};
    private static final double W = 0.0878;     // nA: the PSC of a 0.15 mV PSP
    private static final double G = -4.0;       // inhibitory weight relative to excitatory
    private static final double W_SD = 0.1;     // relative standard deviation of the weights
    private static final double BG_RATE = 8.0;  // Hz per background source
    private static final double TAU_SYN = 0.5;  // ms
    private static final double DT = 0.1;       // ms
    /** Start of the analysis window: the transient after the random initial potentials, ms. */
    static final double TRANSIENT_MS = 200;

    /**
     * @param nScale     neurons per population relative to the full model (1 for 77,169 neurons)
     * @param kScale     in-degrees relative to the full model (1 for about 3e8 synapses at nScale 1)
     * @param durationMs simulated time
     * @param poisson    Poisson background into the excitatory synaptic current; false for NEST's DC equivalent
     * @return YAML config text
     */
    static String config(double nScale, double kScale, double durationMs, boolean poisson) {
        StringBuilder in = new StringBuilder();
        StringBuilder pops = new StringBuilder();
        StringBuilder projs = new StringBuilder();
        StringBuilder mons = new StringBuilder();
        double sk = Math.sqrt(kScale);
        long neurons = 0;
        long synapses = 0;
        for (int t = 0; t < 8; t++) {
            int n = (int) Math.max(1, Math.round(N_FULL[t] * nScale));
            neurons += n;
            double recurrent = 0;   // mean input of the full model, nA Hz
            for (int s = 0; s < 8; s++) {
                recurrent += weight(t, s) * synapses(t, s) / N_FULL[t] * FULL_RATES[s];
            }
            double missing;
            double dc = 0;
            if (poisson) {
                in.append(fmt("  - {name: bg_%s, type: PoissonInput, target: %s, var: isyn_exc, num: %d, freq: %s,"
                        + " weight: %s}\n", POPS[t], POPS[t], Math.round(K_EXT[t] * kScale), BG_RATE, W / sk));
                missing = (1 - sk) * (recurrent + W * K_EXT[t] * BG_RATE);
            } else {
                dc = BG_RATE * K_EXT[t] * W * TAU_SYN * 1e-3;
                missing = (1 - sk) * recurrent;
            }
            dc += TAU_SYN * 1e-3 * missing;
            pops.append(fmt("""
                      - name: %s
                        size: %d
                        neuron: {type: iaf_psc_exp, cm: 0.25, tau_m: 10, tau_syn_E: %s, tau_syn_I: %s, tau_refrac: 2, \
                    v_rest: -65, v_reset: -65, v_thresh: -50, i_offset: %s}
                        init: {v: {type: Normal, mean: -58, scale: 10}}
                    """, POPS[t], n, TAU_SYN, TAU_SYN, dc));
            mons.append(fmt("  - {target: %s, var: spike}\n", POPS[t]));
            for (int s = 0; s < 8; s++) {
                if (P[t][s] == 0) {
                    continue;
                }
                long num = Math.round(synapses(t, s) * nScale * kScale);
                synapses += num;
                double w = weight(t, s) / sk;
                boolean exc = s % 2 == 0;
                double d = exc ? 1.5 : 0.75;
                projs.append(fmt("""
                          - {name: %s_%s, pre: %s, post: %s, delay: {type: TruncatedNormal, loc: %s, scale: %s, lower: %s},
                             comm: {type: EventCSRLinear, conn: {type: FixedTotalNum, num: %d}, \
                        weight: {type: TruncatedNormal, loc: %s, scale: %s, %s: 0}}, on_pre: %s += w}
                        """, POPS[s], POPS[t], POPS[s], POPS[t], d, d / 2, DT, num, w, Math.abs(w) * W_SD,
                        exc ? "lower" : "upper", exc ? "isyn_exc" : "isyn_inh"));
            }
        }
        return fmt("""
                # Potjans & Diesmann (2014) cortical microcircuit (neurons x %s, in-degrees x %s, %s background):
                # %d neurons, %d synapses. iaf_psc_exp neurons with NEST's parameters (C_m 250 pF, tau_m 10 ms,
                # tau_syn 0.5 ms, t_ref 2 ms, E_L = V_reset = -65 mV, V_th = -50 mV), fixed total synapse numbers
                # per population pair, normal weights (87.8 pA, inhibitory -4x, L4E->L23E 2x; sd 10 %%, truncated
                # at 0 so none changes sign), normal per-synapse delays (exc 1.5 +- 0.75 ms, inh 0.75 +- 0.375 ms,
                # truncated at dt), dt 0.1 ms, initial V normal(-58, 10) mV. The first %s ms are the transient.
                # Written by `spikeforge bench microcircuit --write-config FILE` (see BENCHMARKS.md).
                name: microcircuit
                dt: %s
                duration: %s   # ms
                seed: 55
                %spopulations:
                %sprojections:
                %smonitors:
                %s""", nScale, kScale, poisson ? "Poisson" : "DC", neurons, synapses, TRANSIENT_MS, DT, durationMs,
                poisson ? "inputs:   # 8 Hz from each of K_ext sources into the excitatory synaptic current\n" + in
                        : "", pops, projs, mons);
    }

    /** @return the weight from population s onto t at full scale, nA */
    private static double weight(int t, int s) {
        if (s % 2 == 1) {
            return G * W;
        }
        return t == 0 && s == 2 ? 2 * W : W;
    }

    /** @return synapses from population s onto t at full scale */
    static long synapses(int t, int s) {
        double p = P[t][s];
        if (p == 0) {
            return 0;
        }
        double pairs = (double) N_FULL[t] * N_FULL[s];
        return Math.round(Math.log1p(-p) / Math.log1p(-1 / pairs));
    }

    private static String fmt(String f, Object... args) {
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Double d) {
                shown[i] = shortest(d);
            }
        }
        return String.format(Locale.ROOT, f.replace("%s", "%s"), shown);
    }

    /** @return {@code v} with 6 significant digits and no trailing zeros */
    private static String shortest(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            return s;
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
