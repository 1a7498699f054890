package io.spikeforge.it.validation;

import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import io.spikeforge.it.Sims;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed's STDPNet (examples/stdp_net.yaml) checked value by value against what the documented step
 * order implies. Spike times of the pre neuron follow from the LIF solution; the traces, the weight and
 * the conductance then follow from the spike steps alone, event by event.
 */
class StdpNetTraceTest {

    static final double DT = 0.1;
    static final int DELAY_STEPS = 10;           // delay: 1.0 ms
    static final double TAU = 10, V_TH = 20, V_RESET = -5, DRIVE = 30;   // LifRef defaults, 30 nA pulses
    static final double TAU_S = 16.8, TAU_T = 33.7, A1 = 0.96, A2 = 0.53, TAU_SYN = 5;

    static Network net;
    static int[] preSpikes;
    static int[] postSpikes;

    @BeforeAll
    static void run() {
        net = Sims.runExample("stdp_net.yaml", Overrides.NONE, 1);
        preSpikes = steps(Sims.spikes(net, "pre.spike"));
        postSpikes = steps(Sims.spikes(net, "post.spike"));
    }

    static int[] steps(int[] pairs) {
        int[] s = new int[pairs.length / 2];
        for (int k = 0; k < s.length; k++) {
            s[k] = pairs[2 * k];
        }
        return s;
    }

    /**
     * Pre spike steps from the exact LIF solution. The pre neuron has no synaptic input: during a pulse
     * V(m) = 30 + (V0 - 30) exp(-m dt/tau) after m steps, so it first reaches 20 mV after
     * m = ceil(tau ln((30 - V0)/10) / dt) steps and spikes in step start + m - 1; after a spike it restarts
     * from -5 mV; between pulses V(m) = V0 exp(-m dt/tau).
     */
    @Test
    void preSpikesWhereTheLifSolutionCrossesThreshold() {
        double[] values = {0, 30, 0, 30, 0, 30, 0, 30, 0, 30, 0, 30, 0};
        double[] durations = {5, 15, 15, 15, 15, 15, 100, 15, 15, 15, 15, 15, 45};
        List<Integer> expected = new ArrayList<>();
        double v = 0;
        int step = 0;
        for (int k = 0; k < values.length; k++) {
            int end = step + (int) Math.round(durations[k] / DT);
            if (values[k] == 0) {
                v *= Math.exp(-(end - step) * DT / TAU);
            } else {
                while (true) {
                    int m = (int) Math.ceil(TAU * Math.log((DRIVE - v) / (DRIVE - V_TH)) / DT);
                    if (step + m > end) {
                        v = DRIVE + (v - DRIVE) * Math.exp(-(end - step) * DT / TAU);
                        break;
                    }
                    step += m;
                    expected.add(step - 1);
                    v = V_RESET;
                }
            }
            step = end;
        }
        // By hand for the first two: from V0 = 0 at step 50, m = ceil(100 ln 3) = 110, so step 159. Then from -5 mV
        // for the 40 steps left of the pulse, V = 30 - 35 exp(-0.4) = 6.539 mV, and after the 150-step gap
        // 6.539 exp(-1.5) = 1.459 mV; so m = ceil(100 ln(28.541 / 10)) = 105 from step 350: step 454.
        assertEquals(List.of(159, 454, 753, 1909, 2204, 2503), expected);
        assertEquals(expected, java.util.Arrays.stream(preSpikes).boxed().toList());
    }

    /** A_pre after step n: 1 per pre spike arriving in step p + 1 + delay, decayed since then. */
    static double aPre(int n) {
        double a = 0;
        for (int p : preSpikes) {
            int r = p + 1 + DELAY_STEPS;
            if (r <= n) {
                a += Math.exp(-(n - r) * DT / TAU_S);
            }
        }
        return a;
    }

    /** A_post after step n: 1 per post spike b &lt;= n (added after the post update), decayed since then. */
    static double aPost(int n) {
        double a = 0;
        for (int b : postSpikes) {
            if (b <= n) {
                a += Math.exp(-(n - b) * DT / TAU_T);
            }
        }
        return a;
    }

    @Test
    void tracesHoldTheirExponentialSumsAtEveryStep() {
        float[] aPre = Sims.column(net, "stdp.A_pre", 0);
        float[] aPost = Sims.column(net, "stdp.A_post", 0);
        assertEquals(3000, aPre.length);
        for (int n = 0; n < aPre.length; n++) {
            assertEquals(aPre(n), aPre[n], 1e-5 * Math.max(1e-3, aPre(n)), "A_pre after step " + n);
            assertEquals(aPost(n), aPost[n], 1e-5 * Math.max(1e-3, aPost(n)), "A_post after step " + n);
        }
        assertTrue(postSpikes.length >= 4, "the post neuron fires in its pulses: " + postSpikes.length);
    }

    /**
     * The weight after step n: the initial weight, minus A2 A_post(r - 1) for each pre arrival r &lt;= n
     * (depression reads the post trace as the previous step left it), plus A1 A_pre(b + 1) for each post
     * spike b with b + 1 &lt;= n (potentiation runs in the next step's projection, after that step's arrivals
     * were added to A_pre). The conductance is the sum of the weights delivered at each arrival, decayed.
     */
    @Test
    void weightAndConductanceFollowTheDocumentedOrder() {
        float[] w = Sims.column(net, "stdp.weight", 0);
        float[] g = Sims.column(net, "stdp.g", 0);
        double w0 = net.projection("stdp").initialWeights()[0];
        int steps = w.length;
        double[] wAfter = new double[steps];
        double current = w0;
        for (int n = 0; n < steps; n++) {
            for (int p : preSpikes) {
                if (p + 1 + DELAY_STEPS == n) {
                    current -= A2 * aPost(n - 1);
                }
            }
            for (int b : postSpikes) {
                if (b + 1 == n) {
                    current += A1 * aPre(n);
                }
            }
            wAfter[n] = current;
            assertEquals(current, w[n], 2e-6, "weight after step " + n);
        }
        int ups = 0;
        int downs = 0;
        for (int n = 1; n < steps; n++) {
            ups += w[n] > w[n - 1] ? 1 : 0;
            downs += w[n] < w[n - 1] ? 1 : 0;
        }
        assertTrue(ups > 0 && downs > 0, "the weight steps up and down: " + ups + " up, " + downs + " down");
        for (int n = 0; n < steps; n++) {
            double expected = 0;
            for (int p : preSpikes) {
                int r = p + 1 + DELAY_STEPS;
                if (r <= n) {
                    expected += wAfter[r] * Math.exp(-(n - r) * DT / TAU_SYN);
                }
            }
            assertEquals(expected, g[n], 1e-5 * Math.max(1e-2, Math.abs(expected)), "g after step " + n);
        }
    }
}
