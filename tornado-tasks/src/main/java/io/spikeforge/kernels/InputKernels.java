package io.spikeforge.kernels;

import io.spikeforge.spi.Kernel;
import io.spikeforge.spi.Local;
import io.spikeforge.spi.Read;
import io.spikeforge.spi.Write;

/** External inputs: currents added to a population (nA) and given spike times. */
public final class InputKernels {

    private InputKernels() {
    }

    /** current[i] += value. */
    @Kernel(elementwise = true)
    public static void addConstant(int from, int to, @Write float[] current, float value) {
        for (int i = from; i < to; i++) {
            current[i] += value;
        }
    }

    /**
     * An input onto a slice of a group: {@code current[first + i] += own[i]}, then {@code own[i] = 0}, for the
     * slice's items i.
     */
    @Kernel
    public static void addToSlice(int from, int to, @Write @Local float[] own, @Write float[] current, int first) {
        for (int i = from; i < to; i++) {
            current[first + i] += own[i];
            own[i] = 0f;
        }
    }

    /** current[i] += perStep[step], or nothing once the sections are over. */
    @Kernel
    public static void addSection(int from, int to, @Write @Local float[] current, @Read float[] perStep,
                                  @Read int[] clock) {
        int step = clock[0];
        float value = step < perStep.length ? perStep[step] : 0f;
        for (int i = from; i < to; i++) {
            current[i] += value;
        }
    }

    /**
     * Serial: writes the spike flags of this step from {@code events}, sorted non-negative (step &lt;&lt; 32 | index)
     * values, advancing {@code cursor[0]} past the events of earlier steps.
     */
    @Kernel(serial = true)
    public static void spikeTimes(int from, int to, @Write int[] spikes, @Read long[] events, @Write int[] cursor,
                                  @Read int[] clock) {
        for (int i = from; i < to; i++) {
            spikes[i] = 0;
        }
        long step = clock[0];
        int n = events.length;
        int c = cursor[0];
        while (c < n && (events[c] >> 32) < step) {
            c++;
        }
        while (c < n && (events[c] >> 32) == step) {
            spikes[(int) (events[c] & 0xffffffffL)] = 1;
            c++;
        }
        cursor[0] = c;
    }

    /**
     * Ornstein-Uhlenbeck current, exact in distribution for a step of dt: x[i] = mean + (x[i] - mean) * decay
     * + noise * xi, xi standard normal from (seed, step, i), with decay = exp(-dt/tau) and
     * noise = sigma * sqrt(tau/2 * (1 - decay^2)); then current[i] += x[i].
     */
    @Kernel
    public static void ouCurrent(int from, int to, @Write @Local float[] current, @Write @Local float[] x, float mean,
                                 float decay, float noise, long seed, @Read int[] clock) {
        long step = clock[0];
        for (int i = from; i < to; i++) {
            float xi = mean + (x[i] - mean) * decay + noise * (float) CounterRng.normal(seed, step, i);
            x[i] = xi;
            current[i] += xi;
        }
    }

    /**
     * Wiener increments for steps in [start, end): current[i] += scale * xi, xi standard normal from
     * (seed, step, i), scale = sigma * sqrt(dt).
     */
    @Kernel
    public static void wienerCurrent(int from, int to, @Write @Local float[] current, float scale, int start, int end,
                                     long seed, @Read int[] clock) {
        int step = clock[0];
        if (step < start || step >= end) {
            return;
        }
        for (int i = from; i < to; i++) {
            current[i] += scale * (float) CounterRng.normal(seed, step, i);
        }
    }

    /**
     * Sinusoid for steps in [start, end): current[i] += amplitude * sin(omega * (step - start)) + bias,
     * omega = 2 pi f dt (radians per step).
     */
    @Kernel
    public static void addSine(int from, int to, @Write @Local float[] current, float amplitude, double omega,
                               float bias, int start, int end, @Read int[] clock) {
        int step = clock[0];
        if (step < start || step >= end) {
            return;
        }
        float value = amplitude * (float) Math.sin(omega * (step - start)) + bias;
        for (int i = from; i < to; i++) {
            current[i] += value;
        }
    }

    /**
     * Square wave for steps in [start, end): current[i] += amplitude * sign(sin(omega * (step - start))) + bias,
     * omega = 2 pi f dt (radians per step); sign(0) = 0.
     */
    @Kernel
    public static void addSquare(int from, int to, @Write @Local float[] current, float amplitude, double omega,
                                 float bias, int start, int end, @Read int[] clock) {
        int step = clock[0];
        if (step < start || step >= end) {
            return;
        }
        double s = Math.sin(omega * (step - start));
        float value = amplitude * (s > 0 ? 1f : s < 0 ? -1f : 0f) + bias;
        for (int i = from; i < to; i++) {
            current[i] += value;
        }
    }

    /**
     * Poisson input without stored synapses: each of n sources spikes with probability p in a step, so a target
     * receives k ~ Binomial(n, p) spikes from (seed, step, i) and current[i] += weight * k. k is drawn by inversion
     * of one uniform, pmf(0) = pmf0 = (1 - p)^n, pmf(k + 1) = pmf(k) * (n - k) / (k + 1) * odds, odds = p / (1 - p);
     * where pmf0 underflows to 0 (n p above about 700) it is the normal approximation round(mean + sd * xi),
     * clamped to [0, n].
     */
    @Kernel
    public static void poissonInput(int from, int to, @Write @Local float[] current, int n, double pmf0, double odds,
                                    double mean, double sd, float weight, long seed, @Read int[] clock) {
        long step = clock[0];
        for (int i = from; i < to; i++) {
            int k = 0;
            if (pmf0 > 0) {
                double u = CounterRng.uniform(seed, step, i);
                double pmf = pmf0;
                double cdf = pmf0;
                while (u >= cdf && k < n) {
                    pmf = pmf * (n - k) / (k + 1) * odds;
                    k++;
                    cdf += pmf;
                }
            } else {
                k = roundInto(mean + sd * CounterRng.normal(seed, step, i), n);
            }
            current[i] += weight * k;
        }
    }

    /**
     * Poisson spikes at a rate that changes with time: flags[i] = 1 with probability prob[min(step / stride,
     * prob.length - 1)] (the last value holds), drawn from (seed, step, i).
     */
    @Kernel
    public static void bernoulliSeries(int from, int to, @Write @Local int[] flags, @Read float[] prob, int stride,
                                       long seed, @Read int[] clock) {
        int step = clock[0];
        int k = Math.min(step / stride, prob.length - 1);
        double p = prob[k];
        for (int i = from; i < to; i++) {
            flags[i] = CounterRng.uniform(seed, step, i) < p ? 1 : 0;
        }
    }

    /**
     * A time series per neuron (Brian2's TimedArray): current[i] += values[row * columns + (columns == 1 ? 0 : i)],
     * row = min(step / stride, rows - 1), rows = values.length / columns; stride = the series' dt in steps.
     */
    @Kernel
    public static void addSeries(int from, int to, @Write @Local float[] current, @Read float[] values, int columns,
                                 int stride, @Read int[] clock) {
        int rows = values.length / columns;
        int row = Math.min(clock[0] / stride, rows - 1);
        int base = row * columns;
        for (int i = from; i < to; i++) {
            current[i] += values[base + (columns == 1 ? 0 : i)];
        }
    }

    /**
     * {@code (int) Math.max(0, Math.min(n, Math.rint(d)))}: the nearest whole number to {@code d}, ties
     * to the even one, clamped to [0, n], NaN to 0, written with a truncating cast: TornadoVM's OpenCL
     * backend has no form of rint, nor of a double's remainder (it fails with "unimplemented"). The same
     * value for every double, so both backends draw alike.
     */
    public static int roundInto(double d, int n) {
        if (!(d > 0)) {
            return 0;
        }
        if (d >= n) {
            return n;
        }
        long t = (long) d;
        double diff = d - t;
        if (diff > 0.5) {
            return (int) t + 1;
        }
        if (diff < 0.5) {
            return (int) t;
        }
        return (t & 1) == 0 ? (int) t : (int) t + 1;
    }
}
