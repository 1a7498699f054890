package io.spikeforge.plugins.connectivity;

import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.ConnectorModel;
import io.spikeforge.spi.InitializerModel;
import io.spikeforge.spi.Params;
import io.spikeforge.spi.testing.InMemoryBuildContext;
import io.spikeforge.spi.testing.ModelParams;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectorsTest {

    /** A build context with dt = 0.1 ms whose seed is {@code seed}. */
    static BuildContext seeded(long seed) {
        return new InMemoryBuildContext(0.1, "test", seed);
    }

    @Test
    void fixedProbIsReproducibleHasTheExpectedCountAndNoSelfPairsWhenAsked() {
        ConnectorModel m = new Connectors.FixedProb();
        Connectivity a = m.connect(ModelParams.of(m, "prob", 0.02, "allow_self", false), seeded(5), 2000, 2000, true);
        Connectivity b = m.connect(ModelParams.of(m, "prob", 0.02, "allow_self", false), seeded(5), 2000, 2000, true);
        Connectivity c = m.connect(ModelParams.of(m, "prob", 0.02, "allow_self", false), seeded(6), 2000, 2000, true);
        assertArrayEquals(a.cols(), b.cols());
        assertArrayEquals(a.rowPtr(), b.rowPtr());
        assertNotEquals(a.synapses(), c.synapses(), "another seed gives another network");
        double mean = 0.02 * 2000 * 1999;
        assertTrue(Math.abs(a.synapses() - mean) < 5 * Math.sqrt(mean), "synapses " + a.synapses());
        int[] rows = a.rowsOfSynapses();
        for (int k = 0; k < a.synapses(); k++) {
            assertNotEquals(rows[k], a.cols()[k], "self pair");
        }
    }

    @Test
    void fixedPreNumGivesEveryPostExactlyNumDistinctPres() {
        ConnectorModel m = new Connectors.FixedPreNum();
        Connectivity conn = m.connect(ModelParams.of(m, "num", 80), seeded(1), 500, 300, false);
        // Drawn in parallel, column by column from per-column generators: the same network every time.
        Connectivity again = m.connect(ModelParams.of(m, "num", 80), seeded(1), 500, 300, false);
        assertArrayEquals(conn.rowPtr(), again.rowPtr());
        assertArrayEquals(conn.cols(), again.cols());
        int[] inDegree = new int[300];
        for (int c : conn.cols()) {
            inDegree[c]++;
        }
        for (int d : inDegree) {
            assertEquals(80, d);
        }
        assertThrows(IllegalArgumentException.class,
                () -> m.connect(ModelParams.of(m, "num", 501), seeded(1), 500, 300, false));
    }

    @Test
    void fixedPostNumGivesEveryPreExactlyNumDistinctPosts() {
        ConnectorModel m = new Connectors.FixedPostNum();
        Connectivity conn = m.connect(ModelParams.of(m, "num", 10, "allow_self", false), seeded(2), 50, 50, true);
        assertArrayEquals(conn.cols(),
                m.connect(ModelParams.of(m, "num", 10, "allow_self", false), seeded(2), 50, 50, true).cols());
        for (int i = 0; i < 50; i++) {
            assertEquals(10, conn.rowPtr()[i + 1] - conn.rowPtr()[i]);
            for (int k = conn.rowPtr()[i]; k < conn.rowPtr()[i + 1]; k++) {
                assertNotEquals(i, conn.cols()[k]);
            }
        }
    }

    @Test
    void all2AllAndOne2OneHaveTheirShapes() {
        ConnectorModel all = new Connectors.All2All();
        assertEquals(12, all.connect(ModelParams.of(all), seeded(0), 4, 3, false).synapses());
        assertEquals(12, all.connect(ModelParams.of(all, "allow_self", false), seeded(0), 4, 4, true).synapses());
        ConnectorModel one = new Connectors.One2One();
        assertArrayEquals(new int[] {0, 1, 2}, one.connect(ModelParams.of(one), seeded(0), 3, 3, false).cols());
        assertThrows(IllegalArgumentException.class, () -> one.connect(ModelParams.of(one), seeded(0), 3, 4, false));
    }

    @Test
    void connectivityRefusesDuplicatePairs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Connectivity(1, 3, new int[] {0, 2}, new int[] {1, 1}));
        assertEquals("row 0 repeats or misorders post 1 (duplicate pairs are not allowed)", e.getMessage());
    }

    @Test
    void blocksOfRowsTogetherAreTheWholeProjection() {
        ConnectorModel prob = new Connectors.FixedProb();
        ConnectorModel pre = new Connectors.FixedPreNum();
        ConnectorModel post = new Connectors.FixedPostNum();
        ConnectorModel all = new Connectors.All2All();
        assertBlocksMatch(prob, ModelParams.of(prob, "prob", 0.05, "allow_self", false), 700, 700, true);
        assertBlocksMatch(pre, ModelParams.of(pre, "num", 30, "allow_self", false), 700, 700, true);
        assertBlocksMatch(post, ModelParams.of(post, "num", 25), 700, 400, false);
        assertBlocksMatch(all, ModelParams.of(all, "allow_self", false), 60, 60, true);
    }

    /** The blocks [0, 1), [1, 250), [250, 251), [251, n) joined row by row give connect()'s pairs. */
    private static void assertBlocksMatch(ConnectorModel m, Params p, int nPre, int nPost, boolean same) {
        Connectivity whole = m.connect(p, seeded(9), nPre, nPost, same);
        int[] bounds = {0, 1, nPre / 3, nPre / 3 + 1, nPre};
        int[] joined = new int[whole.synapses()];
        int at = 0;
        for (int b = 0; b + 1 < bounds.length; b++) {
            Connectivity block = m.connectRows(p, seeded(9), nPre, nPost, same, bounds[b], bounds[b + 1]);
            assertEquals(nPre, block.preSize(), m.name());
            for (int i = 0; i < nPre; i++) {
                int length = block.rowPtr()[i + 1] - block.rowPtr()[i];
                boolean inside = i >= bounds[b] && i < bounds[b + 1];
                assertEquals(inside ? whole.rowPtr()[i + 1] - whole.rowPtr()[i] : 0, length, m.name() + " row " + i);
            }
            System.arraycopy(block.cols(), 0, joined, at, block.synapses());
            at += block.synapses();
        }
        assertEquals(whole.synapses(), at, m.name());
        assertArrayEquals(whole.cols(), joined, m.name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.connectRows(p, seeded(9), nPre, nPost, same, 5, nPre + 1));
        assertEquals("rows [5, " + (nPre + 1) + ") are not within [0, " + nPre + ")", e.getMessage());
    }

    @Test
    void initializersStartAnywhereInTheirSequence() {
        for (InitializerModel m : new InitializerModel[] {new Initializers.Uniform(), new Initializers.Normal(),
                new Initializers.Constant()}) {
            Params p = m instanceof Initializers.Constant ? ModelParams.of(m, "value", 0.5) : ModelParams.of(m);
            float[] whole = new float[1000];
            m.fill(p, whole, 42L);
            float[] tail = new float[300];
            m.fill(p, tail, 42L, 700);
            assertArrayEquals(java.util.Arrays.copyOfRange(whole, 700, 1000), tail, m.name());
        }
    }
}
