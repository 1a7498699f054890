package io.spikeforge.plugins.connectivity;

import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.ConnectorModel;
import io.spikeforge.spi.InitializerModel;
import io.spikeforge.spi.testing.ModelParams;
import org.junit.jupiter.api.Test;

import static io.spikeforge.plugins.connectivity.ConnectorsTest.seeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** GaussianDecay and DOGDecay: every synapse's weight from its pre-post distance, exactly. */
class DecayInitializersTest {

    private static Connectivity all(int n) {
        ConnectorModel m = new Connectors.All2All();
        return m.connect(ModelParams.of(m), seeded(1), n, n, true);
    }

    @Test
    void gaussianDecayOnAPeriodicGridIsMaxWTimesTheGaussianOfTheShortestDistance() {
        InitializerModel m = new DecayInitializers(false);
        Connectivity c = all(30);
        float[] w = new float[c.synapses()];
        m.fillSynapses(ModelParams.of(m, "sigma", 1.5, "max_w", 2.0, "grid", new double[] {5, 6},
                "periodic_boundary", true), w, 0, 0, c);
        int[] rows = c.rowsOfSynapses();
        int zeros = 0;
        for (int k = 0; k < w.length; k++) {
            int i = rows[k];
            int j = c.cols()[k];
            int dx = Math.abs(i / 6 - j / 6);
            int dy = Math.abs(i % 6 - j % 6);
            dx = Math.min(dx, 5 - dx);
            dy = Math.min(dy, 6 - dy);
            double expected = 2 * Math.exp(-(dx * dx + dy * dy) / (2 * 1.5 * 1.5));
            expected = expected < 0.01 ? 0 : expected;
            zeros += expected == 0 ? 1 : 0;
            assertEquals((float) expected, w[k], 0f, "pair " + i + " -> " + j);
        }
        assertEquals(0, zeros, "on a 5 x 6 torus no pair lies far enough for w < 0.005 max_w");
        float[] cut = new float[c.synapses()];
        m.fillSynapses(ModelParams.of(m, "sigma", 1.0, "max_w", 1.0, "min_w", 0.5, "grid", new double[] {5, 6}), cut, 0,
                0, c);
        // Distance 1: exp(-1/2) = 0.61 stays; distance sqrt(2): exp(-1) = 0.37 is cut.
        assertEquals((float) Math.exp(-0.5), cut[1], 0f, "0 -> 1");
        assertEquals(0f, cut[7], 0f, "0 -> 7, diagonal");
    }

    @Test
    void dogDecayIsTheDifferenceOfTwoGaussiansAtPositions() {
        InitializerModel m = new DecayInitializers(true);
        Connectivity c = all(3);
        float[] w = new float[c.synapses()];
        double[] pos = {0, 1, 3};
        m.fillSynapses(ModelParams.of(m, "sigma1", 1.0, "sigma2", 2.0, "max_w1", 1.0, "max_w2", 0.6, "dims", 1,
                "pre_positions", pos, "post_positions", pos), w, 0, 0, c);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double d2 = (pos[i] - pos[j]) * (pos[i] - pos[j]);
                double expected = Math.exp(-d2 / 2) - 0.6 * Math.exp(-d2 / 8);
                assertEquals((float) expected, w[3 * i + j], 0f, i + " -> " + j);
            }
        }
        assertEquals(0.4f, w[0], 1e-7f, "at distance 0: max_w1 - max_w2");
    }

    @Test
    void outsideAProjectionItSaysWhereItBelongs() {
        InitializerModel m = new DecayInitializers(false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fill(ModelParams.of(m, "grid", new double[] {2}), new float[2], 0));
        assertEquals("weights from the distance between pre and post neurons initialize a projection's weight only,"
                + " not a state variable", e.getMessage());
    }
}
