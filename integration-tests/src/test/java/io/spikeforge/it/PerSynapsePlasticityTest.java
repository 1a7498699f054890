package io.spikeforge.it;

import io.spikeforge.core.arrays.NpyWriter;
import io.spikeforge.core.backend.JvmBackend;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import io.spikeforge.spi.RunListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @TempDir
    Path tmp;

    /** {@return the network built from {@code yaml} with blocks of at most {@code maxBlock} synapses, run} */
    private static Network inBlocks(String yaml, long maxBlock) {
        Network net = Sims.ENGINE.build(Sims.ENGINE.parse(yaml, "test", Overrides.NONE), maxBlock);
        Sims.ENGINE.run(net, new JvmBackend(1, 1, Sims.TILE), RunListener.NONE);
        return net;
    }

    @Test
    void aProjectionSplitIntoBlocksGetsTheValuesAndWeightsOfTheWholeOne() {
        String rule = "{type: STDP_Song2000, A1: {type: Normal, mean: 0.01, scale: 0.003}, A2: '0.0105*(0.5 + i/N)',"
                + " W_min: 0, W_max: 0.1}";
        String yaml = network("EventCSRLinear", rule);
        float[] whole = Sims.weights(Sims.run(yaml, 1), "p");
        Network split = inBlocks(yaml, 5000);
        assertTrue(split.projection("p").blocks().size() > 2, "the projection is split");
        assertArrayEquals(whole, Sims.weights(split, "p"));
    }

    @Test
    void anNpyFileGivesOneValuePerSynapseInConnectivityOrder() throws IOException {
        // Two synapses: A1 = 0.5 and 1.0 from a file give the weights of the expression 0.5*(1 + i).
        NpyWriter.writeFloat32(tmp.resolve("a1.npy"), new long[] {2}, i -> 0.5f * (1 + i));
        Path config = tmp.resolve("pair.yaml");
        Files.writeString(config, pair("A1: {npy: a1.npy}"));
        Network fromFile = Sims.ENGINE.build(Sims.ENGINE.load(config, Overrides.NONE));
        Sims.ENGINE.run(fromFile, new JvmBackend(1, 1, Sims.TILE), RunListener.NONE);
        float[] expression = Sims.weights(Sims.run(pair("A1: '0.5*(1 + i)'"), 1), "plastic");
        assertArrayEquals(expression, Sims.weights(fromFile, "plastic"));
        assertFalse(expression[0] == expression[1], "the two synapses learned differently");
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
        String yaml = pair("A1: '0.5*(1 + i)', A2: '0.3*(1 + i)', W_max: '0.2 + 10*i'");
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

    /** {@return the two-synapse pairing network with {@code values} in its STDP block} */
    private static String pair(String values) {
        return pair(values, "0");
    }

    /**
     * Two synapses with delays of 1 and 3 ms (from an .npy file) and their own A1, A2 and W_max: each sees
     * the pairings shifted by its own delay d_k, w_k = min(A1_k (e^(-(10 - d_k)/tau_s) + e^(-(1000 - d_k)/tau_s)),
     * W_max_k) - A2_k (e^(-(10 + d_k)/tau_t) + e^(-(1010 + d_k)/tau_t)), the analytic window of each synapse.
     */
    @Test
    void withPerSynapseDelaysEachSynapseHasItsOwnWindowAndAmplitudes() throws IOException {
        NpyWriter.writeFloat32(tmp.resolve("d.npy"), new long[] {2}, i -> 1 + 2 * i);
        Path config = tmp.resolve("delays.yaml");
        Files.writeString(config, pair("A1: '0.5*(1 + i)', A2: '0.3*(1 + i)', W_max: '0.2 + 10*i'", "{npy: d.npy}"));
        Network net = Sims.ENGINE.build(Sims.ENGINE.load(config, Overrides.NONE));
        Sims.ENGINE.run(net, new JvmBackend(1, 1, Sims.TILE), RunListener.NONE);
        assertArrayEquals(new int[] {2100, 0, 12000, 0}, Sims.spikes(net, "post.spike"));
        float[] w = Sims.weights(net, "plastic");
        double[] a1 = {0.5, 1.0};
        double[] a2 = {0.3, 0.6};
        double[] wMax = {0.2, 10.2};
        for (int k = 0; k < 2; k++) {
            double d = 1 + 2 * k;
            double expected = Math.min(a1[k] * (Math.exp(-(10 - d) / 16.8) + Math.exp(-(1000 - d) / 16.8)), wMax[k])
                    - a2[k] * (Math.exp(-(10 + d) / 33.7) + Math.exp(-(1010 + d) / 33.7));
            assertEquals(expected, w[k], 1e-5 * Math.abs(expected), "synapse " + k + ", delay " + d + " ms");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"EventCSRLinear", "Dense"})
    void withPerSynapseDelaysUniformValuesGiveTheScalarFormsWeights(String comm) {
        String delays = "delay: {type: Uniform, min_val: 0.5, max_val: 3}";
        float[] scalar = Sims.weights(Sims.run(network(comm, SCALAR).replace("delay: 0.5", delays), 1), "p");
        assertArrayEquals(scalar, Sims.weights(Sims.run(network(comm, UNIFORM).replace("delay: 0.5", delays), 2), "p"));
    }

    /** {@return the pairing network, the plastic projection's delay as {@code delay} gives it} */
    private static String pair(String values, String delay) {
        return """
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
                    delay: %s
                    comm: {type: EventCSRLinear, conn: All2All, weight: 0}
                    syn: {type: Expon, tau: 5}
                    out: CUBA
                    plasticity: {type: STDP_Song2000, tau_s: 16.8, tau_t: 33.7, %s}
                monitors:
                  - {target: post, var: spike}
                """.formatted(delay, values);
    }
}
