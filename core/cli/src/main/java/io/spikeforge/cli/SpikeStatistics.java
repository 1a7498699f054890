package io.spikeforge.cli;

import java.util.Arrays;

/**
 * A population's firing rate and irregularity from its recorded spikes, after a transient: the mean rate over
 * all its neurons, and the coefficient of variation of the inter-spike intervals averaged over the neurons with
 * at least three spikes (two intervals), as the microcircuit's papers report them.
 *
 * @param rateHz  spikes per neuron and second, in [from, end)
 * @param cvIsi   mean CV of the ISIs; NaN when no neuron spiked three times
 * @param counted neurons the CV averages over
 */
record SpikeStatistics(double rateHz, double cvIsi, int counted) {

    /**
     * @param pairs     (step, neuron) pairs in step order, flattened, as a spike monitor records them
     * @param size      neurons in the population
     * @param recorded  neurons the monitor records (the rate's denominator)
     * @param fromStep  first step counted (the end of the transient)
     * @param endStep   steps run
     * @param dtMs      time step
     */
    static SpikeStatistics of(int[] pairs, int size, int recorded, long fromStep, long endStep, double dtMs) {
        int[] count = new int[size];
        for (int k = 0; k < pairs.length; k += 2) {
            if (pairs[k] >= fromStep) {
                count[pairs[k + 1]]++;
            }
        }
        int[] start = new int[size + 1];
        for (int i = 0; i < size; i++) {
            start[i + 1] = start[i] + count[i];
        }
        int[] steps = new int[start[size]];
        int[] fill = Arrays.copyOf(start, size);
        for (int k = 0; k < pairs.length; k += 2) {
            if (pairs[k] >= fromStep) {
                steps[fill[pairs[k + 1]]++] = pairs[k];
            }
        }
        double cvSum = 0;
        int counted = 0;
        for (int i = 0; i < size; i++) {
            int n = count[i] - 1;
            if (n < 2) {
                continue;
            }
            double sum = 0;
            double sq = 0;
            for (int q = start[i] + 1; q < start[i + 1]; q++) {
                double isi = steps[q] - steps[q - 1];
                sum += isi;
                sq += isi * isi;
            }
            double mean = sum / n;
            double var = Math.max(0, sq / n - mean * mean);
            cvSum += Math.sqrt(var) / mean;
            counted++;
        }
        double seconds = (endStep - fromStep) * dtMs / 1000.0;
        return new SpikeStatistics(start[size] / (double) recorded / seconds, counted == 0 ? Double.NaN : cvSum / counted,
                counted);
    }
}
