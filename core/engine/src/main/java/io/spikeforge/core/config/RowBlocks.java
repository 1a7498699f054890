package io.spikeforge.core.config;

/**
 * How a projection splits into blocks of rows when its synapses outgrow one block's int indices. The
 * memory check and the builder both size blocks here, so the estimate counts the blocks the build makes.
 */
public final class RowBlocks {

    /** The most synapses one block holds: the largest Java array. */
    public static final long MAX_SYNAPSES = ResourceCheck.MAX_ARRAY;

    private RowBlocks() {
    }

    /**
     * {@return the number of blocks for a projection} A block is sized for 90 % of the limit, so that a
     * random connector's spread around its estimate stays inside it; there is at most one per row.
     *
     * @param estimate         the connector's expected synapse count
     * @param preSize          number of pre neurons (rows)
     * @param maxBlockSynapses the most synapses a block may hold
     */
    public static int count(long estimate, int preSize, long maxBlockSynapses) {
        long perBlock = Math.max(1, (long) (0.9 * maxBlockSynapses));
        return (int) Math.max(1, Math.min(preSize, (estimate + perBlock - 1) / perBlock));
    }

    /** {@return the first row of each of {@code count} blocks of {@code preSize} rows, then preSize} */
    public static int[] bounds(int preSize, int count) {
        int[] rows = new int[count + 1];
        for (int b = 0; b <= count; b++) {
            rows[b] = (int) ((long) preSize * b / count);
        }
        return rows;
    }
}
