package io.spikeforge.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * A quantity kept from each run, as a column of the results table: a field of the run's
 * {@code summary.json}, or a statistic derived from the network at the run's end.
 */
sealed interface Keep extends Serializable {

    /** @return the column's name in the results table */
    String column();

    /**
     * A field of {@code summary.json} by its path, for example {@code populations.neuron.rate_hz}: the
     * value that {@code spikeforge run} writes there, in the unit that {@code summary.json} gives.
     */
    record SummaryField(String path, List<String> keys) implements Keep {
        @Override
        public String column() {
            return path;
        }
    }

    /** Mean firing rate of a population over the run, in Hz (spikes per neuron per simulated second). */
    record Rate(String population) implements Keep {
        @Override
        public String column() {
            return "rate_hz." + population;
        }
    }

    /**
     * Coefficient of variation of the inter-spike intervals (std / mean, dimensionless), of each neuron
     * with at least three recorded spikes, averaged over those neurons; NaN when none has. Read from the
     * population's spike monitor.
     *
     * @param monitor the spike monitor's name (its file base name)
     */
    record CvIsi(String population, String monitor) implements Keep {
        @Override
        public String column() {
            return "cv_isi." + population;
        }
    }

    /**
     * Counts of a projection's synapses in {@code bins} equal bins of the final weights over [lo, hi]
     * (the plasticity bounds when both are set, else the weights' own min and max, where NaN); a weight on
     * hi counts in the last bin, one outside the range in the nearest bin.
     */
    record WeightHistogram(String projection, int bins, double lo, double hi) implements Keep {
        @Override
        public String column() {
            return "weight_histogram." + projection;
        }
    }
}
