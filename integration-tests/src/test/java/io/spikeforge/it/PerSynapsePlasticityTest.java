package io.spikeforge.it;

import io.spikeforge.core.sim.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * STDP_Song2000 with A1, A2, W_min and W_max given per synapse (an initializer or an expression of the
 * synapse's index i), as neuron parameters are given per neuron: values that are all the same give the
 * scalar form's weights bit for bit on every plastic comm, and distinct values act on their own synapse.
 */
class PerSynapsePlasticityTest {

    private static final String SCALAR = "{type: STDP_Song2000, A1: 0.01, A2: 0.0105, W_min: 0, W_max: 0.1}";
    private static final String UNIFORM = "{type: STDP_Song2000, A1: {type: Constant, value: 0.01}, A2: '0.0105 + 0*i',"
            + " W_min: 0, W_max: {type: Uniform, min_val: 0.1, max_val: 0.1}}";

    private static String network(String comm, String rule) {
        return Sims.plasticNetwork(rule).replace("type: EventCSRLinear", "type: " + comm);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"EventCSRLinear", "CSRLinear", "Dense"})
    void uniformValuesPerSynapseGiveTheScalarFormsWeightsAndSpikes(String comm) {
        Network scalar = Sims.run(network(comm, SCALAR), 1);
        Network perSynapse = Sims.run(network(comm, UNIFORM), 1);
        float[] w = Sims.weights(scalar, "p");
        assertArrayEquals(w, Sims.weights(perSynapse, "p"), "weights");
        assertArrayEquals(Sims.spikes(scalar, "n.spike"), Sims.spikes(perSynapse, "n.spike"), "spikes");
        assertArrayEquals(w, Sims.weights(Sims.run(network(comm, UNIFORM), 2), "p"), "on 2 threads");
        // The rule did act: the weights moved, some to each bound.
        Network initial = Sims.run(network(comm, SCALAR).replace("duration: 300", "duration: 0.1"), 1);
        assertFalse(java.util.Arrays.equals(w, Sims.weights(initial, "p")), "STDP changed the weights");
    }

    @Test
    void drawnAmplitudesGiveOtherWeightsThanTheirMeanAndTheSameOnEveryComm() {
        String drawn = "{type: STDP_Song2000, A1: {type: Uniform, min_val: 0.005, max_val: 0.015}, A2: 0.0105,"
                + " W_min: 0, W_max: 0.1}";
        float[] event = Sims.weights(Sims.run(network("EventCSRLinear", drawn), 1), "p");
        assertArrayEquals(event, Sims.weights(Sims.run(network("CSRLinear", drawn), 2), "p"), "CSRLinear");
        assertArrayEquals(event, Sims.weights(Sims.run(network("Dense", drawn), 1), "p"), "Dense");
        assertFalse(java.util.Arrays.equals(event, Sims.weights(Sims.run(network("EventCSRLinear", SCALAR), 1), "p")));
    }

    /**
     * Two pre neurons onto one post neuron (All2All: synapse 0 from pre 0, synapse 1 from pre 1), both pre
     * neurons spiking at 200 ms and 1210 ms, the post neuron made to fire at 210 ms and 1200 ms, with
     * A1 = 0.5 (1 + i), A2 = 0.3 (1 + i) and W_max = 0.2 + 10 i: synapse 0 is potentiated to its bound 0.2,
     * synapse 1 by its own A1 without reaching its bound, and each is depressed by its own A2:
     * w_k = clip(A1_k (e^(-10/tau_s) + e^(-1000/tau_s))) - A2_k (e^(-10/tau_t) + e^(-1000/tau_t)).
     */
    @Test
    void eachSynapseLearnsWithItsOwnAmplitudesAndBound() {
        double tauS = 16.8;
        double tauT = 33.7;
        String yaml = """
                dt: 0.1
                duration: 1230
                inputs:
                  - {name: pre_src, type: SpikeTimes, size: 2, times: [200, 200, 1210, 1210], indices: [0, 1, 0, 1]}
                  - {name: kick, type: SpikeTimes, size: 1, times: [209.9, 1199.9]}
                populations:
                  - {name: post, size: 1, neuron: {type: LifRef, tau_ref: 5}}
                projections:
                  - name: drive
                    pre: kick
                    post: post
                    comm: {type: EventCSRLinear, conn: All2All, weight: 3000}
                    syn: {type: Expon, tau: 0.1}
                    out: CUBA
                  - name: plastic
                    pre: pre_src
                    post: post
                    comm: {type: EventCSRLinear, conn: All2All, weight: 0}
                    syn: {type: Expon, tau: 5}
                    out: CUBA
                    plasticity: {type: STDP_Song2000, tau_s: 16.8, tau_t: 33.7, A1: '0.5*(1 + i)', A2: '0.3*(1 + i)',
                                 W_max: '0.2 + 10*i'}
                monitors:
                  - {target: post, var: spike}
                """;
        Network net = Sims.run(yaml, 1);
        int[] spikes = Sims.spikes(net, "post.spike");
        assertArrayEquals(new int[] {2100, 0, 12000, 0}, spikes, "the post neuron fires at 210 and 1200 ms");
        double pre = Math.exp(-10 / tauS) + Math.exp(-1000 / tauS);
        double post = Math.exp(-10 / tauT) + Math.exp(-1000 / tauT);
        double w0 = Math.min(0.5 * pre, 0.2) - 0.3 * post;
        double w1 = Math.min(1.0 * pre, 10.2) - 0.6 * post;
        float[] w = Sims.weights(net, "plastic");
        assertEquals(w0, w[0], 1e-5 * Math.abs(w0), "synapse 0: capped at its W_max, then depressed by its A2");
        assertEquals(w1, w[1], 1e-5 * Math.abs(w1), "synapse 1: its own A1 and A2");
    }
}
