package io.spikeforge.sweep;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One varied config value of a sweep.
 *
 * @param path   where it goes in the base config, for example {@code projections[0].plasticity.A2}
 * @param values the values of a grid axis (every one is run), or null for a sampled axis
 * @param lo     the lower end of a sampled axis (in the parameter's own unit)
 * @param hi     the upper end of a sampled axis
 * @param log    whether a sampled axis is drawn uniform in log(value) rather than in value
 */
record Axis(ConfigPath path, List<JsonNode> values, double lo, double hi, boolean log) {

    /** @return whether every value of this axis is listed (a grid axis), rather than drawn from a range */
    boolean grid() {
        return values != null;
    }

    /** @return the value at {@code u} in [0, 1) of a sampled axis's range */
    double at(double u) {
        return log ? Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))) : lo + u * (hi - lo);
    }

    /** @return the column name of this axis in the results table */
    String column() {
        return path.text();
    }
}
