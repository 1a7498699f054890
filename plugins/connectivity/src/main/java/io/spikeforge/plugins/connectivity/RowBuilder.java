package io.spikeforge.plugins.connectivity;

import io.spikeforge.spi.Connectivity;

import java.util.Arrays;

/** Accumulates CSR rows in order. */
final class RowBuilder {

    private final int nPre;
    private final int nPost;
    private final int[] rowPtr;
    private int[] cols = new int[1024];
    private int size;
    private int row;

    RowBuilder(int nPre, int nPost) {
        this.nPre = nPre;
        this.nPost = nPost;
        this.rowPtr = new int[nPre + 1];
    }

    void add(int col) {
        if (size == cols.length) {
            if (cols.length == Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("more than 2^31 synapses in one projection");
            }
            cols = Arrays.copyOf(cols, (int) Math.min(Integer.MAX_VALUE - 8L, cols.length * 2L));
        }
        cols[size++] = col;
    }

    void endRow() {
        rowPtr[++row] = size;
    }

    Connectivity build() {
        return new Connectivity(nPre, nPost, rowPtr, Arrays.copyOf(cols, size));
    }
}
