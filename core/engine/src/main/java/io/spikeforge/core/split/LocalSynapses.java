package io.spikeforge.core.split;

import io.spikeforge.spi.Connectivity;

/**
 * The synapses a process of a split network holds: those onto its own post neurons. Within a row the
 * posts ascend, so the kept synapses keep the row-major order of the whole projection, and each post
 * neuron sums its inputs in the same order as in one process: the floats are the same.
 *
 * @param connectivity  the kept pairs, numbered within the whole groups
 * @param kept          the index in the whole projection's block of each kept synapse, ascending
 * @param wholeSynapses the number of synapses of the whole block
 */
public record LocalSynapses(Connectivity connectivity, int[] kept, int wholeSynapses) {

    /**
     * @param all    every pair of the block
     * @param postLo the first post neuron kept
     * @param postHi one past the last post neuron kept
     * @return the pairs onto posts {@code [postLo, postHi)}
     */
    public static LocalSynapses of(Connectivity all, int postLo, int postHi) {
        int[] rowPtr = all.rowPtr();
        int[] cols = all.cols();
        int n = 0;
        for (int c : cols) {
            n += c >= postLo && c < postHi ? 1 : 0;
        }
        int[] kept = new int[n];
        int[] keptCols = new int[n];
        int[] keptRows = new int[all.preSize() + 1];
        n = 0;
        for (int i = 0; i < all.preSize(); i++) {
            for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                if (cols[k] >= postLo && cols[k] < postHi) {
                    kept[n] = k;
                    keptCols[n++] = cols[k];
                }
            }
            keptRows[i + 1] = n;
        }
        return new LocalSynapses(new Connectivity(all.preSize(), all.postSize(), keptRows, keptCols), kept,
                all.synapses());
    }

    /** @return {@code values} at the kept synapses */
    public float[] select(float[] values) {
        float[] out = new float[kept.length];
        for (int k = 0; k < kept.length; k++) {
            out[k] = values[kept[k]];
        }
        return out;
    }

    /** @return {@code values} at the kept synapses */
    public short[] select(short[] values) {
        short[] out = new short[kept.length];
        for (int k = 0; k < kept.length; k++) {
            out[k] = values[kept[k]];
        }
        return out;
    }
}
