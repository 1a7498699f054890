package io.spikeforge.spi;

/**
 * Which pre neurons connect to which post neurons, as compressed sparse rows: the synapses of pre
 * neuron {@code i} are {@code rowPtr[i] .. rowPtr[i+1]-1} and their post indices {@code cols[k]} are
 * strictly ascending within a row. Strictly ascending means no pair appears twice: a connector can
 * never produce duplicate synapses silently. Synapse {@code k} is the k-th pair in this row-major
 * order everywhere in SpikeForge (weights, monitors, checkpoints).
 */
public final class Connectivity {

    private final int preSize;
    private final int postSize;
    private final int[] rowPtr;
    private final int[] cols;

    /**
     * Connectivity in CSR form: the synapses of pre neuron i are {@code cols[rowPtr[i]]} up to
     * {@code cols[rowPtr[i + 1] - 1]}.
     *
     * @param preSize  number of pre neurons
     * @param postSize number of post neurons
     * @param rowPtr   row offsets, length {@code preSize + 1}, starting at 0
     * @param cols     post index of each synapse, length {@code rowPtr[preSize]}
     * @throws IllegalArgumentException if the arrays are inconsistent, an index is out of range or a
     *                                  row is not strictly ascending
     */
    public Connectivity(int preSize, int postSize, int[] rowPtr, int[] cols) {
        if (rowPtr.length != preSize + 1 || rowPtr[0] != 0 || rowPtr[preSize] != cols.length) {
            throw new IllegalArgumentException("row offsets do not match " + preSize + " rows and "
                    + cols.length + " synapses");
        }
        for (int i = 0; i < preSize; i++) {
            int start = rowPtr[i];
            int end = rowPtr[i + 1];
            if (end < start) {
                throw new IllegalArgumentException("row " + i + " has negative length");
            }
            for (int k = start; k < end; k++) {
                int j = cols[k];
                if (j < 0 || j >= postSize) {
                    throw new IllegalArgumentException("synapse " + k + " targets post " + j
                            + ", outside [0, " + postSize + ")");
                }
                if (k > start && cols[k - 1] >= j) {
                    throw new IllegalArgumentException("row " + i + " repeats or misorders post " + j
                            + " (duplicate pairs are not allowed)");
                }
            }
        }
        this.preSize = preSize;
        this.postSize = postSize;
        this.rowPtr = rowPtr;
        this.cols = cols;
    }

    /** {@return number of pre neurons} */
    public int preSize() {
        return preSize;
    }

    /** {@return number of post neurons} */
    public int postSize() {
        return postSize;
    }

    /** {@return row offsets (shared, do not modify)} */
    public int[] rowPtr() {
        return rowPtr;
    }

    /** {@return post index per synapse (shared, do not modify)} */
    public int[] cols() {
        return cols;
    }

    /** {@return number of synapses} */
    public int synapses() {
        return cols.length;
    }

    /** {@return the pre index of each synapse (length {@link #synapses()})} */
    public int[] rowsOfSynapses() {
        int[] rows = new int[cols.length];
        for (int i = 0; i < preSize; i++) {
            for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                rows[k] = i;
            }
        }
        return rows;
    }

    /**
     * Builds the column index that STDP's post-spike pass needs: for post neuron {@code j}, the
     * synapse ids {@code perm[colPtr[j] .. colPtr[j+1]-1]} in ascending pre order.
     *
     * @return {@code {colPtr, perm}}
     */
    public int[][] columnIndex() {
        int[] colPtr = new int[postSize + 1];
        for (int c : cols) {
            colPtr[c + 1]++;
        }
        for (int j = 0; j < postSize; j++) {
            colPtr[j + 1] += colPtr[j];
        }
        int[] next = java.util.Arrays.copyOf(colPtr, postSize);
        int[] perm = new int[cols.length];
        for (int k = 0; k < cols.length; k++) {
            perm[next[cols[k]]++] = k;
        }
        return new int[][] {colPtr, perm};
    }
}
