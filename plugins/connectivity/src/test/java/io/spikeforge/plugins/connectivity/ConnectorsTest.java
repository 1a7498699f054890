package io.spikeforge.plugins.connectivity;

import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.ConnectorModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectorsTest {

    /** Params from explicit values over a model's defaults. */
    static Params params(ConnectorModel m, Object... kv) {
        Map<String, Object> v = new HashMap<>();
        for (ParamSpec s : m.parameters()) {
            if (s.defaultValue() != null) {
                v.put(s.name(), s.defaultValue());
            }
        }
        for (int i = 0; i < kv.length; i += 2) {
            v.put((String) kv[i], kv[i + 1]);
        }
        return new Params() {
            public double real(String n) {
                return ((Number) v.get(n)).doubleValue();
            }

            public int integer(String n) {
                return ((Number) v.get(n)).intValue();
            }

            public boolean bool(String n) {
                return (Boolean) v.get(n);
            }

            public double[] reals(String n) {
                return (double[]) v.get(n);
            }

            public boolean has(String n) {
                return v.containsKey(n);
            }
        };
    }

    static BuildContext seeded(long seed) {
        return new BuildContext() {
            public double dt() {
                return 0.1;
            }

            public String owner() {
                return "test";
            }

            public long seed() {
                return seed;
            }

            public int[] clock() {
                return new int[1];
            }

            public float[] floats(String variable, int size, float initial) {
                return new float[size];
            }

            public int[] ints(String variable, int size, int initial) {
                return new int[size];
            }
        };
    }

    @Test
    void fixedProbIsReproducibleHasTheExpectedCountAndNoSelfPairsWhenAsked() {
        ConnectorModel m = new Connectors.FixedProb();
        Connectivity a = m.connect(params(m, "prob", 0.02, "allow_self", false), seeded(5), 2000, 2000, true);
        Connectivity b = m.connect(params(m, "prob", 0.02, "allow_self", false), seeded(5), 2000, 2000, true);
        Connectivity c = m.connect(params(m, "prob", 0.02, "allow_self", false), seeded(6), 2000, 2000, true);
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
        Connectivity conn = m.connect(params(m, "num", 80), seeded(1), 500, 300, false);
        // Drawn in parallel, column by column from per-column generators: the same network every time.
        Connectivity again = m.connect(params(m, "num", 80), seeded(1), 500, 300, false);
        assertArrayEquals(conn.rowPtr(), again.rowPtr());
        assertArrayEquals(conn.cols(), again.cols());
        int[] inDegree = new int[300];
        for (int c : conn.cols()) {
            inDegree[c]++;
        }
        for (int d : inDegree) {
            assertEquals(80, d);
        }
        assertThrows(IllegalArgumentException.class, () -> m.connect(params(m, "num", 501), seeded(1), 500, 300, false));
    }

    @Test
    void fixedPostNumGivesEveryPreExactlyNumDistinctPosts() {
        ConnectorModel m = new Connectors.FixedPostNum();
        Connectivity conn = m.connect(params(m, "num", 10, "allow_self", false), seeded(2), 50, 50, true);
        assertArrayEquals(conn.cols(), m.connect(params(m, "num", 10, "allow_self", false), seeded(2), 50, 50, true).cols());
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
        assertEquals(12, all.connect(params(all), seeded(0), 4, 3, false).synapses());
        assertEquals(12, all.connect(params(all, "allow_self", false), seeded(0), 4, 4, true).synapses());
        ConnectorModel one = new Connectors.One2One();
        assertArrayEquals(new int[] {0, 1, 2}, one.connect(params(one), seeded(0), 3, 3, false).cols());
        assertThrows(IllegalArgumentException.class, () -> one.connect(params(one), seeded(0), 3, 4, false));
    }

    @Test
    void connectivityRefusesDuplicatePairs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Connectivity(1, 3, new int[] {0, 2}, new int[] {1, 1}));
        assertEquals("row 0 repeats or misorders post 1 (duplicate pairs are not allowed)", e.getMessage());
    }
}
