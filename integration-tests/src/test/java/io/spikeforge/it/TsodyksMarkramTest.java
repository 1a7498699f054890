package io.spikeforge.it;

import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TsodyksMarkram, state per synapse on the CSR comms: under regular pre spiking each spike's released
 * fraction reaches the closed-form steady state r = u+ x-, and with STDP_Song2000 on the same projection
 * the weights follow exactly the rule's trajectory (the same as beside an Expon synapse) while each spike
 * delivers through the weight just updated.
 */
class TsodyksMarkramTest {

    private static final double DT = 0.1;

    /** @return spike times every {@code isi} ms from 1 ms, {@code n} of them, as a YAML list */
    private static String regular(double isi, int n) {
        return IntStream.range(0, n).mapToObj(k -> String.valueOf(1.0 + k * isi)).collect(Collectors.joining(", ",
                "[", "]"));
    }

    @Test
    void theReleasedFractionReachesTheTsodyksMarkramSteadyState() {
        double isi = 25;     // 40 Hz
        int n = 200;
        double bigU = 0.2;
        double tauF = 300;
        double tauD = 150;
        Network net = Sims.run("""
                dt: 0.1
                duration: %s
                inputs:
                  - {name: src, type: SpikeTimes, size: 1, times: %s}
                populations:
                  - {name: n, size: 3, neuron: {type: Lif, V_th: 1000}}
                projections:
                  - name: tm
                    pre: src
                    post: n
                    comm: {type: EventCSRLinear, conn: All2All, weight: 0.5}
                    syn: {type: TsodyksMarkram, U: %s, tau_f: %s, tau_d: %s, tau_syn: 2}
                    out: CUBA
                monitors:
                  - {target: tm, var: u}
                  - {target: tm, var: x}
                  - {target: tm, var: g}
                """.formatted(1.0 + (n - 1) * isi + 1, regular(isi, n), bigU, tauF, tauD), 2);
        double df = Math.exp(-isi / tauF);
        double dd = Math.exp(-isi / tauD);
        double uPlus = bigU / (1 - (1 - bigU) * df);
        double xMinus = (1 - dd) / (1 - (1 - uPlus) * dd);
        // the last spike (step 10 + 250 (n - 1)) arrives one step later; u, x are recorded after that step
        int arrival = 10 + 250 * (n - 1) + 1;
        for (int syn = 0; syn < 3; syn++) {
            float u = Sims.column(net, "tm.u", syn)[arrival];
            float x = Sims.column(net, "tm.x", syn)[arrival];
            assertEquals(uPlus, u, 1e-5, "u+ of synapse " + syn);
            assertEquals(xMinus * (1 - uPlus), x, 1e-5, "x+ of synapse " + syn);
        }
        // g: the released 0.5 r added in the arrival step to what is left of the previous spikes
        float[] g = Sims.column(net, "tm.g", 0);
        double r = uPlus * xMinus;
        double left = Math.pow(Math.exp(-DT / 2), 250);
        assertEquals(0.5 * r, g[arrival] - g[arrival - 1] * Math.exp(-DT / 2), 1e-6, "w r arrives");
        assertEquals(0.5 * r / (1 - left), g[arrival], 1e-5, "steady peak of g");
        // the first spike releases U: u rises from rest to U, x from 1
        assertEquals(bigU, Sims.column(net, "tm.u", 0)[11], 1e-7);
        assertEquals(1 - bigU, Sims.column(net, "tm.x", 0)[11], 1e-7);
    }

    /** @return 40 Hz of regular spikes from one source to three post neurons through TsodyksMarkram */
    private static String perPost(String bigU, String tauF, String tauD, String tauSyn) {
        return """
                dt: 0.1
                duration: %s
                inputs:
                  - {name: src, type: SpikeTimes, size: 1, times: %s}
                populations:
                  - {name: n, size: 3, neuron: {type: Lif, V_th: 1000}}
                projections:
                  - name: tm
                    pre: src
                    post: n
                    comm: {type: EventCSRLinear, conn: All2All, weight: 0.5}
                    syn: {type: TsodyksMarkram, U: %s, tau_f: %s, tau_d: %s, tau_syn: %s}
                    out: CUBA
                monitors:
                  - {target: tm, var: u}
                  - {target: tm, var: x}
                  - {target: tm, var: g}
                """.formatted(1.0 + 199 * 25 + 1, regular(25, 200), bigU, tauF, tauD, tauSyn);
    }

    @Test
    void eachSynapseReachesTheSteadyStateOfItsPostNeuronsValues() {
        Network net = Sims.run(perPost("\"0.2 + 0.1*i\"", "\"300 - 100*i\"", "\"150 + 50*i\"", "\"2 + i\""),
                2);
        int arrival = 10 + 250 * 199 + 1;
        for (int j = 0; j < 3; j++) {
            double bigU = (float) (0.2 + 0.1 * j);
            double df = Math.exp(-25 / (300.0 - 100 * j));
            double dd = Math.exp(-25 / (150.0 + 50 * j));
            double uPlus = bigU / (1 - (1 - bigU) * df);
            double xMinus = (1 - dd) / (1 - (1 - uPlus) * dd);
            // one pre neuron to all three: synapse j targets post neuron j
            assertEquals(uPlus, Sims.column(net, "tm.u", j)[arrival], 1e-5, "u+ of synapse " + j);
            assertEquals(xMinus * (1 - uPlus), Sims.column(net, "tm.x", j)[arrival], 1e-5, "x+ of synapse " + j);
            float[] g = Sims.column(net, "tm.g", j);
            double decay = Math.exp(-DT / (2 + j));
            assertEquals(0.5 * uPlus * xMinus, g[arrival] - g[arrival - 1] * decay, 1e-6, "w r arrives at " + j);
        }
    }

    @Test
    void valuesPerPostNeuronAllEqualGiveTheScalarFloatsBitForBit() {
        Network scalar = Sims.run(perPost("0.2", "300", "150", "2"), 1);
        Network perPost = Sims.run(perPost("\"0.2 + 0*i\"", "{type: Uniform, min_val: 300, max_val: 300}",
                "\"150\"", "\"2 + 0*i\""), 1);
        for (String v : List.of("tm.u", "tm.x", "tm.g")) {
            for (int j = 0; j < 3; j++) {
                assertArrayEquals(Sims.column(scalar, v, j), Sims.column(perPost, v, j), v + "[" + j + "]");
            }
        }
    }

    private static String stdp(String syn) {
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
                    comm: {type: EventCSRLinear, conn: All2All, weight: 0.002}
                    syn: %s
                    out: CUBA
                    plasticity: {type: STDP_Song2000, A1: 0.001, A2: 0.0011, W_min: 0, W_max: 0.004}
                monitors:
                  - {target: n, var: spike}
                  - {target: p, var: weight, every: 100}
                """.formatted(syn);
    }

    @Test
    void withStdpTheWeightsFollowTheRuleAndEachSpikeDeliversThroughThem() {
        // The plastic input is too weak to move the post spikes (the drive makes them), so the rule sees
        // the same spikes beside either synapse and must give the same weights.
        Network tm = Sims.run(stdp("{type: TsodyksMarkram, U: 0.3, tau_f: 50, tau_d: 100}"), 2);
        Network expon = Sims.run(stdp("Expon"), 1);
        assertArrayEquals(Sims.spikes(expon, "n.spike"), Sims.spikes(tm, "n.spike"), "the same post spikes");
        float[] wTm = new float[160];
        float[] wExpon = new float[160];
        tm.projection("p").comm().copyWeights(wTm);
        expon.projection("p").comm().copyWeights(wExpon);
        assertArrayEquals(wExpon, wTm, "STDP's weights do not depend on the synapse model");
        double changed = 0;
        for (int k = 0; k < wTm.length; k++) {
            changed += Math.abs(wTm[k] - 0.002f);
        }
        assertTrue(changed > 0.01, "STDP moved the weights: " + changed);
    }

    @Test
    void itRefusesAlignPre() {
        String base = """
                dt: 0.1
                duration: 1
                inputs:
                  - {name: src, type: PoissonSpikes, size: 2, rate: 10}
                populations:
                  - {name: n, size: 2, neuron: LifRef}
                projections:
                  - %s
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> Sims.ENGINE.parse(base.formatted("{name: p,"
                + " pre: src, post: n, align: pre, comm: {type: EventCSRLinear, conn: All2All, weight: 0.1}, syn: TsodyksMarkram,"
                + " out: CUBA}"), "bad.yaml", Overrides.NONE));
        assertEquals(List.of("projections[0].align: TsodyksMarkram keeps its state per synapse and delivers the"
                + " spikes itself, so it aligns post; leave align out or set it to post"),
                e.errors().stream().map(ConfigError::toString).toList());
    }
}
