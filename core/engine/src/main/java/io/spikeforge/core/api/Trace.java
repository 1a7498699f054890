package io.spikeforge.core.api;

/**
 * Recorded values over time: row r holds the values after the step that starts at
 * {@code timesMs[r]}, column c those of element {@code indices[c]}.
 *
 * @param timesMs the start time of each recorded step, in ms
 * @param indices the element (neuron or synapse) each column holds
 * @param values  row-major values, {@code timesMs.length * indices.length} of them
 * @param unit    the values' unit, for example {@code mV} or {@code uS}
 */
public record Trace(double[] timesMs, int[] indices, float[] values, String unit) {

    /** @return the number of recorded rows */
    public int rows() {
        return timesMs.length;
    }

    /** @return the value of column {@code c} at row {@code r} */
    public float value(int r, int c) {
        return values[r * indices.length + c];
    }

    /** @return column {@code c}: one element's values over time */
    public float[] column(int c) {
        float[] out = new float[rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = value(r, c);
        }
        return out;
    }
}
