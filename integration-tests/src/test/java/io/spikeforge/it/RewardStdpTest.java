package io.spikeforge.it;

import io.spikeforge.core.sim.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in RewardSTDP (plugins/plasticity): a pairing sets the eligibility trace, and the weight moves only while the
 * reward flows, by eta times the integral of reward times eligibility.
 */
class RewardStdpTest {

    private static final double DT = Pairings.DT;
    private static final double TAU_PRE = 20;
    private static final double TAU_POST = 20;
    private static final double TAU_E = 1000;
    private static final double ETA = 0.01;
    private static final String MONITORS = """
              - {target: plastic, var: eligibility}
              - {target: plastic, var: weight}
            """;

    private static String rule(String values, String durations) {
        return "{type: RewardSTDP, tau_pre: " + TAU_PRE + ", tau_post: " + TAU_POST + ", tau_e: " + TAU_E + ", eta: "
                + ETA + ", A_plus: 1, A_minus: 0.8, reward_values: " + values + ", reward_durations: " + durations + "}";
    }

    @ParameterizedTest(name = "t_post - t_pre = {0} ms, reward {1} from 300 to 400 ms")
    @CsvSource({"10,1", "10,-2", "-10,1", "25,0.5"})
    void theWeightChangeIsEtaTimesTheIntegralOfRewardTimesEligibility(double deltaT, double reward) {
        double tPre = 100;
        double tPost = tPre + deltaT;
        Network net = Pairings.run(new double[] {tPre}, new double[] {tPost},
                rule("[0, " + reward + ", 0]", "[300, 100, 100]"), 500, MONITORS);
        float[] e = Sims.column(net, "plastic.eligibility", 0);
        float[] w = Sims.column(net, "plastic.weight", 0);
        // The pairing reaches the eligibility one step after its later spike (spikes take a step to arrive).
        int onset = (int) Math.round(Math.max(tPre, tPost) / DT) + 1;
        double e0 = deltaT > 0 ? Math.exp(-deltaT / TAU_PRE) : -0.8 * Math.exp(deltaT / TAU_POST);
        assertEquals(0f, e[onset - 1]);
        assertEquals(e0, e[onset], 1e-5 * Math.abs(e0), "eligibility right after the pairing");
        // The trace decays by the float factor exp(-dt/tau_e) once a step.
        double perStep = (float) Math.exp(-DT / TAU_E);
        assertEquals(e[onset] * Math.pow(perStep, 1000), e[onset + 1000], 1e-5 * Math.abs(e0), "it decays with tau_e");
        for (int step = 0; step < 3000; step++) {
            assertEquals(0f, w[step], "no reward before 300 ms, no change");
        }
        double tE = onset * DT;
        double analytic = ETA * reward * e0 * TAU_E * (Math.exp(-(300 - tE) / TAU_E) - Math.exp(-(400 - tE) / TAU_E));
        // The step sum is a left Riemann sum of the integral (relative error dt / (2 tau_e) = 5e-5), and the float
        // decay factor is off exp(-dt/tau_e) by up to 3e-8, which 4000 steps compound to 1.2e-4.
        assertEquals(analytic, w[4000], 2e-4 * Math.abs(analytic), "dw = eta * integral of R e");
        assertEquals(w[4000], w[w.length - 1], "no reward after 400 ms, no change");
        assertEquals(Math.signum(reward * e0), Math.signum(w[4000]));
    }

    @Test
    void aRewardThatEndsBeforeThePairingChangesNothing() {
        Network net = Pairings.run(new double[] {100}, new double[] {110}, rule("[5, 0]", "[50, 450]"), 500, MONITORS);
        assertTrue(Sims.column(net, "plastic.eligibility", 0)[1101] > 0.5, "the pairing was eligible");
        assertEquals(0f, Sims.weights(net, "plastic")[0]);
    }

    @Test
    void eventDrivenAndDenseCommsLearnTheSameWeightsOnAnyNumberOfThreads() {
        String network = """
                dt: 0.1
                duration: 400
                seed: 9
                inputs:
                  - {name: src, type: PoissonSpikes, size: 120, rate: 30}
                populations:
                  - {name: n, size: 60, neuron: {type: LifRef, V_rest: -70, V_reset: -65, V_th: -55, tau: 10}}
                projections:
                  - name: p
                    pre: src
                    post: n
                    delay: 1.0
                    comm: {type: COMM, conn: {type: FixedProb, prob: 0.4}, weight: {type: Uniform, max_val: 0.1}}
                    syn: {type: Expon, tau: 5}
                    out: COBA
                    plasticity: {type: RewardSTDP, eta: 0.002, tau_e: 200, reward_values: [0, 1, -0.5, 1],
                                 reward_durations: [100, 100, 100, 100], W_min: 0, W_max: 0.2}
                monitors:
                  - {target: n, var: spike}
                """;
        Network csr = Packs.run(network.replace("COMM", "EventCSRLinear"), 1);
        Network dense = Packs.run(network.replace("COMM", "Dense"), 3);
        int[] spikes = Sims.spikes(csr, "n.spike");
        assertTrue(spikes.length > 100, "the post neurons fire: " + spikes.length / 2);
        assertArrayEquals(spikes, Sims.spikes(dense, "n.spike"));
        float[] w = Sims.weights(csr, "p");
        assertArrayEquals(w, Sims.weights(dense, "p"));
        float[] w0 = csr.projection("p").initialWeights();
        long moved = java.util.stream.IntStream.range(0, w.length).filter(k -> w[k] != w0[k]).count();
        assertTrue(moved > w.length / 2, "reward moved most weights: " + moved + " of " + w.length);
    }

    /** Three pre neurons spiking at 100 ms into one post neuron that fires at 110 ms: three synapses, one pairing each. */
    private static Network threePairings(String rule) {
        return Packs.run("""
                dt: 0.1
                duration: 500
                inputs:
                  - {name: pre_src, type: SpikeTimes, size: 3, times: [100.0, 100.0, 100.0], indices: [0, 1, 2]}
                  - {name: kick, type: SpikeTimes, size: 1, times: [109.9]}
                populations:
                  - {name: post, size: 1, neuron: {type: LifRef, tau_ref: 5}}
                projections:
                  - {name: drive, pre: kick, post: post, comm: {type: EventCSRLinear, conn: All2All, weight: 3000},
                     syn: {type: Expon, tau: 0.1}, out: CUBA}
                  - {name: plastic, pre: pre_src, post: post, comm: {type: EventCSRLinear, conn: All2All, weight: 0},
                     syn: {type: Expon, tau: 5}, out: CUBA, plasticity: %s}
                monitors:
                  - {target: post, var: spike}
                  - {target: plastic, var: eligibility}
                  - {target: plastic, var: weight}
                """.formatted(rule).replace("\n                     ", " "), 1);
    }

    @Test
    void eachSynapsesEligibilityTakesItsOwnAPlusAndDecaysWithItsOwnTauE() {
        Network net = threePairings(rule("[0, 1, 0]", "[300, 100, 100]").replace("tau_e: " + TAU_E,
                "tau_e: \"200 + 400*i\"").replace("A_plus: 1", "A_plus: \"1 + i\""));
        int onset = 1101;
        for (int k = 0; k < 3; k++) {
            float[] e = Sims.column(net, "plastic.eligibility", k);
            double tauE = 200 + 400 * k;
            double e0 = (1 + k) * Math.exp(-10 / TAU_PRE);
            assertEquals(e0, e[onset], 1e-5 * e0, "synapse " + k + " right after the pairing");
            double perStep = (float) Math.exp(-DT / tauE);
            assertEquals(e[onset] * Math.pow(perStep, 1000), e[onset + 1000], 1e-5 * e0, "synapse " + k + " decays with "
                    + tauE + " ms");
            double tE = onset * DT;
            double analytic = ETA * e0 * tauE * (Math.exp(-(300 - tE) / tauE) - Math.exp(-(400 - tE) / tauE));
            assertEquals(analytic, Sims.column(net, "plastic.weight", k)[4000], 2e-4 * analytic, "dw of synapse " + k);
        }
    }

    @Test
    void perSynapseValuesAllEqualGiveTheScalarFloatsBitForBit() {
        String scalar = rule("[0, 1, -0.5]", "[150, 100, 100]");
        Network one = threePairings(scalar);
        Network each = threePairings(scalar.replace("tau_e: " + TAU_E, "tau_e: {type: Uniform, min_val: 1000,"
                + " max_val: 1000}").replace("A_plus: 1", "A_plus: \"1 + 0*i\"").replace("A_minus: 0.8",
                "A_minus: \"0.8\""));
        // per-element values are floats: an eta exact in float (2^-7) is the same value both ways
        String exact = scalar.replace("eta: " + ETA, "eta: 0.0078125");
        Network learning = threePairings(exact.replace("eta: 0.0078125", "eta: \"0.0078125 + 0*i\"")
                .replace("}", ", W_min: \"-10\", W_max: {type: Uniform, min_val: 10, max_val: 10}}"));
        Network bounded = threePairings(exact.replace("}", ", W_min: -10, W_max: 10}"));
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(Sims.column(one, "plastic.eligibility", k), Sims.column(each, "plastic.eligibility", k));
            assertArrayEquals(Sims.column(one, "plastic.weight", k), Sims.column(each, "plastic.weight", k));
            assertArrayEquals(Sims.column(bounded, "plastic.weight", k), Sims.column(learning, "plastic.weight", k));
        }
        assertTrue(Sims.weights(one, "plastic")[0] > 0, "the rule learned");
    }

    @Test
    void eachSynapseLearnsAtItsOwnEtaUpToItsOwnBound() {
        Network net = threePairings(rule("[0, 1, 0]", "[300, 100, 100]").replace("eta: " + ETA, "eta: \"0.01*(1 + i)\"")
                .replace("}", ", W_max: \"0.2 + 2*i\"}"));
        int onset = 1101;
        double e0 = Math.exp(-10 / TAU_PRE);
        double tE = onset * DT;
        double perEta = e0 * TAU_E * (Math.exp(-(300 - tE) / TAU_E) - Math.exp(-(400 - tE) / TAU_E));
        float[] w = Sims.weights(net, "plastic");
        assertEquals(0.2f, w[0], 0, "synapse 0 reaches its W_max of 0.2 (unbounded it would gain " + ETA * perEta + ")");
        for (int k = 1; k < 3; k++) {
            double eta = (float) (0.01 * (1 + k));
            assertEquals(eta * perEta, w[k], 2e-4 * eta * perEta, "dw of synapse " + k + ", eta " + eta);
        }
    }
}
