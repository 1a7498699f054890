package io.spikeforge.it.validation;

import io.spikeforge.core.sim.Network;
import io.spikeforge.core.sim.ProjectionBlock;
import io.spikeforge.it.Sims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The STDP_Song2000 learning window on a projection whose synapses each have their own axonal delay,
 * drawn from a Uniform: one pre neuron reaches 24 post neurons, each through a synapse of its own
 * delay, and all post neurons fire together. For each pairing interval from -60 to +60 ms each
 * synapse's weight change must be the analytic window shifted by that synapse's own delay,
 * {@link StdpWindowTest#window}(t_post - t_pre - d_k), to one part in 1e5.
 */
class StdpSynapseDelaysWindowTest {

    static final int POSTS = 24;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"EventCSRLinear", "CSRLinear", "Dense"})
    void eachSynapsesDelayShiftsItsOwnWindow(String comm) {
        double worst = 0;
        short[] delays = null;
        for (int d = -60; d <= 60; d += 3) {
            Network net = Sims.run(config(comm, 100, 100 + d), 1);
            ProjectionBlock block = net.projection("plastic").blocks().getFirst();
            short[] steps = block.delaySteps();
            if (delays == null) {
                delays = steps.clone();
                assertTrue(Arrays.stream(toInts(steps)).distinct().count() >= 15,
                        "the delays differ: " + Arrays.toString(steps));
            }
            assertArrayEquals(delays, steps, "the same seed draws the same delays");
            float[] w = Sims.weights(net, "plastic");
            for (int k = 0; k < POSTS; k++) {
                double eff = d - steps[k] * 0.1;
                double expected = StdpWindowTest.window(eff);
                double rel = Math.abs(w[k] - expected) / Math.abs(expected);
                worst = Math.max(worst, rel);
                assertEquals(expected, w[k], 1e-5 * Math.abs(expected),
                        "t_post - t_pre = " + d + " ms, synapse " + k + ", delay " + steps[k] * 0.1 + " ms");
            }
        }
        System.out.printf(Locale.ROOT, "STDP window with per-synapse delays (%s): 41 intervals x %d synapses, worst"
                + " relative error %.2e%n", comm, POSTS, worst);
    }

    private static int[] toInts(short[] s) {
        int[] out = new int[s.length];
        for (int k = 0; k < s.length; k++) {
            out[k] = s[k];
        }
        return out;
    }

    /** One pre spike at {@code tPre}, every post neuron firing at {@code tPost} (kicked one step earlier). */
    static String config(String comm, double tPre, double tPost) {
        return String.format(Locale.ROOT, """
                dt: 0.1
                duration: %.1f
                seed: 7
                inputs:
                  - {name: pre_src, type: SpikeTimes, size: 1, times: [%.1f]}
                  - {name: kick, type: SpikeTimes, size: 1, times: [%.1f]}
                populations:
                  - {name: post, size: %d, neuron: {type: LifRef, tau_ref: 5}}
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
                    delay: {type: Uniform, min_val: 0.5, max_val: 6.0}
                    comm: {type: %s, conn: All2All, weight: 0}
                    syn: {type: Expon, tau: 5}
                    out: CUBA
                    plasticity: {type: STDP_Song2000, A1: 0.96, A2: 0.53, tau_s: 16.8, tau_t: 33.7}
                """, Math.max(tPre, tPost) + 30, tPre, tPost - 0.1, POSTS, comm);
    }
}
