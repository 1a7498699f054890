package io.spikeforge.cli.plot;

import java.util.Arrays;

/** The numbers behind the charts: time axes, binned rates and decimated curves. Pure functions. */
final class Series {

    private Series() {
    }

    /**
     * How a chart shows time: in ms, or in s for runs of 10 s and more.
     *
     * @param perMs axis units per ms
     * @param label the axis title
     */
    record TimeAxis(double perMs, String label) {

        static TimeAxis of(double durationMs) {
            return durationMs >= 10_000 ? new TimeAxis(1e-3, "time (s)") : new TimeAxis(1, "time (ms)");
        }

        double at(double ms) {
            return ms * perMs;
        }
    }

    /** @return a round bin width in ms (1, 2 or 5 times a power of ten, at least dt) giving about 100 bins */
    static double binWidthMs(double durationMs, double dtMs) {
        double raw = Math.max(durationMs / 100, dtMs);
        double decade = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * decade >= raw * (1 - 1e-9)) {
                return Math.max(dtMs, m * decade);
            }
        }
        return 10 * decade;
    }

    /**
     * The population rate: spikes per neuron per second in consecutive bins of {@code binMs}.
     *
     * @param steps      the step of each spike
     * @param dtMs       time step in ms
     * @param durationMs simulated time in ms
     * @param neurons    how many neurons the spikes come from
     * @param binMs      bin width in ms
     * @return {bin start times in ms, rates in Hz}
     */
    static double[][] rate(int[] steps, double dtMs, double durationMs, int neurons, double binMs) {
        int bins = Math.max(1, (int) Math.ceil(durationMs / binMs - 1e-9));
        double[] start = new double[bins];
        double[] hz = new double[bins];
        for (int b = 0; b < bins; b++) {
            start[b] = b * binMs;
        }
        for (int step : steps) {
            int b = (int) Math.floor(step * dtMs / binMs + 1e-9);
            hz[Math.min(bins - 1, Math.max(0, b))]++;
        }
        for (int b = 0; b < bins; b++) {
            double width = Math.min(binMs, durationMs - start[b]);
            hz[b] = width > 0 ? hz[b] / Math.max(1, neurons) / (width / 1000.0) : 0;
        }
        return new double[][] {start, hz};
    }

    /**
     * Thins a curve to about {@code maxPoints} by keeping each bucket's smallest and largest value in
     * their order, so that spikes and steps stay visible.
     *
     * @return {x, y}; the input when it is already short enough
     */
    static double[][] decimate(double[] x, double[] y, int maxPoints) {
        if (x.length <= maxPoints) {
            return new double[][] {x, y};
        }
        int buckets = Math.max(1, maxPoints / 2);
        double[] ox = new double[2 * buckets];
        double[] oy = new double[2 * buckets];
        int n = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) x.length * b / buckets);
            int to = (int) ((long) x.length * (b + 1) / buckets);
            if (from >= to) {
                continue;
            }
            int lo = from;
            int hi = from;
            for (int i = from; i < to; i++) {
                if (y[i] < y[lo]) {
                    lo = i;
                }
                if (y[i] > y[hi]) {
                    hi = i;
                }
            }
            int first = Math.min(lo, hi);
            int second = Math.max(lo, hi);
            ox[n] = x[first];
            oy[n++] = y[first];
            if (second != first) {
                ox[n] = x[second];
                oy[n++] = y[second];
            }
        }
        return new double[][] {Arrays.copyOf(ox, n), Arrays.copyOf(oy, n)};
    }
}
