package io.spikeforge.core.split;

/**
 * The weights of a projection split over processes, put back into the whole projection's order: each
 * process holds, in every row, the synapses onto its own posts, which are one run of the row's
 * ascending posts, and the processes' runs follow each other in rank order.
 */
public final class SplitWeights {

    private SplitWeights() {
    }

    /**
     * @param rowPtrs each process's row offsets over the whole pre group (length pre + 1), in rank order
     * @param values  each process's values per synapse, in its row-major order
     * @return the values in the whole projection's row-major order
     */
    public static float[] merge(int[][] rowPtrs, float[][] values) {
        int rows = rowPtrs[0].length - 1;
        long total = 0;
        for (float[] v : values) {
            total += v.length;
        }
        float[] out = new float[Math.toIntExact(total)];
        int at = 0;
        for (int i = 0; i < rows; i++) {
            for (int p = 0; p < rowPtrs.length; p++) {
                int from = rowPtrs[p][i];
                int n = rowPtrs[p][i + 1] - from;
                System.arraycopy(values[p], from, out, at, n);
                at += n;
            }
        }
        return out;
    }

    /** @return the values of {@code parts} end to end (a process's blocks, or the parts of one block) */
    public static float[] concat(java.util.List<float[]> parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /**
     * @param blocks blocks of one projection over disjoint runs of rows, each with its row offsets over the
     *               whole pre group counting from 0
     * @return the row offsets of the blocks together: their sum, row by row
     */
    public static int[] rowOffsets(java.util.List<io.spikeforge.spi.Connectivity> blocks) {
        int[] rowPtr = new int[blocks.getFirst().preSize() + 1];
        for (io.spikeforge.spi.Connectivity b : blocks) {
            int[] r = b.rowPtr();
            for (int i = 0; i < rowPtr.length; i++) {
                rowPtr[i] += r[i];
            }
        }
        return rowPtr;
    }
}
