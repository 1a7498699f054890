package io.spikeforge.plugins.plasticity;

import io.spikeforge.plugins.connectivity.ConnectivityPlugin;
import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.PlasticityModel;
import io.spikeforge.spi.SpikeBuffer;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.testing.InMemoryBuildContext;
import io.spikeforge.spi.testing.ModelParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * STDP_Song2000 through its {@code create}, over a real EventCSRLinear comm (all to all) that applies
 * the rule's weight updates, stepped in the engine's order (README, "The order of operations within a
 * step"): the pre spikes arriving in step n, then the rule's tasks before delivery, then the post
 * spikes of step n, then the rule's tasks after the post update.
 *
 * <p>Times are counted as the engine counts them: a spike emitted in step n arrives at the synapse in
 * step n + 1 (no axonal delay here), so "the pre spike k steps after the post spike" means emitted k
 * steps later, arriving k + 1 steps later.
 */
class StdpSong2000Test {

    private static final double DT = 0.1;
    private static final double TAU_S = 16.8;
    private static final double TAU_T = 33.7;
    private static final double A1 = 0.96;
    private static final double A2 = 0.53;
    private static final int[] NONE = {};

    /** The rule of one all-to-all projection, its comm and its two spike buffers. */
    private static final class RuleUnderTest {
        final InMemoryBuildContext context = new InMemoryBuildContext(DT, "stdp", 0);
        final SpikeBuffer pre;
        final SpikeBuffer post;
        final CommModel.Comm comm;
        final PlasticityModel.Plasticity rule;
        private final int postSize;

        RuleUnderTest(int preSize, int postSize, float initialWeight, Object... params) {
            this.postSize = postSize;
            pre = new SpikeBuffer(preSize);
            post = new SpikeBuffer(postSize);
            CommModel csr = (CommModel) new ConnectivityPlugin().models().stream()
                    .filter(m -> m.name().equals("EventCSRLinear")).findFirst().orElseThrow();
            float[] weights = new float[preSize * postSize];
            Arrays.fill(weights, initialWeight);
            comm = csr.create(ModelParams.of(csr), new InMemoryBuildContext(DT, "stdp", 0), allToAll(preSize, postSize),
                    weights);
            StdpSong2000 model = new StdpSong2000();
            rule = model.create(ModelParams.of(model, params), context, comm, pre, post);
        }

        private static Connectivity allToAll(int preSize, int postSize) {
            int[] rowPtr = new int[preSize + 1];
            int[] cols = new int[preSize * postSize];
            for (int i = 0; i < preSize; i++) {
                rowPtr[i + 1] = (i + 1) * postSize;
                for (int j = 0; j < postSize; j++) {
                    cols[i * postSize + j] = j;
                }
            }
            return new Connectivity(preSize, postSize, rowPtr, cols);
        }

        /** Sets a buffer's flags and ascending list to exactly {@code spiking}, as the engine keeps both. */
        private static void set(SpikeBuffer buffer, int[] spiking) {
            Arrays.fill(buffer.flags, 0);
            for (int k = 0; k < spiking.length; k++) {
                buffer.flags[spiking[k]] = 1;
                buffer.list[k] = spiking[k];
            }
            buffer.count[0] = spiking.length;
        }

        /**
         * One step: the pre spikes {@code arriving} now, the rule's tasks before delivery (which see the
         * post spikes of the previous step), the post spikes {@code postSpiking} of this step's update,
         * the tasks after the post update.
         */
        void step(int[] arriving, int[] postSpiking) {
            set(pre, arriving);
            context.run(rule.beforeDelivery().toArray(StepTask[]::new));
            set(post, postSpiking);
            context.run(rule.afterPostUpdate().toArray(StepTask[]::new));
            context.advance();
        }

        /** Runs steps without any spike. */
        void idle(int steps) {
            for (int s = 0; s < steps; s++) {
                step(NONE, NONE);
            }
        }

        float weight(int pre, int post) {
            return comm.weight(pre * postSize + post);
        }

        float aPre(int i) {
            return context.floats("A_pre")[i];
        }

        float aPost(int j) {
            return context.floats("A_post")[j];
        }
    }

    /** A trace decayed k times by a double factor and stored as a float: up to k 2^-24 relative. */
    private static double traceTolerance(int k, double expected) {
        return (k + 1) * 0x1p-24 * Math.abs(expected) + 1e-9;
    }

    @Test
    void tracesDecayWithTheirTimeConstantsAndGainOnePerSpike() {
        RuleUnderTest r = new RuleUnderTest(2, 2, 0.5f);
        assertEquals(Set.of("A_pre", "A_post"), r.context.variables());
        for (int n = 0; n <= 300; n++) {
            r.step(n == 0 || n == 10 ? new int[] {0} : NONE, n == 5 ? new int[] {1} : NONE);
            double aPre = Math.exp(-n * DT / TAU_S) + (n >= 10 ? Math.exp(-(n - 10) * DT / TAU_S) : 0);
            double aPost = n >= 5 ? Math.exp(-(n - 5) * DT / TAU_T) : 0;
            assertEquals(aPre, r.aPre(0), traceTolerance(n, aPre), "A_pre of the spiking pre, step " + n);
            assertEquals(aPost, r.aPost(1), traceTolerance(n, aPost), "A_post of the spiking post, step " + n);
            assertEquals(0f, r.aPre(1), 0f);
            assertEquals(0f, r.aPost(0), 0f);
        }
    }

    /**
     * Weight changes within 1e-5 relative, which covers the traces' rounding over up to 100 steps (6e-6),
     * plus the float sum's; one step off in the window would be off by dt / tau_s = 6e-3.
     */
    private static void assertChange(double expected, float before, float after, String what) {
        assertEquals(expected, after - (double) before, 1e-5 * Math.abs(expected) + 2 * Math.ulp(before), what);
    }

    /** Runs steps 0 to {@code last}: pre 0 arrives in step {@code preArrives}, post 0 spikes in {@code postSpikes}. */
    private static void runPair(RuleUnderTest r, int preArrives, int postSpikes, int last) {
        for (int n = 0; n <= last; n++) {
            r.step(n == preArrives ? new int[] {0} : NONE, n == postSpikes ? new int[] {0} : NONE);
        }
    }

    @ParameterizedTest(name = "pre {0} steps after post")
    @ValueSource(ints = {1, 2, 10, 50, 100})
    void aPreSpikeAfterAPostSpikeDepressesByA2ExpMinusKDtOverTauT(int k) {
        RuleUnderTest r = new RuleUnderTest(1, 1, 1f);
        int post = 3;
        int preArrives = post + k + 1;
        runPair(r, preArrives, post, preArrives - 1);
        assertEquals(1f, r.weight(0, 0), 0f, "nothing changed before the pre spike arrives");
        r.step(new int[] {0}, NONE);
        assertChange(-A2 * Math.exp(-k * DT / TAU_T), 1f, r.weight(0, 0), "the depression");
        float after = r.weight(0, 0);
        r.idle(20);
        assertEquals(after, r.weight(0, 0), 0f, "and nothing more without spikes");
    }

    @ParameterizedTest(name = "post {0} steps after pre")
    @ValueSource(ints = {1, 2, 10, 50, 100})
    void aPostSpikeAfterAPreSpikePotentiatesByA1ExpMinusKDtOverTauS(int k) {
        RuleUnderTest r = new RuleUnderTest(1, 1, 1f);
        int preArrives = 3;
        int post = preArrives - 1 + k;
        runPair(r, preArrives, post, post);
        assertEquals(1f, r.weight(0, 0), 0f, "the post spike acts on the weights in the next step");
        r.step(NONE, NONE);
        assertChange(A1 * Math.exp(-k * DT / TAU_S), 1f, r.weight(0, 0), "the potentiation");
        float after = r.weight(0, 0);
        r.idle(20);
        assertEquals(after, r.weight(0, 0), 0f, "and nothing more without spikes");
    }

    @Test
    void preAndPostSpikesEmittedInOneStepGiveA1MinusA2() {
        RuleUnderTest r = new RuleUnderTest(1, 1, 1f);
        r.step(NONE, new int[] {0});
        // The pre spike emitted with the post spike arrives now: both updates act with their traces at 1.
        r.step(new int[] {0}, NONE);
        assertChange(A1 - A2, 1f, r.weight(0, 0), "depression then potentiation in one step");
    }

    @Test
    void depressionActsOnTheArrivingRowAndPotentiationOnTheSpikingColumn() {
        RuleUnderTest r = new RuleUnderTest(2, 2, 1f);
        r.step(NONE, new int[] {0});
        r.idle(3);
        r.step(NONE, new int[] {1});
        r.idle(5);
        // Pre 0 arrives in step 10: row 0 is depressed by each post's own trace.
        r.step(new int[] {0}, NONE);
        assertChange(-A2 * Math.exp(-9 * DT / TAU_T), 1f, r.weight(0, 0), "w(0, 0)");
        assertChange(-A2 * Math.exp(-5 * DT / TAU_T), 1f, r.weight(0, 1), "w(0, 1)");
        assertEquals(1f, r.weight(1, 0), 0f, "row 1 did not spike");
        assertEquals(1f, r.weight(1, 1), 0f, "row 1 did not spike");
        // Post 1 spikes in step 13: column 1 is potentiated by each pre's own trace, in step 14.
        float w01 = r.weight(0, 1);
        float w00 = r.weight(0, 0);
        r.idle(2);
        r.step(NONE, new int[] {1});
        r.step(NONE, NONE);
        assertChange(A1 * Math.exp(-4 * DT / TAU_S), w01, r.weight(0, 1), "w(0, 1)");
        assertEquals(1f, r.weight(1, 1), 0f, "pre 1 never spiked: A_pre = 0");
        assertEquals(w00, r.weight(0, 0), 0f, "column 0 did not spike");
    }

    @Test
    void weightsAreClippedToWMinAndWMax() {
        RuleUnderTest up = new RuleUnderTest(1, 1, 1f, "W_min", 0.7, "W_max", 1.2);
        assertEquals(0.7, up.rule.wMin());
        assertEquals(1.2, up.rule.wMax());
        up.step(new int[] {0}, new int[] {0});
        up.step(NONE, NONE);
        assertEquals(1.2f, up.weight(0, 0), 0f, "1 + 0.96 exp(-dt/tau_s) clipped to W_max");
        RuleUnderTest down = new RuleUnderTest(1, 1, 1f, "W_min", 0.7, "W_max", 1.2);
        down.step(NONE, new int[] {0});
        down.step(NONE, NONE);
        down.step(new int[] {0}, NONE);
        assertEquals(0.7f, down.weight(0, 0), 0f, "1 - 0.53 exp(-dt/tau_t) clipped to W_min");
    }

    @Test
    void withinOneStepDepressionIsClippedBeforePotentiation() {
        // Post and pre emitted together: in the step the pre spike arrives, w = 1 is first depressed to
        // 1 - 0.53 = 0.47, clipped to W_min = 0.7, then potentiated to 1.66, clipped to W_max = 1.2. The
        // other order would end at W_min.
        RuleUnderTest r = new RuleUnderTest(1, 1, 1f, "W_min", 0.7, "W_max", 1.2);
        r.step(NONE, new int[] {0});
        r.step(new int[] {0}, NONE);
        assertEquals(1.2f, r.weight(0, 0), 0f);
    }

    @Test
    void withoutBoundsWeightsMayChangeSign() {
        RuleUnderTest r = new RuleUnderTest(1, 1, 0.25f);
        assertTrue(Double.isNaN(r.rule.wMin()) && Double.isNaN(r.rule.wMax()), "no bounds when unset");
        r.step(NONE, new int[] {0});
        r.step(NONE, NONE);
        r.step(new int[] {0}, NONE);
        assertChange(-A2 * Math.exp(-DT / TAU_T), 0.25f, r.weight(0, 0), "no clipping");
        assertTrue(r.weight(0, 0) < 0);
    }

    @Test
    void refusesWMinAboveWMax() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RuleUnderTest(1, 1, 1f, "W_min", 1.0, "W_max", 0.5));
        assertEquals("W_min = 1.0 is above W_max = 0.5", e.getMessage());
        RuleUnderTest equal = new RuleUnderTest(1, 1, 1f, "W_min", 0.5, "W_max", 0.5);
        equal.step(new int[] {0}, new int[] {0});
        equal.step(NONE, NONE);
        assertEquals(0.5f, equal.weight(0, 0), 0f, "W_min = W_max pins every weight there once it changes");
    }
}
