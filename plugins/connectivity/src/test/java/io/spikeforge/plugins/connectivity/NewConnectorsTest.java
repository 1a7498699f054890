package io.spikeforge.plugins.connectivity;

import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.ConnectorModel;
import io.spikeforge.spi.testing.ModelParams;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.spikeforge.plugins.connectivity.ConnectorsTest.seeded;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connectors of issue 17 against exact counts and closed-form expectations: FixedTotalNum's exact count,
 * GaussianProb's and DistanceProb's expected degree (the sum of the pair probabilities), grid neighbours
 * exactly, SmallWorld's edge count and rewired fraction, ScaleFreeBA's edge count and degree tail
 * P(k >= K) = m (m + 1) / (K (K + 1)), and the directed forms' degree statistics.
 */
class NewConnectorsTest {

    private static int[] outDegree(Connectivity c) {
        int[] d = new int[c.preSize()];
        for (int i = 0; i < c.preSize(); i++) {
            d[i] = c.rowPtr()[i + 1] - c.rowPtr()[i];
        }
        return d;
    }

    private static boolean has(Connectivity c, int i, int j) {
        return Arrays.binarySearch(c.cols(), c.rowPtr()[i], c.rowPtr()[i + 1], j) >= 0;
    }

    @Test
    void fixedTotalNumMakesExactlyNumDistinctPairsUniformly() {
        ConnectorModel m = new FixedTotalNum();
        Connectivity c = m.connect(ModelParams.of(m, "num", 20000, "allow_self", false), seeded(3), 300, 200, true);
        assertEquals(20000, c.synapses(), "exactly num (the Connectivity constructor refuses duplicates)");
        int[] rows = c.rowsOfSynapses();
        double perRowSquares = 0;
        for (int k = 0; k < c.synapses(); k++) {
            assertTrue(rows[k] != c.cols()[k], "no self pair");
        }
        // Uniform over the 300 * 200 - 200 pairs: a row's count is hypergeometric, mean num * row pairs / pairs.
        double pairs = 300.0 * 200 - 200;
        int[] d = outDegree(c);
        double mean = 20000 * 199 / pairs;
        for (int i = 0; i < 200; i++) {
            perRowSquares += (d[i] - mean) * (d[i] - mean);
        }
        double q = 199 / pairs;
        double var = 20000 * q * (1 - q) * (pairs - 20000) / (pairs - 1);
        assertEquals(var, perRowSquares / 200.0, 5 * var * Math.sqrt(2.0 / 200), "variance of the row counts");
        assertArrayEquals(c.cols(), m.connect(ModelParams.of(m, "num", 20000, "allow_self", false), seeded(3), 300, 200,
                true).cols(), "the seed decides");
        Connectivity all = m.connect(ModelParams.of(m, "num", 12), seeded(1), 3, 4, false);
        assertEquals(12, all.synapses(), "every pair");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.connect(ModelParams.of(m, "num", 7, "allow_self", false), seeded(1), 3, 3, true));
        assertEquals("num = 7 exceeds the 6 available pairs", e.getMessage());
    }

    @Test
    void gaussianProbHasTheExpectedDegreeOnAPeriodicGrid() {
        ConnectorModel m = new DistanceConnectors.GaussianProb();
        double sigma = 2;
        Connectivity c = m.connect(ModelParams.of(m, "sigma", sigma, "grid", new double[] {40, 40},
                "periodic_boundary", true), seeded(4), 1600, 1600, true);
        // On a torus every neuron has the same expected degree: the sum over offsets of exp(-d^2 / (2 sigma^2)).
        double expected = 0;
        for (int dx = -20; dx < 20; dx++) {
            for (int dy = -20; dy < 20; dy++) {
                expected += Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
            }
        }
        double var = 0;
        for (int dx = -20; dx < 20; dx++) {
            for (int dy = -20; dy < 20; dy++) {
                double p = Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
                var += p * (1 - p);
            }
        }
        double total = expected * 1600;
        assertEquals(total, c.synapses(), 5 * Math.sqrt(var * 1600), "synapses");
        assertTrue(has(c, 0, 0), "p = 1 at distance 0 with allow_self");
        assertTrue(has(c, 0, 1) || has(c, 0, 40) || has(c, 0, 39), "near neighbours are likely");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.connect(ModelParams.of(m,
                "grid", new double[] {10, 10}), seeded(1), 99, 99, true));
        assertEquals("grid [10, 10] holds 100 neurons, but pre has 99 and post 99; pre and post must both fill it",
                e.getMessage());
    }

    @Test
    void distanceProbAtPositionsFollowsProbTimesTheGaussianUpToMaxDistance() {
        ConnectorModel m = new DistanceConnectors.DistanceProb();
        // 2000 pre neurons at the origin, 3 post neurons at distance 0, 1 and 3 on a line (dims 1).
        double[] pre = new double[2000];
        double[] post = {0, 1, 3};
        Connectivity c = m.connect(ModelParams.of(m, "prob", 0.5, "sigma", 1.0, "max_distance", 2.0, "dims", 1,
                "pre_positions", pre, "post_positions", post), seeded(8), 2000, 3, false);
        int[] inDegree = new int[3];
        for (int j : c.cols()) {
            inDegree[j]++;
        }
        double p1 = 0.5 * Math.exp(-0.5);
        assertEquals(1000, inDegree[0], 5 * Math.sqrt(2000 * 0.25));
        assertEquals(2000 * p1, inDegree[1], 5 * Math.sqrt(2000 * p1 * (1 - p1)));
        assertEquals(0, inDegree[2], "beyond max_distance");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.connect(ModelParams.of(m,
                "pre_positions", new double[] {0, 0, 1}, "post_positions", post), seeded(1), 2, 3, false));
        assertEquals("pre_positions has 3 values; 2 pre neurons in 2 dimensions need 4", e.getMessage());
    }

    @Test
    void distanceProbOnALargeGridWithAMaxDistanceConnectsExactlyThePairsWithinIt() {
        // 200 x 200 = 40000 neurons; only the 3 x 3 box around each is looked at, not 1.6e9 pairs. prob 1 with a
        // huge sigma: every pair within 1.5 (itself, 4 sides, 4 diagonals at sqrt 2) connects.
        ConnectorModel m = new DistanceConnectors.DistanceProb();
        Connectivity c = m.connect(ModelParams.of(m, "sigma", 1e9, "max_distance", 1.5, "grid", new double[] {200, 200}),
                seeded(1), 40000, 40000, true);
        assertEquals(40000 + 2 * (2 * 199 * 200) + 4 * 199 * 199, c.synapses());
        assertArrayEquals(new int[] {0, 1, 200, 201}, row(c, 0));
        assertArrayEquals(new int[] {200, 201, 202, 400, 401, 402, 600, 601, 602}, row(c, 401));
        // With prob 0.5 inside the box, each candidate pair draws once: about half of them.
        Connectivity half = m.connect(ModelParams.of(m, "prob", 0.5, "sigma", 1e9, "max_distance", 1.5, "grid",
                new double[] {200, 200}), seeded(1), 40000, 40000, true);
        double mean = 0.5 * c.synapses();
        assertEquals(mean, half.synapses(), 5 * Math.sqrt(mean * 0.5));
    }

    @Test
    void gridNeighboursAreExact() {
        ConnectorModel four = new GridConnectors(0);
        ConnectorModel eight = new GridConnectors(1);
        ConnectorModel gridN = new GridConnectors(2);
        double[] shape = {4, 5};
        Connectivity c4 = four.connect(ModelParams.of(four, "grid", shape), seeded(1), 20, 20, true);
        // Neuron 6 = (1, 1): (0, 1) = 1, (1, 0) = 5, (1, 2) = 7, (2, 1) = 11.
        assertArrayEquals(new int[] {1, 5, 7, 11}, row(c4, 6));
        assertArrayEquals(new int[] {1, 5}, row(c4, 0), "a corner has two");
        // 4 x 5 grid: 2 * (3 * 5 + 4 * 4) = 62 directed neighbour pairs.
        assertEquals(62, c4.synapses());
        Connectivity c8 = eight.connect(ModelParams.of(eight, "grid", shape, "periodic_boundary", true), seeded(1), 20,
                20, true);
        assertArrayEquals(new int[] {0, 1, 2, 5, 7, 10, 11, 12}, row(c8, 6));
        assertArrayEquals(new int[] {1, 4, 5, 6, 9, 15, 16, 19}, row(c8, 0), "wrapping round the torus");
        assertEquals(160, c8.synapses());
        Connectivity cn = gridN.connect(ModelParams.of(gridN, "N", 2, "grid", new double[] {7, 7}, "allow_self", true),
                seeded(1), 49, 49, true);
        assertEquals(25, row(cn, 24).length, "the centre of a 7 x 7 grid meets its 5 x 5 block, itself included");
        assertEquals(9, row(cn, 0).length, "a corner meets a 3 x 3 block");
    }

    private static int[] row(Connectivity c, int i) {
        return Arrays.copyOfRange(c.cols(), c.rowPtr()[i], c.rowPtr()[i + 1]);
    }

    @Test
    void smallWorldKeepsItsEdgesAndRewiresTheExpectedFraction() {
        ConnectorModel m = new Graphs.SmallWorld();
        int n = 10000;
        int k = 10;
        Connectivity ring = m.connect(ModelParams.of(m, "num_neighbor", k, "prob", 0.0), seeded(2), n, n, true);
        for (int d : outDegree(ring)) {
            assertEquals(k, d, "prob 0: the ring lattice");
        }
        assertArrayEquals(new int[] {9995, 9996, 9997, 9998, 9999, 1, 2, 3, 4, 5}, sortedRing(row(ring, 0)));
        double p = 0.2;
        Connectivity c = m.connect(ModelParams.of(m, "num_neighbor", k, "prob", p), seeded(2), n, n, true);
        assertEquals((long) n * k, c.synapses(), "rewiring keeps every edge: N k / 2 edges, both ways");
        long rewired = 0;
        int[] rows = c.rowsOfSynapses();
        for (int s = 0; s < c.synapses(); s++) {
            int gap = Math.floorMod(c.cols()[s] - rows[s], n);
            if (Math.min(gap, n - gap) > k / 2) {
                rewired++;
            }
            assertTrue(has(c, c.cols()[s], rows[s]), "undirected: every synapse has its reverse");
        }
        // Each of the N k / 2 edges is rewired with probability p to a node off its ring (all but ~k / N of them).
        double edges = n * k / 2.0;
        assertEquals(p * edges, rewired / 2.0, 5 * Math.sqrt(edges * p * (1 - p)) + p * edges * k / n);
    }

    private static int[] sortedRing(int[] row) {
        return Arrays.stream(row).boxed().sorted((a, b) -> Integer.compare(Math.floorMod(a - 5000, 10000),
                Math.floorMod(b - 5000, 10000))).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void scaleFreeBaHasItsEdgeCountMinimumDegreeAndPowerLawTail() {
        ConnectorModel m = new Graphs.ScaleFreeBA();
        int n = 20000;
        int edgesPerNode = 3;
        Connectivity c = m.connect(ModelParams.of(m, "m", edgesPerNode), seeded(9), n, n, true);
        assertEquals(2L * edgesPerNode * (n - edgesPerNode), c.synapses(), "m (N - m) edges, both ways");
        int[] d = outDegree(c);
        for (int i = edgesPerNode; i < n; i++) {
            assertTrue(d[i] >= edgesPerNode, "node " + i + " brought m edges");
        }
        // P(k >= K) = m (m + 1) / (K (K + 1)) for the Barabasi-Albert degree distribution (Dorogovtsev et al. 2000).
        for (int bigK : new int[] {6, 12, 24}) {
            long count = Arrays.stream(d).filter(x -> x >= bigK).count();
            double expected = n * (double) edgesPerNode * (edgesPerNode + 1) / (bigK * (bigK + 1.0));
            assertEquals(expected, count, 0.1 * expected + 5 * Math.sqrt(expected), "nodes of degree >= " + bigK);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.connect(ModelParams.of(m, "m", 2), seeded(1), 10, 12, false));
        assertEquals("ScaleFreeBA builds a graph over one population: pre and post must have the same size, got 10 pre"
                + " and 12 post neurons", e.getMessage());
    }

    private static int[] inDegree(Connectivity c) {
        int[] d = new int[c.postSize()];
        for (int j : c.cols()) {
            d[j]++;
        }
        return d;
    }

    private static double variance(int[] x, double mean) {
        double v = 0;
        for (int a : x) {
            v += (a - mean) * (a - mean);
        }
        return v / x.length;
    }

    @Test
    void directedSmallWorldRewiresEachDirectionOnItsOwnAndKeepsMeanDegreeK() {
        ConnectorModel m = new Graphs.SmallWorld();
        int n = 10000;
        int k = 10;
        double p = 0.2;
        Connectivity ring = m.connect(ModelParams.of(m, "num_neighbor", k, "prob", 0.0, "directed", true), seeded(2), n,
                n, true);
        Connectivity undirected = m.connect(ModelParams.of(m, "num_neighbor", k, "prob", 0.0), seeded(2), n, n, true);
        assertArrayEquals(undirected.rowPtr(), ring.rowPtr(), "prob 0: the ring, both ways");
        assertArrayEquals(undirected.cols(), ring.cols());
        Connectivity c = m.connect(ModelParams.of(m, "num_neighbor", k, "prob", p, "directed", true), seeded(2), n, n,
                true);
        assertEquals((long) n * k, c.synapses(), "each rewiring moves one synapse: N k in all");
        int[] rows = c.rowsOfSynapses();
        long rewired = 0;
        long reciprocal = 0;
        for (int s = 0; s < c.synapses(); s++) {
            int gap = Math.floorMod(c.cols()[s] - rows[s], n);
            assertTrue(gap != 0, "no self-connection");
            if (Math.min(gap, n - gap) > k / 2) {
                rewired++;
            }
            reciprocal += has(c, c.cols()[s], rows[s]) ? 1 : 0;
        }
        // Each of the N k ring synapses is moved off the ring with probability p (all but ~k / N of the new targets).
        double synapses = (double) n * k;
        assertEquals(p * synapses, rewired, 5 * Math.sqrt(synapses * p * (1 - p)) + p * synapses * k / n, "rewired");
        // A ring pair keeps both directions with probability q = (1 - p)^2; a rewired synapse finds its reverse only
        // by chance (~k / N).
        double q = (1 - p) * (1 - p);
        assertEquals(synapses * q, reciprocal, 5 * Math.sqrt(synapses / 2 * 4 * q * (1 - q)) + p * synapses * k / n,
                "synapses with their reverse: the graph is not symmetric");
        // A node's in-degree loses Binomial(k/2, p) ring synapses to its sources' out-rewiring and gains about
        // Poisson(p k/2) rewired ones (its out-degree alike, through the in-rewiring): mean k, variance
        // (k/2) p (1 - p) + (k/2) p = 1.8.
        double expectedVariance = k / 2.0 * p * (1 - p) + k / 2.0 * p;
        for (int[] d : new int[][] {inDegree(c), outDegree(c)}) {
            assertEquals(k, Arrays.stream(d).average().orElseThrow(), 1e-12, "mean degree");
            assertEquals(expectedVariance, variance(d, k), 0.1 * expectedVariance, "degree variance");
        }
        Connectivity und = m.connect(ModelParams.of(m, "num_neighbor", k, "prob", p), seeded(2), n, n, true);
        assertEquals(0, variance(inDegree(und), k) - variance(outDegree(und), k), 1e-12, "undirected: in = out");
    }

    @Test
    void directedScaleFreeBaKeepsTheNewNodesSynapsesOntoEarlierOnes() {
        ConnectorModel m = new Graphs.ScaleFreeBA();
        int n = 20000;
        int edgesPerNode = 3;
        Connectivity c = m.connect(ModelParams.of(m, "m", edgesPerNode, "directed", true), seeded(9), n, n, true);
        Connectivity both = m.connect(ModelParams.of(m, "m", edgesPerNode), seeded(9), n, n, true);
        assertEquals((long) edgesPerNode * (n - edgesPerNode), c.synapses(), "m (N - m) synapses, one way");
        int[] out = outDegree(c);
        int[] in = inDegree(c);
        int[] rows = c.rowsOfSynapses();
        for (int i = 0; i < n; i++) {
            assertEquals(i < edgesPerNode ? 0 : edgesPerNode, out[i], "node " + i + ": out-degree m from node m on");
        }
        for (int s = 0; s < c.synapses(); s++) {
            assertTrue(c.cols()[s] < rows[s], "a synapse goes from a new node to an earlier one");
            assertTrue(has(both, rows[s], c.cols()[s]) && has(both, c.cols()[s], rows[s]), "an edge of the undirected"
                    + " graph of the same seed");
        }
        // With its reverse it is the undirected graph: in + out is the Barabasi-Albert degree, tail m (m + 1) / (K (K + 1)).
        int[] total = new int[n];
        for (int i = 0; i < n; i++) {
            total[i] = in[i] + out[i];
        }
        assertArrayEquals(outDegree(both), total, "in + out = the undirected degree, node by node");
        for (int bigK : new int[] {6, 12, 24}) {
            long count = Arrays.stream(total).filter(x -> x >= bigK).count();
            double expected = n * (double) edgesPerNode * (edgesPerNode + 1) / (bigK * (bigK + 1.0));
            assertEquals(expected, count, 0.1 * expected + 5 * Math.sqrt(expected), "nodes of degree >= " + bigK);
        }
        assertTrue(Arrays.stream(in).max().orElseThrow() > 100, "hubs: the largest in-degree grows as m sqrt(N)");
    }
}
