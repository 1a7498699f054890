package io.spikeforge.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sample pack's NearestSTDP, loaded from its plugins directory: one pairing gives the pair window, and in
 * a burst only the nearest spike of the other side counts, where the all-to-all built-in sums them all.
 */
class NearestStdpTest {

    private static final double TAU_PLUS = 16.8;
    private static final double TAU_MINUS = 33.7;
    private static final String RULE = "{type: NearestSTDP, A_plus: 0.5, A_minus: 0.25}";

    @ParameterizedTest(name = "t_post - t_pre = {0} ms")
    @ValueSource(doubles = {3, -3, 15, -15, 60, -60})
    void onePairingFollowsThePairWindow(double deltaT) {
        double dw = Pairings.deltaW(Pairings.run(new double[] {100}, new double[] {100 + deltaT}, RULE));
        double expected = deltaT > 0 ? 0.5 * Math.exp(-deltaT / TAU_PLUS) : -0.25 * Math.exp(deltaT / TAU_MINUS);
        assertEquals(expected, dw, 1e-5 * Math.abs(expected));
    }

    @Test
    void aPostSpikeAfterAPreBurstPairsWithTheLastPreSpikeOnly() {
        double[] pre = {100, 105, 110};
        double[] post = {118};
        double nearest = Pairings.deltaW(Pairings.run(pre, post, RULE));
        assertEquals(0.5 * Math.exp(-8 / TAU_PLUS), nearest, 1e-5 * nearest);
        double allToAll = Pairings.deltaW(Pairings.run(pre, post, "{type: STDP_Song2000, A1: 0.5, A2: 0.25}"));
        double sum = 0.5 * (Math.exp(-8 / TAU_PLUS) + Math.exp(-13 / TAU_PLUS) + Math.exp(-18 / TAU_PLUS));
        assertEquals(sum, allToAll, 1e-5 * sum, "the all-to-all rule sums every pre spike");
    }

    @Test
    void aPreSpikeAfterAPostBurstPairsWithTheLastPostSpikeOnly() {
        double[] pre = {130};
        double[] post = {100, 110, 120};
        double dw = Pairings.deltaW(Pairings.run(pre, post, RULE));
        assertEquals(-0.25 * Math.exp(-10 / TAU_MINUS), dw, 1e-5 * 0.25 * Math.exp(-10 / TAU_MINUS));
    }
}
