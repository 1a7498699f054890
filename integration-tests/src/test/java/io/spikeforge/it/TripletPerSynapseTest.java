package io.spikeforge.it;

import io.spikeforge.core.sim.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TripletSTDP with its amplitudes per synapse: values all equal give the scalar form's weights bit for bit in a
 * random network, and distinct values act per synapse against the closed form (three pre neurons spiking
 * together into one post neuron: three synapses, each with its own pair and triplet amplitudes).
 */
class TripletPerSynapseTest {

    private static final double TAU_PLUS = 16.8;
    private static final double TAU_MINUS = 33.7;
    private static final double TAU_Y = 125;

    private static float[] run(String comm, String preTimes, String kickTimes, int postSpikes, String rule) {
        Network net = Packs.run("""
                dt: 0.1
                duration: 250
                inputs:
                  - {name: pre_src, type: SpikeTimes, size: 3, times: %1$s, indices: [0, 1, 2]}
                  - {name: kick, type: SpikeTimes, size: 1, times: %2$s}
                populations:
                  - {name: post, size: 1, neuron: {type: LifRef, tau_ref: 5}}
                projections:
                  - {name: drive, pre: kick, post: post, comm: {type: EventCSRLinear, conn: All2All, weight: 3000},
                     syn: {type: Expon, tau: 0.1}, out: CUBA}
                  - {name: plastic, pre: pre_src, post: post, comm: {type: %3$s, conn: All2All, weight: 0.05},
                     syn: {type: Expon, tau: 5}, out: CUBA, plasticity: %4$s}
                monitors:
                  - {target: post, var: spike}
                """.formatted(preTimes, kickTimes, comm, rule).replace("\n                     ", " "), 1);
        assertTrue(Sims.spikes(net, "post.spike").length == 2 * postSpikes, "the post neuron fires " + postSpikes
                + " times");
        return Sims.weights(net, "plastic");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EventCSRLinear", "Dense"})
    void eachSynapseTakesItsOwnPairAndTripletAmplitudes(String comm) {
        String rule = "{type: TripletSTDP, A2_plus: \"0.001*(1 + i)\", A3_plus: \"0.002*i\", A2_minus: \"0.0005*(1 + i)\","
                + " A3_minus: 0}";
        // pre at 100 ms, post at 105 and 115 ms: the first post spike potentiates by A2+ r1(5 ms); the second by
        // r1(15 ms) (A2+ + A3+ o2), o2 the slow post trace of the first just before it
        float[] up = run(comm, "[100.0, 100.0, 100.0]", "[104.9, 114.9]", 2, rule);
        // post at 100 ms, pre at 110 ms: depression by A2- o1(10 ms)
        float[] down = run(comm, "[110.0, 110.0, 110.0]", "[99.9]", 1, rule);
        for (int k = 0; k < 3; k++) {
            double a2p = (float) (0.001 * (1 + k));
            double a3p = (float) (0.002 * k);
            double a2m = (float) (0.0005 * (1 + k));
            double expectedUp = a2p * Math.exp(-5 / TAU_PLUS)
                    + Math.exp(-15 / TAU_PLUS) * (a2p + a3p * Math.exp(-10 / TAU_Y));
            PlasticityRulesTest.assertChange(expectedUp, up[k] - 0.05f, 0.05, comm + ", synapse " + k + " up");
            PlasticityRulesTest.assertChange(-a2m * Math.exp(-10 / TAU_MINUS), down[k] - 0.05f, 0.05,
                    comm + ", synapse " + k + " down");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"EventCSRLinear", "Dense"})
    void valuesAllEqualGiveTheScalarWeightsBitForBit(String comm) {
        String rule = "{type: TripletSTDP, A2_plus: %s, A3_plus: %s, A2_minus: %s, A3_minus: %s, W_min: %s, W_max: %s}";
        Network one = Packs.run(Sims.plasticNetwork(rule.formatted("0.001", "0.004", "0.003", "0.0005", "0", "0.1"))
                .replace("EventCSRLinear", comm), 1);
        Network many = Packs.run(Sims.plasticNetwork(rule.formatted("\"0.001 + 0*i\"",
                "{type: Uniform, min_val: 0.004, max_val: 0.004}", "\"0.003\"", "\"0.0005 + 0*i/N\"", "\"0*i\"",
                "\"0.1\"")).replace("EventCSRLinear", comm), 2);
        float[] w = Sims.weights(one, "p");
        assertArrayEquals(w, Sims.weights(many, "p"));
        assertArrayEquals(Sims.spikes(one, "n.spike"), Sims.spikes(many, "n.spike"));
        float[] w0 = one.projection("p").initialWeights();
        assertTrue(java.util.stream.IntStream.range(0, w.length).filter(k -> w[k] != w0[k]).count() > w.length / 10,
                "the weights moved");
    }
}
