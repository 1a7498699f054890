package io.spikeforge.it;

import io.spikeforge.core.arrays.NpyWriter;
import io.spikeforge.core.backend.JvmBackend;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.RunListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code .npy} files named by model parameters, relative to the config's folder: connectivity written as pairs,
 * as CSR and as a dense matrix comes back as the same pairs, and a TimedArrayCurrent of shape (T, N) drives
 * each neuron with its own column.
 */
class NpyInputsTest {

    @TempDir
    Path dir;

    private static final int[] PRE = {0, 0, 2, 2, 3};
    private static final int[] POST = {2, 3, 0, 1, 3};

    private Network run(String yaml) throws IOException {
        Path config = dir.resolve("net.yaml");
        Files.writeString(config, yaml);
        Network net = Sims.ENGINE.build(Sims.ENGINE.load(config, Overrides.NONE));
        Sims.ENGINE.run(net, new JvmBackend(1), RunListener.NONE);
        return net;
    }

    @Test
    void connectivityFromPairsCsrAndAMatrixRoundTrips() throws IOException {
        NpyWriter.writeInt32(dir.resolve("i.npy"), new long[] {5}, k -> PRE[(int) k]);
        NpyWriter.writeInt32(dir.resolve("j.npy"), new long[] {5}, k -> POST[(int) k]);
        NpyWriter.writeInt32(dir.resolve("indices.npy"), new long[] {5}, k -> POST[(int) k]);
        NpyWriter.writeInt32(dir.resolve("indptr.npy"), new long[] {5}, k -> new int[] {0, 2, 2, 4, 5}[(int) k]);
        float[] mat = new float[16];
        for (int k = 0; k < 5; k++) {
            mat[PRE[k] * 4 + POST[k]] = 1;
        }
        NpyWriter.writeFloat32(dir.resolve("mat.npy"), new long[] {4, 4}, k -> mat[(int) k]);
        Network net = run("""
                dt: 0.1
                duration: 1
                populations:
                  - {name: P, size: 4, neuron: LifRef}
                projections:
                  - {name: ij, pre: P, post: P, comm: {type: CSRLinear, conn: {type: IJConn, i: i.npy, j: j.npy}, weight: 1}, syn: Expon, out: CUBA}
                  - {name: csr, pre: P, post: P, comm: {type: CSRLinear, conn: {type: CSRConn, indices: {npy: indices.npy}, indptr: indptr.npy}, weight: 1}, syn: Expon, out: CUBA}
                  - {name: mat, pre: P, post: P, comm: {type: CSRLinear, conn: {type: MatConn, mat: mat.npy}, weight: 1}, syn: Expon, out: CUBA}
                """);
        for (String p : new String[] {"ij", "csr", "mat"}) {
            Connectivity c = net.projection(p).connectivity();
            assertArrayEquals(new int[] {0, 2, 2, 4, 5}, c.rowPtr(), p);
            assertArrayEquals(POST, c.cols(), p);
        }
    }

    @Test
    void timedArrayFromAFileDrivesEachNeuronWithItsColumn() throws IOException {
        // Shape (2, 3), each row for 5 ms: neuron i gets 10 (i + 1) nA, then 0 from t = 5 ms on.
        NpyWriter.writeFloat32(dir.resolve("drive.npy"), new long[] {2, 3}, k -> k < 3 ? 10 * (k + 1) : 0);
        Network net = run("""
                dt: 0.1
                duration: 5
                populations:
                  - {name: P, size: 3, neuron: {type: LifRef, V_th: 1000}}
                inputs:
                  - {name: drive, type: TimedArrayCurrent, target: P, file: drive.npy, values_dt: 5}
                monitors:
                  - {name: v, target: P, var: V}
                """);
        // LifRef: tau dV/dt = -V + I with V(0) = 0: after 5 ms at constant I, V = I (1 - e^{-1/2}) (exponential
        // integration, exact for a constant input).
        for (int i = 0; i < 3; i++) {
            float[] v = Sims.column(net, "v", i);
            assertEquals(10 * (i + 1) * (1 - Math.exp(-0.5)), v[v.length - 1], 1e-3 * (i + 1), "neuron " + i);
        }
    }

    @Test
    void aMissingFileIsReportedAtItsConfigPath() throws IOException {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, """
                dt: 0.1
                duration: 1
                populations:
                  - {name: P, size: 4, neuron: LifRef}
                inputs:
                  - {name: drive, type: TimedArrayCurrent, target: P, file: nowhere.npy}
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> Sims.ENGINE.load(config, Overrides.NONE));
        assertEquals("inputs[0].file: no such file: " + dir.resolve("nowhere.npy"), e.errors().getFirst().path()
                + ": " + e.errors().getFirst().message());
    }
}
