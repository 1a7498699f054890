package io.spikeforge.cli;

import java.util.Locale;
import java.util.Map;

/**
 * The benchmark workloads as config text, the same networks as the Brian2 peer scripts
 * (../shared/peers/brian2): COBA (coba.py, as examples/coba_subgroups.yaml), COBA at fixed in-degree 80
 * (coba.py --fixed-indegree 80), scaled STDP (stdp_scaled.py) and Song 2000 (stdp_song.py).
 */
final class Workloads {

    private Workloads() {
    }

    /** The workload names {@code bench} accepts. */
    static final java.util.List<String> NAMES = java.util.List.of("coba", "coba-scaled", "stdp", "song2000",
            "microcircuit");

    /**
     * @param name  workload name
     * @param sizes N (neurons or inputs) and M (outputs, stdp only); 0 for the default
     * @param scale the microcircuit's neurons relative to the full model, and its in-degrees up to 1
     * @param dc    the microcircuit with its DC background instead of Poisson
     * @return YAML config text
     */
    static String config(String name, int n, int m, double scale, boolean dc) {
        return switch (name) {
            // Down-scaled: neurons and in-degrees together (NEST's N_scaling = K_scaling); above 1, a larger
            // patch of cortex at the full model's in-degrees (N_scaling alone), synapses growing with the neurons.
            case "microcircuit" -> Microcircuit.config(scale, Math.min(scale, 1), 1000 + Microcircuit.TRANSIENT_MS, !dc);
            case "coba" -> coba("coba", n > 0 ? n : 4000, 0.02);
            case "coba-scaled" -> coba("coba-scaled", n > 0 ? n : 400_000, 80.0 / (n > 0 ? n : 400_000));
            case "stdp" -> stdp("stdp", n > 0 ? n : 10_000, m > 0 ? m : 1000, 0.1, 10_000);
            case "song2000" -> stdp("song2000", n > 0 ? n : 1000, 1, 1.0, 100_000);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** @return sizes for the JSON line */
    static Map<String, Object> sizes(String name, int n, int m, double scale) {
        return switch (name) {
            case "coba" -> Map.of("N", n > 0 ? n : 4000, "p", 0.02);
            case "coba-scaled" -> Map.of("N", n > 0 ? n : 400_000, "fixed_indegree", 80);
            case "stdp" -> Map.of("N", n > 0 ? n : 10_000, "M", m > 0 ? m : 1000, "p", 0.1);
            case "song2000" -> Map.of("N", n > 0 ? n : 1000, "M", 1);
            case "microcircuit" -> Map.of("scale", scale);
            default -> Map.of();
        };
    }

    /**
     * COBA as coba.py builds it: one group of N neurons whose first 80 % excite and the rest inhibit
     * (Brian2's subgroups P[:Ne] and P[Ne:]), each side projecting onto the whole group.
     */
    private static String coba(String name, int n, double p) {
        int ne = (int) Math.round(0.8 * n);
        return String.format(Locale.ROOT, """
                name: %s
                dt: 0.1
                duration: 1000
                seed: 1
                populations:
                  - name: P
                    size: %d
                    neuron: {type: LifRef, V_rest: -60, V_reset: -60, V_th: -50, tau: 20, tau_ref: 5}
                    init: {V: {type: Normal, mean: -55, scale: 5}}
                inputs:
                  - {name: bias, type: ConstantCurrent, target: P, value: 20}
                projections:
                  - {name: Ce, pre: "P[:%d]", post: P, syn: {type: Expon, tau: 5}, out: {type: COBA, E: 0},
                     comm: {type: EventCSRLinear, conn: {type: FixedProb, prob: %s}, weight: 0.6}}
                  - {name: Ci, pre: "P[%d:]", post: P, syn: {type: Expon, tau: 10}, out: {type: COBA, E: -80},
                     comm: {type: EventCSRLinear, conn: {type: FixedProb, prob: %s}, weight: 6.7}}
                """, name, n, ne, Double.toString(p), ne, Double.toString(p));
    }

    private static String stdp(String name, int n, int m, double p, double durationMs) {
        String conn = p >= 1 ? "All2All" : String.format(Locale.ROOT, "{type: FixedProb, prob: %s}", p);
        return String.format(Locale.ROOT, """
                name: %s
                dt: 0.1
                duration: %s
                seed: 1
                inputs:
                  - {name: inputs, type: PoissonSpikes, size: %d, rate: 15}
                populations:
                  - {name: neurons, size: %d, neuron: {type: Lif, V_rest: -74, V_reset: -60, V_th: -54, tau: 10}}
                projections:
                  - name: stdp
                    pre: inputs
                    post: neurons
                    comm: {type: EventCSRLinear, conn: %s, weight: {type: Uniform, min_val: 0, max_val: 0.01}}
                    syn: {type: Expon, tau: 5}
                    out: {type: COBA, E: 0}
                    plasticity: {type: STDP_Song2000, tau_s: 20, tau_t: 20, A1: 1.0e-4, A2: 1.05e-4, W_min: 0, W_max: 0.01}
                """, name, Double.toString(durationMs), n, m, conn);
    }
}
