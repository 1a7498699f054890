package io.spikeforge.it;

import io.spikeforge.core.sim.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * STDP_Guetig2003 and STDP_vanRossum2000 with parameters per synapse: values all equal give the scalar form's
 * weights bit for bit in a random network, and distinct values act per synapse against each synapse's own
 * closed-form change for one pairing (three pre neurons spiking together into one post neuron: three
 * synapses, one pairing each).
 */
class PerSynapseSoftBoundTest {

    private static final double TAU = 20;

    /** Three pre neurons spiking at t_pre into one post neuron firing at t_post, with initial weight w0. */
    private static float[] threePairings(String comm, double tPre, double tPost, double w0, String rule) {
        Network net = Packs.run("""
                dt: 0.1
                duration: 250
                inputs:
                  - {name: pre_src, type: SpikeTimes, size: 3, times: [%1$s, %1$s, %1$s], indices: [0, 1, 2]}
                  - {name: kick, type: SpikeTimes, size: 1, times: [%2$s]}
                populations:
                  - {name: post, size: 1, neuron: {type: LifRef, tau_ref: 5}}
                projections:
                  - {name: drive, pre: kick, post: post, comm: {type: EventCSRLinear, conn: All2All, weight: 3000},
                     syn: {type: Expon, tau: 0.1}, out: CUBA}
                  - {name: plastic, pre: pre_src, post: post, comm: {type: %3$s, conn: All2All, weight: %4$s},
                     syn: {type: Expon, tau: 5}, out: CUBA, plasticity: %5$s}
                monitors:
                  - {target: post, var: spike}
                """.formatted(tPre, tPost - 0.1, comm, w0, rule).replace("\n                     ", " "), 1);
        assertArrayEquals(new int[] {(int) Math.round(tPost / 0.1), 0}, Sims.spikes(net, "post.spike"),
                "the post neuron fires once, at t_post");
        return Sims.weights(net, "plastic");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EventCSRLinear", "Dense"})
    void guetigTakesEachSynapsesOwnExponentAndUpperBound(String comm) {
        double w0 = 0.03125;
        double lambda = 0.5;
        String rule = "{type: STDP_Guetig2003, lambda: 0.5, mu: \"0.5*i\", W_max: \"0.0625 + 0.03125*i\","
                + " tau_plus: 20, tau_minus: 20}";
        float[] up = threePairings(comm, 100, 110, w0, rule);
        float[] down = threePairings(comm, 110, 100, w0, rule);
        for (int k = 0; k < 3; k++) {
            double mu = 0.5 * k;
            double wMax = 0.0625 + 0.03125 * k;
            double u = w0 / wMax;
            double potentiation = lambda * wMax * Math.pow(1 - u, mu) * Math.exp(-10 / TAU);
            double depression = -lambda * 1.05 * wMax * Math.pow(u, mu) * Math.exp(-10 / TAU);
            PlasticityRulesTest.assertChange(potentiation, up[k] - (float) w0, w0, comm + ", synapse " + k + " up");
            PlasticityRulesTest.assertChange(depression, down[k] - (float) w0, w0, comm + ", synapse " + k + " down");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"EventCSRLinear", "Dense"})
    void vanRossumTakesEachSynapsesOwnAmplitudes(String comm) {
        double w0 = 0.05;
        String rule = "{type: STDP_vanRossum2000, A_plus: \"0.001 * (1 + i)\", A_minus: \"0.1 + 0.1*i\"}";
        float[] up = threePairings(comm, 100, 110, w0, rule);
        float[] down = threePairings(comm, 110, 100, w0, rule);
        for (int k = 0; k < 3; k++) {
            double aPlus = (float) (0.001 * (1 + k));
            double aMinus = (float) (0.1 + 0.1 * k);
            PlasticityRulesTest.assertChange(aPlus * Math.exp(-10 / TAU), up[k] - (float) w0, w0,
                    comm + ", synapse " + k + " up");
            PlasticityRulesTest.assertChange(-aMinus * w0 * Math.exp(-10 / TAU), down[k] - (float) w0, w0,
                    comm + ", synapse " + k + " down");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{type: STDP_Guetig2003, lambda: %s, alpha: %s, mu: %s, W_min: %s, W_max: %s}",
            "{type: STDP_vanRossum2000, A_plus: %s, A_minus: %s, W_min: %s, W_max: %s}"})
    void valuesAllEqualGiveTheScalarWeightsBitForBit(String rule) {
        boolean guetig = rule.contains("Guetig");
        Object[] scalar = guetig ? new Object[] {"0.0625", "1.25", "0.5", "0", "0.125"}
                : new Object[] {"0.001953125", "0.25", "0", "0.125"};
        Object[] each = guetig ? new Object[] {"\"0.0625 + 0*i\"", "{type: Uniform, min_val: 1.25, max_val: 1.25}",
                "\"0.5\"", "\"0*i\"", "\"0.125 + 0*i/N\""}
                : new Object[] {"\"0.001953125 + 0*i\"", "\"0.25\"", "{type: Uniform, min_val: 0, max_val: 0}",
                "\"0.125\""};
        Network one = Packs.run(Sims.plasticNetwork(rule.formatted(scalar)), 1);
        Network many = Packs.run(Sims.plasticNetwork(rule.formatted(each)), 2);
        float[] w = Sims.weights(one, "p");
        assertArrayEquals(w, Sims.weights(many, "p"));
        assertArrayEquals(Sims.spikes(one, "n.spike"), Sims.spikes(many, "n.spike"));
        float[] w0 = one.projection("p").initialWeights();
        assertTrue(java.util.stream.IntStream.range(0, w.length).filter(k -> w[k] != w0[k]).count() > w.length / 10,
                "the weights moved");
        assertNotEquals(0, Sims.spikes(one, "n.spike").length);
    }
}
