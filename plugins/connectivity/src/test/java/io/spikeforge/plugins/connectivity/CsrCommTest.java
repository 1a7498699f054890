package io.spikeforge.plugins.connectivity;

import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.SpikeBuffer;
import io.spikeforge.spi.StepTask;
import io.spikeforge.spi.testing.ModelParams;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static io.spikeforge.plugins.connectivity.ConnectorsTest.seeded;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * EventCSRLinear delivers with or without a weight array (one weight for all synapses, none written):
 * the same floats either way, and the weight array whenever a weight differs or a rule may change them.
 */
class CsrCommTest {

    private static final int PRE = 400;
    private static final int POST = 300;

    private final Connectivity conn = new Connectors.FixedProb().connect(ModelParams.of(new Connectors.FixedProb(),
            "prob", 0.05), seeded(3), PRE, POST, false);

    private CommModel.Comm comm(float[] weights) {
        return new CsrComm(true).create(null, seeded(0), conn, weights);
    }

    private static float[] deliver(CommModel.Comm comm, SpikeBuffer spikes, int parts) {
        float[] target = new float[POST];
        StepTask t = comm.propagateSpikes("p", spikes, target);
        for (int p = 0; p < parts; p++) {
            t.run(POST * p / parts, POST * (p + 1) / parts);
        }
        return target;
    }

    private static SpikeBuffer spikes(Random r) {
        SpikeBuffer s = new SpikeBuffer(PRE);
        for (int i = 0; i < PRE; i++) {
            if (r.nextDouble() < 0.1) {
                s.flags[i] = 1;
                s.list[s.count[0]++] = i;
            }
        }
        return s;
    }

    /** target[j] = sum over spiking rows of their weight to j, in ascending pre order, as floats. */
    private float[] reference(float[] w, SpikeBuffer s) {
        float[] target = new float[POST];
        int[] rows = conn.rowsOfSynapses();
        for (int k = 0; k < w.length; k++) {
            if (s.flags[rows[k]] == 1) {
                target[conn.cols()[k]] += w[k];
            }
        }
        return target;
    }

    @Test
    void oneWeightForAllSynapsesGivesTheFloatsOfTheWeightArray() {
        float[] w = new float[conn.synapses()];
        Arrays.fill(w, 0.6f);
        CommModel.Comm uniform = comm(w.clone());
        Random r = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            SpikeBuffer s = spikes(r);
            float[] expected = reference(w, s);
            for (int parts : new int[] {1, 2, 7}) {
                assertArrayEquals(expected, deliver(uniform, s, parts), "uniform, " + parts + " parts");
            }
        }
    }

    @Test
    void weightsThatARuleChangesAreDeliveredAsTheyAreNow() {
        float[] w = new float[conn.synapses()];
        Arrays.fill(w, 0.6f);
        CommModel.Comm plastic = comm(w);
        Random r = new Random(9);
        SpikeBuffer pre = spikes(r);
        float[] postTrace = new float[POST];
        for (int j = 0; j < POST; j++) {
            postTrace[j] = r.nextFloat();
        }
        // The delivery task is made first, while the weights are still all the same.
        float[] target = new float[POST];
        StepTask propagate = plastic.propagateSpikes("p", pre, target);
        StepTask depress = plastic.updateRows("stdp", pre, postTrace, -0.1f, 0f, 1f);
        depress.run(0, POST);
        propagate.run(0, POST);
        float[] now = plastic.liveWeights();
        assertEquals(0.6f - 0.1f * postTrace[conn.cols()[conn.rowPtr()[pre.list[0]]]], now[conn.rowPtr()[pre.list[0]]]);
        assertArrayEquals(reference(now, pre), target);
    }

    @Test
    void aSingleDifferentWeightIsDelivered() {
        float[] w = new float[conn.synapses()];
        Arrays.fill(w, 0.6f);
        int k = w.length - 1;
        w[k] = 2.5f;
        int row = conn.rowsOfSynapses()[k];
        SpikeBuffer s = new SpikeBuffer(PRE);
        s.flags[row] = 1;
        s.list[0] = row;
        s.count[0] = 1;
        float[] target = deliver(comm(w), s, 1);
        assertEquals(2.5f, target[conn.cols()[k]]);
        assertArrayEquals(reference(w, s), target);
        // -0 and 0 add differently to a target of -0: they are two weights.
        float[] zeros = new float[conn.synapses()];
        zeros[k] = -0f;
        float[] negativeZeroTarget = new float[POST];
        Arrays.fill(negativeZeroTarget, -0f);
        StepTask t = comm(zeros).propagateSpikes("p", s, negativeZeroTarget);
        t.run(0, POST);
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(negativeZeroTarget[conn.cols()[k]]));
    }
}
