package io.spikeforge.plugins.connectivity;

import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.ConnectorModel;
import io.spikeforge.spi.testing.ModelParams;
import org.junit.jupiter.api.Test;

import static io.spikeforge.plugins.connectivity.ConnectorsTest.seeded;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** IJConn, CSRConn and MatConn: the same pairs from each form, sorted into rows, and their refusals. */
class FileConnectorsTest {

    /** Pairs (0, 2), (0, 3), (2, 0), (2, 1), (3, 3) of 4 pre and 4 post neurons, as CSR. */
    private static final int[] ROW_PTR = {0, 2, 2, 4, 5};
    private static final int[] COLS = {2, 3, 0, 1, 3};

    private static void assertPairs(Connectivity c) {
        assertArrayEquals(ROW_PTR, c.rowPtr());
        assertArrayEquals(COLS, c.cols());
    }

    @Test
    void theThreeFormsGiveTheSamePairs() {
        ConnectorModel ij = new FileConnectors(0);
        assertPairs(ij.connect(ModelParams.of(ij, "i", new double[] {2, 0, 3, 2, 0}, "j", new double[] {1, 3, 3, 0, 2}),
                seeded(1), 4, 4, true));
        ConnectorModel csr = new FileConnectors(1);
        assertPairs(csr.connect(ModelParams.of(csr, "indices", new double[] {3, 2, 1, 0, 3}, "indptr",
                new double[] {0, 2, 2, 4, 5}), seeded(1), 4, 4, true));
        ConnectorModel mat = new FileConnectors(2);
        assertPairs(mat.connect(ModelParams.of(mat, "mat", new double[][] {{0, 0, 1, 0.5}, {0, 0, 0, 0}, {1, -2, 0, 0},
                {0, 0, 0, 3}}), seeded(1), 4, 4, true));
        assertEquals("IJConn", ij.name());
        assertEquals("CSRConn", csr.name());
        assertEquals("MatConn", mat.name());
    }

    @Test
    void badFilesAreRefusedWithWhatIsWrong() {
        ConnectorModel ij = new FileConnectors(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ij.connect(ModelParams.of(ij,
                "i", new double[] {1, 0, 1}, "j", new double[] {1, 0, 1}), seeded(1), 2, 2, false));
        assertEquals("pair (1, 1) is given twice", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ij.connect(ModelParams.of(ij, "i", new double[] {0, 5},
                "j", new double[] {1, 1}), seeded(1), 2, 2, false));
        assertEquals("i[1] = 5.0 is not a pre index in [0, 2)", e.getMessage());
        ConnectorModel csr = new FileConnectors(1);
        e = assertThrows(IllegalArgumentException.class, () -> csr.connect(ModelParams.of(csr, "indices",
                new double[] {0}, "indptr", new double[] {0, 1}), seeded(1), 2, 2, false));
        assertEquals("indptr has 2 entries; 2 pre neurons need 3", e.getMessage());
        ConnectorModel mat = new FileConnectors(2);
        e = assertThrows(IllegalArgumentException.class, () -> mat.connect(ModelParams.of(mat, "mat",
                new double[][] {{1, 0}}), seeded(1), 2, 2, false));
        assertEquals("mat has shape [1, 2]; this projection needs [2, 2] (pre, post)", e.getMessage());
    }
}
