package io.spikeforge.core.output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weight statistics: mean, std, min, max and a 10-bin histogram between the given bounds (or
 * between min and max when either bound is NaN). Values on the upper edge go to the last bin.
 */
public record WeightStats(double mean, double std, double min, double max, double lo, double hi, long[] hist10) {

    /** @return statistics of {@code w} */
    public static WeightStats of(float[] w, double boundLo, double boundHi) {
        return of(List.of(w), boundLo, boundHi);
    }

    /** @return statistics of the values of all {@code parts} together (the blocks of a projection) */
    public static WeightStats of(List<float[]> parts, double boundLo, double boundHi) {
        long n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float[] w : parts) {
            n += w.length;
            for (float x : w) {
                sum += x;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        double sq = 0;
        for (float[] w : parts) {
            for (float x : w) {
                sq += (x - mean) * (x - mean);
            }
        }
        double std = n == 0 ? 0 : Math.sqrt(sq / n);
        boolean bounded = !Double.isNaN(boundLo) && !Double.isNaN(boundHi) && boundHi > boundLo;
        double lo = bounded ? boundLo : (n == 0 ? 0 : min);
        double hi = bounded ? boundHi : (n == 0 ? 0 : max);
        long[] hist = new long[10];
        double width = (hi - lo) / 10;
        for (float[] w : parts) {
            for (float x : w) {
                int b = width > 0 ? (int) Math.floor((x - lo) / width) : 0;
                hist[Math.max(0, Math.min(9, b))]++;
            }
        }
        return new WeightStats(mean, std, n == 0 ? 0 : min, n == 0 ? 0 : max, lo, hi, hist);
    }

    /** @return the statistics as a JSON-ready map */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", mean);
        m.put("std", std);
        m.put("min", min);
        m.put("max", max);
        m.put("hist10", hist10);
        m.put("hist10_range", new double[] {lo, hi});
        return m;
    }
}
