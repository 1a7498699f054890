package io.spikeforge.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The points of a sweep: every combination of the grid axes' values (the first axis varying slowest),
 * each crossed with the sample's points over the sampled axes. A point maps each axis's config path to
 * its value, in the axes' order.
 */
final class Points {

    private Points() {
    }

    /** @return how many runs the axes and sample make, without listing them */
    static long count(List<Axis> axes, SweepFile.Sample sample) {
        long n = 1;
        for (Axis a : axes) {
            if (a.grid()) {
                n = Math.multiplyHigh(n, a.values().size()) != 0 ? Long.MAX_VALUE : n * a.values().size();
            }
        }
        return sample == null ? n : n * sample.n();
    }

    /** @return the points, in run order */
    static List<Map<String, JsonNode>> of(List<Axis> axes, SweepFile.Sample sample) {
        List<Axis> sampled = axes.stream().filter(a -> !a.grid()).toList();
        List<double[]> draws = sample == null || sampled.isEmpty() ? List.of(new double[0])
                : draw(sample, sampled.size());
        List<Map<String, JsonNode>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Axis a : axes) {
            if (!a.grid()) {
                continue;
            }
            List<Map<String, JsonNode>> next = new ArrayList<>();
            for (Map<String, JsonNode> p : points) {
                for (JsonNode v : a.values()) {
                    Map<String, JsonNode> q = new LinkedHashMap<>(p);
                    q.put(a.path().text(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        List<Map<String, JsonNode>> all = new ArrayList<>();
        for (Map<String, JsonNode> p : points) {
            for (double[] u : draws) {
                // In the axes' order, grid and sampled values interleaved as the file lists them.
                Map<String, JsonNode> q = new LinkedHashMap<>();
                int s = 0;
                for (Axis a : axes) {
                    q.put(a.path().text(), a.grid() ? p.get(a.path().text())
                            : JsonNodeFactory.instance.numberNode(a.at(u[s++])));
                }
                all.add(q);
            }
        }
        return all;
    }

    /**
     * @return {@code sample.n()} points in the unit cube of {@code dims} dimensions: independent uniform
     *         draws, or a Latin hypercube (each dimension's [0, 1) cut into n strata, each stratum holding
     *         exactly one point, the strata of the dimensions paired by random permutations)
     */
    static List<double[]> draw(SweepFile.Sample sample, int dims) {
        SplittableRandom random = new SplittableRandom(sample.seed());
        int n = sample.n();
        double[][] u = new double[n][dims];
        if (sample.method().equals("random")) {
            for (double[] point : u) {
                for (int d = 0; d < dims; d++) {
                    point[d] = random.nextDouble();
                }
            }
        } else {
            for (int d = 0; d < dims; d++) {
                int[] strata = new int[n];
                for (int i = 0; i < n; i++) {
                    strata[i] = i;
                }
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = strata[i];
                    strata[i] = strata[j];
                    strata[j] = t;
                }
                for (int i = 0; i < n; i++) {
                    u[i][d] = (strata[i] + random.nextDouble()) / n;
                }
            }
        }
        return List.of(u);
    }
}
