package io.spikeforge.cli;

import java.util.Locale;
import java.util.Map;

/**
 * The benchmark workloads as config text, the same networks as the Brian2 peer scripts
 * (../shared/peers/brian2): COBA (coba.py), COBA at fixed in-degree 80 (coba.py --fixed-indegree 80),
 * scaled STDP (stdp_scaled.py) and Song 2000 (stdp_song.py).
 */
final class Workloads {

    private Workloads() {
    }

    /** The workload names {@code bench} accepts. */
    static final java.util.List<String> NAMES = java.util.List.of("coba", "coba-scaled", "stdp", "song2000");

    /**
     * @param name  workload name
     * @param sizes N (neurons or inputs) and M (outputs, stdp only); 0 for the default
     * @return YAML config text
     */
    static String config(String name, int n, int m) {
        return switch (name) {
            case "coba" -> coba("coba", n > 0 ? n : 4000, 0.02);
            case "coba-scaled" -> coba("coba-scaled", n > 0 ? n : 400_000, 80.0 / (n > 0 ? n : 400_000));
            case "stdp" -> stdp("stdp", n > 0 ? n : 10_000, m > 0 ? m : 1000, 0.1, 10_000);
            case "song2000" -> stdp("song2000", n > 0 ? n : 1000, 1, 1.0, 100_000);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** @return sizes for the JSON line */
    static Map<String, Object> sizes(String name, int n, int m) {
        return switch (name) {
            case "coba" -> Map.of("N", n > 0 ? n : 4000, "p", 0.02);
            case "coba-scaled" -> Map.of("N", n > 0 ? n : 400_000, "fixed_indegree", 80);
            case "stdp" -> Map.of("N", n > 0 ? n : 10_000, "M", m > 0 ? m : 1000, "p", 0.1);
            case "song2000" -> Map.of("N", n > 0 ? n : 1000, "M", 1);
            default -> Map.of();
        };
    }

    private static String coba(String name, int n, double p) {
        int ne = (int) Math.round(0.8 * n);
        int ni = n - ne;
        String lif = "{type: LifRef, V_rest: -60, V_reset: -60, V_th: -50, tau: 20, tau_ref: 5}";
        String init = "{V: {type: Normal, mean: -55, scale: 5}}";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, """
                name: %s
                dt: 0.1
                duration: 1000
                seed: 1
                populations:
                  - {name: E, size: %d, neuron: %s, init: %s}
                  - {name: I, size: %d, neuron: %s, init: %s}
                inputs:
                  - {name: bias_E, type: ConstantCurrent, target: E, value: 20}
                  - {name: bias_I, type: ConstantCurrent, target: I, value: 20}
                projections:
                """, name, ne, lif, init, ni, lif, init));
        String[][] proj = {{"E2E", "E", "E", "0.6", "5", "0"}, {"E2I", "E", "I", "0.6", "5", "0"},
                {"I2E", "I", "E", "6.7", "10", "-80"}, {"I2I", "I", "I", "6.7", "10", "-80"}};
        for (String[] q : proj) {
            sb.append(String.format(Locale.ROOT, """
                      - {name: %s, pre: %s, post: %s, syn: {type: Expon, tau: %s}, out: {type: COBA, E: %s},
                         comm: {type: EventCSRLinear, conn: {type: FixedProb, prob: %s}, weight: %s}}
                    """, q[0], q[1], q[2], q[4], q[5], Double.toString(p), q[3]));
        }
        return sb.toString();
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
