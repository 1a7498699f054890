package io.spikeforge.it;

import io.spikeforge.core.sim.Network;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inputs, connectors and initializers of issue 17 from a config: a network of all the drawn ones gives the
 * same spikes on 1 and 2 threads, and distance-based weights reach the projection exactly.
 */
class InputsAndConnectorsTest {

    private static final String NOISY = """
            dt: 0.1
            duration: 100
            seed: 21
            populations:
              - {name: E, size: 400, neuron: {type: LifRef, V_th: 10}}
            inputs:
              - {name: ou, type: OUCurrent, target: E, mean: 9, sigma: 1.5, tau: 5}
              - {name: w, type: WienerCurrent, target: E, sigma: 0.5}
              - {name: bg, type: PoissonInput, target: E, num: 50, freq: 40, weight: 0.3}
              - {name: src, type: TimedPoissonSpikes, size: 200, rates: [5, 50, 20], rate_dt: 25}
            projections:
              - {name: ff, pre: src, post: E, comm: {type: EventCSRLinear, conn: {type: FixedTotalNum, num: 4000}, weight: {type: TruncatedNormal, loc: 0.3, scale: 0.2, lower: 0}}, syn: Expon, out: CUBA}
              - {name: rec, pre: E, post: E, comm: {type: EventCSRLinear, conn: {type: SmallWorld, num_neighbor: 10, prob: 0.3}, weight: {type: Gamma, shape: 2, scale: 0.05}}, syn: Expon, out: CUBA}
              - {name: sf, pre: E, post: E, comm: {type: CSRLinear, conn: {type: ScaleFreeBA, m: 2}, weight: {type: LogNormal, mean: -3, scale: 0.5}}, syn: Expon, out: CUBA}
              - {name: sheet, pre: E, post: E, comm: {type: EventCSRLinear, conn: {type: GaussianProb, sigma: 1.5, grid: [20, 20]}, weight: {type: Clip, mean: 0.05, scale: 0.05, min_val: 0}}, syn: Expon, out: CUBA}
            monitors:
              - {name: s, target: E, var: spike}
            """;

    @Test
    void drawnInputsConnectorsAndWeightsGiveTheSameSpikesOnOneAndTwoThreads() {
        Network one = Sims.run(NOISY, 1);
        Network two = Sims.run(NOISY, 2);
        int[] a = Sims.spikes(one, "s");
        assertTrue(a.length > 100, a.length + " spikes");
        assertArrayEquals(a, Sims.spikes(two, "s"));
        assertEquals(4000, one.projection("ff").synapses(), "FixedTotalNum");
        assertEquals(4000, one.projection("rec").synapses(), "SmallWorld: N k");
        assertEquals(2 * 2 * 398, one.projection("sf").synapses(), "ScaleFreeBA: 2 m (N - m)");
        assertArrayEquals(Sims.weights(one, "rec"), Sims.weights(two, "rec"));
    }

    @Test
    void gaussianDecayWeightsOnGridNeighboursAreMaxWTimesExpMinusHalf() {
        Network net = Sims.run("""
                dt: 0.1
                duration: 1
                populations:
                  - {name: P, size: 12, neuron: LifRef}
                projections:
                  - {name: lat, pre: P, post: P, comm: {type: CSRLinear, conn: {type: GridFour, grid: [3, 4]}, weight: {type: GaussianDecay, sigma: 1, max_w: 0.8, grid: [3, 4]}}, syn: Expon, out: CUBA}
                  - {name: dog, pre: P, post: P, comm: {type: CSRLinear, conn: {type: GridEight, grid: [3, 4]}, weight: {type: DOGDecay, sigma1: 1, sigma2: 2, max_w1: 1, max_w2: 0.5, grid: [3, 4]}}, syn: Expon, out: CUBA}
                """, 1);
        float[] w = Sims.weights(net, "lat");
        // 3 x 4 grid: 2 (2 * 4 + 3 * 3) = 34 neighbour pairs, each at distance 1.
        assertEquals(34, w.length);
        for (float x : w) {
            assertEquals((float) (0.8 * Math.exp(-0.5)), x, 0f);
        }
        float[] d = Sims.weights(net, "dog");
        int[] count = new int[2];
        for (float x : d) {
            double side = Math.exp(-0.5) - 0.5 * Math.exp(-1.0 / 8);
            double diagonal = Math.exp(-1) - 0.5 * Math.exp(-2.0 / 8);
            boolean isSide = x == (float) side;
            assertTrue(isSide || x == (float) diagonal, "a side or a diagonal neighbour: " + x);
            count[isSide ? 0 : 1]++;
        }
        assertEquals(34, count[0], "side neighbours");
        assertEquals(2 * 2 * 2 * 3, count[1], "diagonal neighbours: 2 directions x 2 x 3 inner squares x 2");
    }
}
