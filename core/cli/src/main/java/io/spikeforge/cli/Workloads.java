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
    static final java.util.List<String> NAMES = java.util.List.of("coba", "coba-scaled", "stdp", "song2000", "groups",
            "poisson-slices", "microcircuit");

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
            case "groups" -> groups(n > 0 ? n : 1000, false);
            case "poisson-slices" -> poissonSlices(n > 0 ? n : 40, false);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * @return the same network written as one group, which {@code bench} runs alternately beside a
     *         many-objects workload; null for the other workloads
     */
    static String oneGroupForm(String name, int n) {
        return switch (name) {
            case "groups" -> groups(n > 0 ? n : 1000, true);
            case "poisson-slices" -> poissonSlices(n > 0 ? n : 40, true);
            default -> null;
        };
    }

    private static final String LIF_REF = "type: LifRef, V_rest: -60, V_reset: -60, V_th: -50, tau_ref: 5";

    /**
     * N populations of one neuron each, as a Brian2 user writes N NeuronGroups: neuron k has tau = 10 + k/64
     * ms and its own 20 nA input. The one-group form is one population of N with tau given per neuron by
     * the same expression, and one input: the same neurons, so the same spikes.
     */
    private static String groups(int n, boolean oneGroup) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, """
                name: %s
                dt: 0.1
                duration: 1000
                seed: 1
                populations:
                """, oneGroup ? "groups-one-group" : "groups"));
        if (oneGroup) {
            b.append(String.format(Locale.ROOT, "  - {name: n, size: %d, neuron: {%s, tau: '10 + i/64'}}%n", n, LIF_REF));
            b.append("inputs:\n  - {name: bias, type: ConstantCurrent, target: n, value: 20}\n");
            return b.toString();
        }
        for (int k = 0; k < n; k++) {
            b.append(String.format(Locale.ROOT, "  - {name: n%d, size: 1, neuron: {%s, tau: %s}}%n", k, LIF_REF,
                    Double.toString(10 + k / 64.0)));
        }
        b.append("inputs:\n");
        for (int k = 0; k < n; k++) {
            b.append(String.format(Locale.ROOT, "  - {name: bias%d, type: ConstantCurrent, target: n%d, value: 20}%n",
                    k, k));
        }
        return b.toString();
    }

    /**
     * One Poisson source of K x 100 sources at 20 Hz split into K slices, slice k feeding its own
     * population of 100 neurons (p = 0.1). The one-group form: the source unsliced feeding one population
     * of K x 100 at p = 0.1 / K, the same expected synapses and events.
     */
    private static String poissonSlices(int k, boolean oneGroup) {
        int s = 100;
        String conn = "syn: {type: Expon, tau: 5}, out: {type: COBA, E: 0}, comm: {type: EventCSRLinear, conn: {type:"
                + " FixedProb, prob: %s}, weight: 0.5}";
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, """
                name: %s
                dt: 0.1
                duration: 1000
                seed: 1
                inputs:
                  - {name: src, type: PoissonSpikes, size: %d, rate: 20}
                populations:
                """, oneGroup ? "poisson-slices-one-group" : "poisson-slices", k * s));
        if (oneGroup) {
            b.append(String.format(Locale.ROOT, "  - {name: T, size: %d, neuron: {%s, tau: 20}}%n", k * s, LIF_REF));
            b.append(String.format(Locale.ROOT, "projections:%n  - {name: C, pre: src, post: T, " + conn + "}%n",
                    Double.toString(0.1 / k)));
            return b.toString();
        }
        for (int t = 0; t < k; t++) {
            b.append(String.format(Locale.ROOT, "  - {name: T%d, size: %d, neuron: {%s, tau: 20}}%n", t, s, LIF_REF));
        }
        b.append("projections:\n");
        for (int t = 0; t < k; t++) {
            b.append(String.format(Locale.ROOT, "  - {name: C%d, pre: \"src[%d:%d]\", post: T%d, " + conn + "}%n", t,
                    t * s, (t + 1) * s, t, "0.1"));
        }
        return b.toString();
    }

    /** @return sizes for the JSON line */
    static Map<String, Object> sizes(String name, int n, int m, double scale) {
        return switch (name) {
            case "microcircuit" -> Map.of("scale", scale);
            case "coba" -> Map.of("N", n > 0 ? n : 4000, "p", 0.02);
            case "coba-scaled" -> Map.of("N", n > 0 ? n : 400_000, "fixed_indegree", 80);
            case "stdp" -> Map.of("N", n > 0 ? n : 10_000, "M", m > 0 ? m : 1000, "p", 0.1);
            case "song2000" -> Map.of("N", n > 0 ? n : 1000, "M", 1);
            case "groups" -> Map.of("groups", n > 0 ? n : 1000, "neurons_per_group", 1);
            case "poisson-slices" -> Map.of("slices", n > 0 ? n : 40, "neurons_per_slice", 100);
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
