package io.spikeforge.plugins.synapses;

import io.spikeforge.spi.OutputModel;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.testing.InMemoryBuildContext;
import io.spikeforge.spi.testing.ModelParams;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * CUBA, COBA and MgBlock through their {@code create}: each adds its current to what the post neurons
 * already receive, from g and the potential V before the post update, and leaves g and V alone.
 */
class OutputsTest {

    private static final float[] G = {0.5f, 0.25f, 0f, 2f};
    private static final float[] V = {-60f, 10f, -70f, -80f};
    private static final float[] ALREADY = {0.125f, -1f, 3f, 0f};

    /** Runs one output step over G and V into a copy of ALREADY and returns the currents. */
    private static float[] currentAfterOneStep(OutputModel model, Object... params) {
        float[] g = G.clone();
        float[] v = V.clone();
        float[] current = ALREADY.clone();
        StepTask task = model.create(ModelParams.of(model, params), new InMemoryBuildContext(0.1), g, v, current);
        assertEquals(current.length, task.size(), "one item per post neuron");
        task.run(0, task.size());
        assertArrayEquals(G, g, "g is read only");
        assertArrayEquals(V, v, "V is read only");
        return current;
    }

    @Test
    void cubaAddsGAsACurrent() {
        assertArrayEquals(new float[] {0.625f, -0.75f, 3f, 2f}, currentAfterOneStep(new Cuba()));
    }

    @Test
    void cobaAddsGTimesEMinusV() {
        // g (E - V) with E = 0: 30, -2.5, 0, 160 nA (exact in float), onto what is already there.
        assertArrayEquals(new float[] {30.125f, -3.5f, 3f, 160f}, currentAfterOneStep(new Coba()));
        // E = -80 mV, an inhibitory reversal potential: -10, -22.5, 0, 0 nA.
        assertArrayEquals(new float[] {-9.875f, -23.5f, 3f, 0f}, currentAfterOneStep(new Coba(), "E", -80.0));
    }

    @Test
    void mgBlockScalesCobaByTheMagnesiumBlockFactor() {
        double e = 0;
        double ccMg = 1.2;
        double alpha = 0.062;
        double beta = 3.57;
        float[] current = currentAfterOneStep(new MgBlock());
        for (int i = 0; i < G.length; i++) {
            double block = 1 / (1 + ccMg / beta * Math.exp(-alpha * V[i]));
            double expected = ALREADY[i] + G[i] * (e - V[i]) * block;
            assertEquals(expected, current[i], 1e-6 * Math.max(1, Math.abs(expected)), "neuron " + i);
        }
        // The block in numbers: about 0.75 at 0 mV, 0.021 at -80 mV (Jahr and Stevens 1990).
        assertEquals(0.7484, 1 / (1 + ccMg / beta), 1e-4);
        assertEquals(160 * 0.0205, current[3], 160 * 0.0005);
    }

    @Test
    void mgBlockWithoutMagnesiumIsCoba() {
        assertArrayEquals(currentAfterOneStep(new Coba(), "E", 10.0),
                currentAfterOneStep(new MgBlock(), "E", 10.0, "cc_Mg", 0.0));
    }
}
