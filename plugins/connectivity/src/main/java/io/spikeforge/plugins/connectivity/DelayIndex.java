package io.spikeforge.plugins.connectivity;

import io.spikeforge.kernels.DelayKernelsCalls;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.DelayedRows;
import io.spikeforge.spi.SpikeBuffer;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.SynapseDelays;

import java.util.Arrays;

/**
 * The index a comm delivers through when its synapses each have their own delay (see
 * {@link io.spikeforge.kernels.DelayKernels}): each row's synapses in (delay, post) order, with their
 * delay (a short: 2 bytes), post index and place in the weight array; and, for STDP's post spikes, the
 * column index with each entry's delay. Built once per projection, only when its delays differ: about
 * 10 bytes per synapse for the rows (and at most 4 more for where each row's delays start), 14 more for
 * the columns.
 */
final class DelayIndex {

    private final Connectivity conn;
    private final SynapseDelays delays;
    private final int[] cellOf;
    private final int[] segPtr;
    private final short[] segDelay;
    private final int[] segCols;
    private final int[] segCell;
    private int[] segSynapse;
    private int[] colPtr;
    private int[] colCell;
    private int[] colRows;
    private short[] colDelay;

    /**
     * @param cellOf the place of each synapse (connectivity order) in the weight array; null when it is
     *               the synapse's own index
     */
    DelayIndex(Connectivity conn, SynapseDelays delays, int[] cellOf) {
        if (delays.steps.length != conn.synapses()) {
            throw new IllegalArgumentException(delays.steps.length + " delays for " + conn.synapses() + " synapses");
        }
        this.conn = conn;
        this.delays = delays;
        this.cellOf = cellOf;
        int[] rowPtr = conn.rowPtr();
        int[] cols = conn.cols();
        short[] steps = delays.steps;
        int m = conn.synapses();
        segDelay = new short[m];
        segCols = new int[m];
        segCell = new int[m];
        long[] keys = new long[0];
        for (int i = 0; i < conn.preSize(); i++) {
            int start = rowPtr[i];
            int len = rowPtr[i + 1] - start;
            if (keys.length < len) {
                keys = new long[Math.max(len, 2 * keys.length)];
            }
            // Columns ascend within a row, so (delay, position) sorts by (delay, post).
            for (int q = 0; q < len; q++) {
                keys[q] = ((long) steps[start + q] << 32) | (start + q);
            }
            Arrays.sort(keys, 0, len);
            for (int q = 0; q < len; q++) {
                int k = (int) keys[q];
                segDelay[start + q] = steps[k];
                segCols[start + q] = cols[k];
                segCell[start + q] = cell(k);
            }
        }
        segPtr = segmentTable(conn, segDelay, delays.min, delays.max);
    }

    /**
     * @return where each row's synapses of each delay start, row-major over [min, max], with the end of
     *         the last row after them; empty where that would hold more entries than there are synapses
     */
    private static int[] segmentTable(Connectivity conn, short[] segDelay, int min, int max) {
        int nd = max - min + 1;
        long entries = (long) conn.preSize() * nd + 1;
        if (entries > conn.synapses() + 1L) {
            return new int[0];
        }
        int[] rowPtr = conn.rowPtr();
        int[] table = new int[(int) entries];
        for (int i = 0; i < conn.preSize(); i++) {
            int p = rowPtr[i];
            for (int d = min; d <= max; d++) {
                while (p < rowPtr[i + 1] && segDelay[p] < d) {
                    p++;
                }
                table[i * nd + (d - min)] = p;
            }
        }
        table[(int) entries - 1] = rowPtr[conn.preSize()];
        return table;
    }

    private int cell(int k) {
        return cellOf == null ? k : cellOf[k];
    }

    private void ensureColumns() {
        if (colPtr != null) {
            return;
        }
        int[][] csc = conn.columnIndex();
        int[] perm = csc[1];
        int[] rows = conn.rowsOfSynapses();
        colPtr = csc[0];
        colCell = new int[perm.length];
        colRows = new int[perm.length];
        colDelay = new short[perm.length];
        for (int c = 0; c < perm.length; c++) {
            colCell[c] = cell(perm[c]);
            colRows[c] = rows[perm[c]];
            colDelay[c] = delays.steps[perm[c]];
        }
    }

    /** @return the delivery task over the weight array {@code w} */
    StepTask propagate(String name, float[] w, float[] target) {
        SynapseDelays d = delays;
        return StepTask.of(name, target.length, DelayKernelsCalls.propagate(conn.rowPtr(), segPtr, segDelay, segCols,
                segCell, w, d.ring, d.ringCount, d.slots, d.preSize(), d.min, d.max, d.clock, target));
    }

    /** @return the depression task on arriving spikes */
    StepTask updateRows(String name, float[] w, float[] postValues, float factor, float wMin, float wMax) {
        SynapseDelays d = delays;
        return StepTask.of(name, conn.postSize(), DelayKernelsCalls.updateRows(conn.rowPtr(), segPtr, segDelay, segCols,
                segCell, w, d.ring, d.ringCount, d.slots, d.preSize(), d.min, d.max, d.clock, postValues, factor,
                wMin, wMax));
    }

    /** @return the potentiation task on post spikes, each synapse reading the pre history its delay ago */
    StepTask updateColumns(String name, float[] w, SpikeBuffer post, float[] preHistory, float factor, float wMin,
                           float wMax) {
        ensureColumns();
        SynapseDelays d = delays;
        return StepTask.of(name, conn.postSize(), DelayKernelsCalls.updateColumns(colPtr, colCell, colRows, colDelay,
                w, post.list, post.count, preHistory, d.slots, d.preSize(), d.clock, factor, wMin, wMax));
    }

    /** @return the depression task with a factor and bounds per synapse, in {@code w}'s layout */
    StepTask updateRowsPerSynapse(String name, float[] w, float[] postValues, float[] factor, float[] wMin,
                                  float[] wMax) {
        SynapseDelays d = delays;
        return StepTask.of(name, conn.postSize(), DelayKernelsCalls.updateRowsPerSynapse(conn.rowPtr(), segPtr,
                segDelay, segCols, segCell, w, d.ring, d.ringCount, d.slots, d.preSize(), d.min, d.max, d.clock,
                postValues, factor, wMin, wMax));
    }

    /** @return the potentiation task with a factor and bounds per synapse, in {@code w}'s layout */
    StepTask updateColumnsPerSynapse(String name, float[] w, SpikeBuffer post, float[] preHistory, float[] factor,
                                     float[] wMin, float[] wMax) {
        ensureColumns();
        SynapseDelays d = delays;
        return StepTask.of(name, conn.postSize(), DelayKernelsCalls.updateColumnsPerSynapse(colPtr, colCell, colRows,
                colDelay, w, post.list, post.count, preHistory, d.slots, d.preSize(), d.clock, factor, wMin, wMax));
    }

    /**
     * @return the rows for a synapse model that walks them itself, over the weight array {@code w}; each
     *         entry's synapse index is made on the first call (4 bytes per synapse, only for such a model)
     */
    DelayedRows rows(float[] w) {
        if (segSynapse == null) {
            segSynapse = new int[segCell.length];
            if (cellOf == null) {
                System.arraycopy(segCell, 0, segSynapse, 0, segCell.length);
            } else {
                int[] synapseOf = new int[w.length];
                for (int k = 0; k < cellOf.length; k++) {
                    synapseOf[cellOf[k]] = k;
                }
                for (int p = 0; p < segCell.length; p++) {
                    segSynapse[p] = synapseOf[segCell[p]];
                }
            }
        }
        return new DelayedRows(conn.rowPtr(), segPtr, segDelay, segCols, segCell, segSynapse, w);
    }

    /** @return whether {@code arrival} is the delays this index was built for */
    boolean isFor(SynapseDelays arrival) {
        return arrival == delays;
    }
}
