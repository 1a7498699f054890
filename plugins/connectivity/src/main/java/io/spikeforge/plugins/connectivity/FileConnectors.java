package io.spikeforge.plugins.connectivity;

import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.ConnectorModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;

import java.util.Arrays;
import java.util.List;

/**
 * Connectivity given explicitly in {@code .npy} files, BrainPy's {@code IJConn} (pre indices i and post indices
 * j, one pair per position), {@code CSRConn} (indices and indptr, rows over pre) and {@code MatConn} (a dense
 * pre x post matrix, nonzero where connected). Pairs may come in any order; a pair given twice is refused.
 */
final class FileConnectors implements ConnectorModel {

    /** 0: IJConn, 1: CSRConn, 2: MatConn. */
    private final int kind;

    FileConnectors(int kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return switch (kind) {
            case 0 -> "IJConn";
            case 1 -> "CSRConn";
            default -> "MatConn";
        };
    }

    @Override
    public String description() {
        return switch (kind) {
            case 0 -> "pairs (i[k], j[k]) from two .npy files of pre and post indices (BrainPy IJConn)";
            case 1 -> "compressed sparse rows from .npy files: post indices[indptr[i]:indptr[i+1]] for pre i (BrainPy"
                    + " CSRConn)";
            default -> "a dense pre x post matrix from an .npy file, connected where nonzero (BrainPy MatConn)";
        };
    }

    @Override
    public List<ParamSpec> parameters() {
        return switch (kind) {
            case 0 -> List.of(required("i", "pre index of each pair, shape (K,)"),
                    required("j", "post index of each pair, shape (K,)"));
            case 1 -> List.of(required("indices", "post indices, row after row, shape (K,)"),
                    required("indptr", "row offsets into indices, shape (pre + 1,)"));
            default -> List.of(required("mat", "connection matrix, shape (pre, post); nonzero: connected"));
        };
    }

    private static ParamSpec required(String name, String description) {
        return ParamSpec.npy(name, "1", ".npy file: " + description).asRequired();
    }

    @Override
    public long estimateSynapses(Params p, int nPre, int nPost, boolean same) {
        return switch (kind) {
            case 0 -> p.reals("i").length;
            case 1 -> p.reals("indices").length;
            default -> (long) nPre * nPost;
        };
    }

    @Override
    public Connectivity connect(Params p, BuildContext ctx, int nPre, int nPost, boolean same) {
        return switch (kind) {
            case 0 -> pairs(p.reals("i"), p.reals("j"), nPre, nPost, "i", "j");
            case 1 -> csr(p.reals("indices"), p.reals("indptr"), nPre, nPost);
            default -> matrix(p, nPre, nPost);
        };
    }

    private static int index(double v, int size, String name, int k, String side) {
        if (v != Math.rint(v) || v < 0 || v >= size) {
            throw new IllegalArgumentException(name + "[" + k + "] = " + v + " is not a " + side + " index in [0, "
                    + size + ")");
        }
        return (int) v;
    }

    private static Connectivity pairs(double[] is, double[] js, int nPre, int nPost, String iName, String jName) {
        if (is.length != js.length) {
            throw new IllegalArgumentException(iName + " has " + is.length + " entries but " + jName + " has "
                    + js.length + "; give one post index per pre index");
        }
        long[] packed = new long[is.length];
        for (int k = 0; k < is.length; k++) {
            packed[k] = (long) index(is[k], nPre, iName, k, "pre") << 32 | index(js[k], nPost, jName, k, "post");
        }
        return sorted(packed, nPre, nPost);
    }

    private static Connectivity sorted(long[] packed, int nPre, int nPost) {
        Arrays.sort(packed);
        int[] rowPtr = new int[nPre + 1];
        int[] cols = new int[packed.length];
        for (int k = 0; k < packed.length; k++) {
            if (k > 0 && packed[k] == packed[k - 1]) {
                throw new IllegalArgumentException("pair (" + (packed[k] >>> 32) + ", " + (int) packed[k]
                        + ") is given twice");
            }
            rowPtr[(int) (packed[k] >>> 32) + 1]++;
            cols[k] = (int) packed[k];
        }
        for (int i = 0; i < nPre; i++) {
            rowPtr[i + 1] += rowPtr[i];
        }
        return new Connectivity(nPre, nPost, rowPtr, cols);
    }

    private static Connectivity csr(double[] indices, double[] indptr, int nPre, int nPost) {
        if (indptr.length != nPre + 1) {
            throw new IllegalArgumentException("indptr has " + indptr.length + " entries; " + nPre
                    + " pre neurons need " + (nPre + 1));
        }
        if (indptr[0] != 0 || indptr[nPre] != indices.length) {
            throw new IllegalArgumentException("indptr must start at 0 and end at the " + indices.length
                    + " entries of indices, got " + indptr[0] + " and " + indptr[nPre]);
        }
        long[] packed = new long[indices.length];
        for (int i = 0; i < nPre; i++) {
            if (indptr[i + 1] < indptr[i] || indptr[i] != Math.rint(indptr[i])) {
                throw new IllegalArgumentException("indptr[" + (i + 1) + "] = " + indptr[i + 1]
                        + " is below indptr[" + i + "] = " + indptr[i] + " or not whole");
            }
            for (int k = (int) indptr[i]; k < (int) indptr[i + 1]; k++) {
                packed[k] = (long) i << 32 | index(indices[k], nPost, "indices", k, "post");
            }
        }
        return sorted(packed, nPre, nPost);
    }

    private static Connectivity matrix(Params p, int nPre, int nPost) {
        long[] shape = p.shape("mat");
        if (shape.length != 2 || shape[0] != nPre || shape[1] != nPost) {
            throw new IllegalArgumentException("mat has shape " + Arrays.toString(shape) + "; this projection needs ["
                    + nPre + ", " + nPost + "] (pre, post)");
        }
        double[] m = p.reals("mat");
        RowBuilder rows = new RowBuilder(nPre, nPost);
        for (int i = 0; i < nPre; i++) {
            for (int j = 0; j < nPost; j++) {
                if (m[i * nPost + j] != 0) {
                    rows.add(j);
                }
            }
            rows.endRow();
        }
        return rows.build();
    }
}
