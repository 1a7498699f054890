package io.spikeforge.it;

import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import io.spikeforge.spi.Connectivity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TsodyksMarkram with U, tau_f and tau_d per synapse ({@code per_synapse: true}), on Dense as on the sparse
 * comms, and through per-synapse delays: each synapse's u and x follow the Tsodyks-Markram recursion of its
 * own values and its own arrival steps, worked out here in double from the closed form between spikes, and
 * each post neuron's g sums w r of the synapses that reach it; the comms and 1 or 2 threads give the same
 * floats, and STDP on the same projection moves the weights as beside an Expon synapse.
 */
class TsodyksMarkramPerSynapseTest {

    private static final double DT = 0.1;
    private static final double TAU_SYN = 3;
    private static final int STEPS = 600;
    /** Spike steps of source 0 and of source 1, irregular, so that each synapse's history matters. */
    private static final int[][] SPIKES = {{20, 70, 95, 200, 220, 400}, {30, 40, 150, 165, 300, 410}};
    private static final int POST = 4;
    /** The synapses FixedProb(0.6) draws with seed 4, of 8 pairs. */
    private static final int SYNAPSES = 5;
    private static final String PARAMS = "U: \"0.1 + 0.1*i\", tau_f: \"50 + 30*i\", tau_d: \"100 - 10*i\"";

    /**
     * @return two sources onto four post neurons, each pair connected with probability 0.6 (so Dense's matrix
     *         has cells of no synapse), weights drawn per synapse
     */
    private static String network(String comm, String syn, String delay) {
        List<String> indices = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            for (int s : SPIKES[i]) {
                indices.add(String.valueOf(i));
                times.add(String.valueOf(s * DT));
            }
        }
        return """
                dt: 0.1
                duration: %s
                seed: 4
                inputs:
                  - {name: src, type: SpikeTimes, size: 2, indices: %s, times: %s}
                populations:
                  - {name: n, size: 4, neuron: {type: Lif, V_th: 1000}}
                projections:
                  - name: tm
                    pre: src
                    post: n
                    delay: %s
                    comm: {type: %s, conn: {type: FixedProb, prob: 0.6}, weight: {type: Uniform, min_val: 0.2, max_val: 1}}
                    syn: {type: TsodyksMarkram, %s, tau_syn: %s}
                    out: CUBA
                monitors:
                  - {target: tm, var: u}
                  - {target: tm, var: x}
                  - {target: tm, var: g}
                """.formatted(STEPS * DT, indices, times, delay, comm, syn, TAU_SYN);
    }

    /** The values of synapse k's U, tau_f, tau_d: its own (the expressions of i = k) or post neuron j's. */
    private static double[] values(int k, int j, boolean perSynapse) {
        int e = perSynapse ? k : j;
        return new double[] {(float) (0.1 + 0.1 * e), (float) (50 + 30 * e), (float) (100 - 10 * e)};
    }

    /**
     * Checks every synapse's u and x in every step against the recursion, and every post neuron's g: between
     * spikes u decays with tau_f and x recovers with tau_d, exactly; a spike arriving in step a sets
     * u += U (1 - u), r = u x, x -= r, and adds w r to g, which decays by exp(-dt/tau_syn) per step.
     *
     * @param delays each synapse's delay in steps (a spike of step s arrives in step s + 1 + d)
     */
    private static void checkRecursion(Network net, boolean perSynapse, short[] delays) {
        float[] w = Sims.weights(net, "tm");
        Connectivity conn = net.projection("tm").blocks().getFirst().comm().connectivity();
        assertEquals(SYNAPSES, conn.synapses());
        double[][] g = new double[POST][STEPS];
        for (int k = 0; k < SYNAPSES; k++) {
            int i = k < conn.rowPtr()[1] ? 0 : 1;
            int j = conn.cols()[k];
            double[] v = values(k, j, perSynapse);
            double u = 0;
            double x = 1;
            int last = Integer.MIN_VALUE;
            float[] uSeen = Sims.column(net, "tm.u", k);
            float[] xSeen = Sims.column(net, "tm.x", k);
            int next = 0;
            for (int n = 0; n < STEPS; n++) {
                int d = delays == null ? 0 : delays[k];
                if (next < SPIKES[i].length && SPIKES[i][next] + 1 + d == n) {
                    next++;
                    if (last != Integer.MIN_VALUE) {
                        double e = (n - last) * DT;
                        u *= Math.exp(-e / v[1]);
                        x = 1 - (1 - x) * Math.exp(-e / v[2]);
                    }
                    u += v[0] * (1 - u);
                    double r = u * x;
                    x -= r;
                    last = n;
                    g[j][n] += w[k] * r;
                }
                assertEquals(u, uSeen[n], 2e-6, "u of synapse " + k + " in step " + n);
                assertEquals(x, xSeen[n], 2e-6, "x of synapse " + k + " in step " + n);
            }
            assertEquals(SPIKES[i].length, next, "every spike reached synapse " + k);
        }
        double decay = Math.exp(-DT / TAU_SYN);
        for (int j = 0; j < POST; j++) {
            float[] seen = Sims.column(net, "tm.g", j);
            double gj = 0;
            for (int n = 0; n < STEPS; n++) {
                gj = gj * decay + g[j][n];
                assertEquals(gj, seen[n], 1e-5, "g of post neuron " + j + " in step " + n);
            }
        }
    }

    @Test
    void eachSynapseFollowsTheRecursionOfItsOwnValues() {
        for (String comm : List.of("EventCSRLinear", "Dense")) {
            Network own = Sims.run(network(comm, PARAMS + ", per_synapse: true", "0"), 1);
            checkRecursion(own, true, null);
            // Per post neuron (the default), synapses (0, j) and (1, j) share post neuron j's values: the
            // expressions then count post neurons (N = 3), and the two rows differ only by their spikes.
            Network perPost = Sims.run(network(comm, PARAMS, "0"), 1);
            checkRecursion(perPost, false, null);
            float[] a = Sims.column(own, "tm.u", SYNAPSES - 1);
            float[] b = Sims.column(perPost, "tm.u", SYNAPSES - 1);
            assertNotEquals(a[STEPS - 1], b[STEPS - 1], comm + ": the last synapse's own U is not its post neuron's");
        }
    }

    @Test
    void perSynapseDelaysDelayEachSynapsesSpikesAndItsRelease() {
        String delay = "{type: Uniform, min_val: 0, max_val: 3}";
        for (String syn : List.of("U: 0.3, tau_f: 60, tau_d: 90", PARAMS + ", per_synapse: true", PARAMS)) {
            for (String comm : List.of("EventCSRLinear", "Dense")) {
                Network net = Sims.run(network(comm, syn, delay), 1);
                short[] steps = net.projection("tm").blocks().getFirst().delaySteps();
                assertEquals(SYNAPSES, steps.length);
                assertTrue(IntStream.range(0, SYNAPSES).map(k -> steps[k]).distinct().count() >= 3,
                        "delays differ: " + java.util.Arrays.toString(steps));
                if (syn.startsWith("U: 0.3")) {
                    checkScalar(net, steps);
                } else {
                    checkRecursion(net, syn.contains("per_synapse"), steps);
                }
            }
        }
    }

    /** {@link #checkRecursion} for U 0.3, tau_f 60, tau_d 90 on every synapse, through the recursion's values. */
    private static void checkScalar(Network net, short[] steps) {
        // u of synapse k after the first spike is U, whenever it arrives: its own delay after the spike
        int[] rowPtr = net.projection("tm").blocks().getFirst().comm().connectivity().rowPtr();
        for (int k = 0; k < SYNAPSES; k++) {
            int row = k < rowPtr[1] ? 0 : 1;
            int arrival = SPIKES[row][0] + 1 + steps[k];
            float[] u = Sims.column(net, "tm.u", k);
            assertEquals(0f, u[arrival - 1], "synapse " + k + " at rest before its first arrival");
            assertEquals(0.3, u[arrival], 1e-7, "synapse " + k + " released at step " + arrival);
            float[] x = Sims.column(net, "tm.x", k);
            int second = SPIKES[row][1] + 1 + steps[k];
            double e = (second - arrival) * DT;
            double uu = 0.3 * Math.exp(-e / 60);
            uu += 0.3 * (1 - uu);
            double xx = 1 - 0.3 * Math.exp(-e / 90);
            assertEquals(uu, u[second], 1e-6, "u of synapse " + k + " after its second spike");
            assertEquals(xx - uu * xx, x[second], 1e-6, "x of synapse " + k + " after its second spike");
        }
    }

    @Test
    void theCommsAndTheThreadCountGiveTheSameFloats() {
        for (String delay : List.of("0", "{type: Uniform, min_val: 0, max_val: 3}")) {
            for (String syn : List.of("U: 0.3, tau_f: 60, tau_d: 90", PARAMS + ", per_synapse: true", PARAMS)) {
                Network reference = Sims.run(network("EventCSRLinear", syn, delay), 1);
                for (String comm : List.of("EventCSRLinear", "CSRLinear", "Dense")) {
                    Network net = Sims.run(network(comm, syn, delay), 2);
                    for (String v : List.of("tm.u", "tm.x")) {
                        for (int k = 0; k < SYNAPSES; k++) {
                            assertArrayEquals(Sims.column(reference, v, k), Sims.column(net, v, k),
                                    comm + ", " + syn + ", delay " + delay + ": " + v + "[" + k + "]");
                        }
                    }
                    for (int j = 0; j < POST; j++) {
                        assertArrayEquals(Sims.column(reference, "tm.g", j), Sims.column(net, "tm.g", j),
                                comm + ", " + syn + ", delay " + delay + ": g[" + j + "]");
                    }
                }
            }
        }
    }

    /** The spike of source 1 comes this many steps after source 0's. */
    private static final int OFFSET = 5;

    @Test
    void underRegularSpikingEachSynapseReachesTheSteadyStateOfItsOwnValues() {
        // 40 Hz from two sources (the second 0.5 ms later) onto three post neurons, U, tau_f and tau_d per
        // synapse (i = k, N = 6), tau_syn per post neuron (N = 3)
        String times = IntStream.range(0, 400).mapToObj(k -> String.valueOf(1.0 + k / 2 * 25 + (k % 2) * OFFSET * DT))
                .collect(Collectors.joining(", ", "[", "]"));
        String indices = IntStream.range(0, 400).mapToObj(k -> String.valueOf(k % 2))
                .collect(Collectors.joining(", ", "[", "]"));
        Network net = Sims.run("""
                dt: 0.1
                duration: %s
                inputs:
                  - {name: src, type: SpikeTimes, size: 2, indices: %s, times: %s}
                populations:
                  - {name: n, size: 3, neuron: {type: Lif, V_th: 1000}}
                projections:
                  - name: tm
                    pre: src
                    post: n
                    comm: {type: Dense, weight: 0.5}
                    syn: {type: TsodyksMarkram, U: "0.1 + 0.1*i", tau_f: "300 - 40*i", tau_d: "100 + 30*i",
                          tau_syn: "2 + i", per_synapse: true}
                    out: CUBA
                monitors:
                  - {target: tm, var: u}
                  - {target: tm, var: x}
                  - {target: tm, var: g}
                """.formatted(1.0 + 199 * 25 + 2, indices, times), 2);
        int arrival = 10 + 250 * 199 + 1;
        for (int k = 0; k < 6; k++) {
            int at = arrival + k / 3 * OFFSET;
            double bigU = (float) (0.1 + 0.1 * k);
            double df = Math.exp(-25 / (300.0 - 40 * k));
            double dd = Math.exp(-25 / (100.0 + 30 * k));
            double uPlus = bigU / (1 - (1 - bigU) * df);
            double xMinus = (1 - dd) / (1 - (1 - uPlus) * dd);
            assertEquals(uPlus, Sims.column(net, "tm.u", k)[at], 1e-5, "u+ of synapse " + k);
            assertEquals(xMinus * (1 - uPlus), Sims.column(net, "tm.x", k)[at], 1e-5, "x+ of synapse " + k);
            // post neuron j's g gains w r of this synapse alone in the step its source's spike arrives
            int j = k % 3;
            float[] g = Sims.column(net, "tm.g", j);
            double decay = Math.exp(-DT / (2 + j));
            assertEquals(0.5 * uPlus * xMinus, g[at] - g[at - 1] * decay, 1e-6, "w r of synapse " + k);
        }
    }

    @Test
    void valuesPerSynapseAllEqualGiveTheScalarFloatsBitForBit() {
        for (String delay : List.of("0", "{type: Uniform, min_val: 0, max_val: 3}")) {
            Network scalar = Sims.run(network("Dense", "U: 0.2, tau_f: 300, tau_d: 150", delay), 1);
            Network equal = Sims.run(network("Dense", "U: \"0.2 + 0*i\", tau_f: {type: Uniform, min_val: 300,"
                    + " max_val: 300}, tau_d: \"150\", per_synapse: true", delay), 1);
            for (String v : List.of("tm.u", "tm.x")) {
                for (int k = 0; k < SYNAPSES; k++) {
                    assertArrayEquals(Sims.column(scalar, v, k), Sims.column(equal, v, k), v + "[" + k + "]");
                }
            }
        }
    }

    private static String stdp(String comm, String syn, String delay) {
        return """
                dt: 0.1
                duration: 400
                seed: 9
                inputs:
                  - {name: src, type: PoissonSpikes, size: 40, rate: 30}
                  - {name: drive, type: PoissonSpikes, size: 20, rate: 50}
                populations:
                  - {name: n, size: 4, neuron: {type: LifRef, V_rest: -65, V_reset: -65, V_th: -55, tau: 10, tau_ref: 2}}
                projections:
                  - {name: kick, pre: drive, post: n, comm: {type: EventCSRLinear, conn: All2All, weight: 4}, syn: Expon, out: CUBA}
                  - name: p
                    pre: src
                    post: n
                    delay: %s
                    comm: {type: %s, conn: All2All, weight: 0.002}
                    syn: %s
                    out: CUBA
                    plasticity: {type: STDP_Song2000, A1: 0.001, A2: 0.0011, W_min: 0, W_max: 0.004}
                monitors:
                  - {target: n, var: spike}
                """.formatted(delay, comm, syn);
    }

    @Test
    void withStdpAndPerSynapseDelaysTheWeightsFollowTheRule() {
        // The plastic input is too weak to move the post spikes (the drive makes them), so the rule sees the
        // same spikes beside either synapse and must give the same weights, each synapse its own delay late.
        for (String delay : List.of("0", "{type: Uniform, min_val: 0.5, max_val: 4}")) {
            for (String comm : List.of("EventCSRLinear", "Dense")) {
                Network expon = Sims.run(stdp(comm, "Expon", delay), 1);
                Network tm = Sims.run(stdp(comm, "{type: TsodyksMarkram, U: \"0.1 + 0.4*i/N\", tau_f: 50, tau_d:"
                        + " {type: Uniform, min_val: 80, max_val: 120}, per_synapse: true}", delay), 2);
                assertArrayEquals(Sims.spikes(expon, "n.spike"), Sims.spikes(tm, "n.spike"), "the same post spikes");
                float[] wTm = Sims.weights(tm, "p");
                assertArrayEquals(Sims.weights(expon, "p"), wTm, comm + ", delay " + delay
                        + ": STDP's weights do not depend on the synapse model");
                double changed = 0;
                for (float v : wTm) {
                    changed += Math.abs(v - 0.002f);
                }
                assertTrue(changed > 0.01, "STDP moved the weights: " + changed);
            }
        }
    }

    @Test
    void aValuePerSynapseOutOfRangeNamesTheSynapse() {
        ConfigException e = assertThrows(ConfigException.class, () -> Sims.ENGINE.build(Sims.ENGINE.parse(
                network("EventCSRLinear", "U: \"0.5 + 0.2*i\", per_synapse: true", "0"), "bad.yaml",
                Overrides.NONE)));
        assertEquals(List.of("projections[0].syn: TsodyksMarkram: U: '0.5 + 0.2*i' gives 1.1 at synapse 3; every"
                + " value must be in [0, 1]"), e.errors().stream().map(ConfigError::toString).toList());
    }
}
