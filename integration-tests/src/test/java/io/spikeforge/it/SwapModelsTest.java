package io.spikeforge.it;

import io.spikeforge.core.sim.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One network config; swapping a model means editing one name, and each swap runs and behaves as it should. */
class SwapModelsTest {

    /** Poisson inputs through a plastic projection onto a population with a bias current; every model left at defaults. */
    private static final String NETWORK = """
            dt: 0.1
            duration: 500
            seed: 5
            inputs:
              - {name: src, type: PoissonSpikes, size: 200, rate: 20}
              - {name: bias, type: ConstantCurrent, target: exc, value: 30}
            populations:
              - {name: exc, size: 100, neuron: LifRef}
            projections:
              - name: ff
                pre: src
                post: exc
                delay: 1.0
                comm: {type: EventCSRLinear, conn: {type: FixedProb, prob: 0.2}, weight: {type: Uniform, min_val: 0.05, max_val: 0.15}}
                syn: Expon
                out: CUBA
                plasticity: {type: STDP_Song2000, A1: 0.001, A2: 0.00105, W_min: 0, W_max: 0.3}
            monitors:
              - {target: exc, var: spike}
              - {target: exc, var: V, every: 10}
              - {target: ff, var: g, every: 10}
            """;

    private static Network run(String from, String to) {
        assertEquals(1, NETWORK.split(java.util.regex.Pattern.quote(from), -1).length - 1, "'" + from + "' occurs once");
        return Sims.run(NETWORK.replace(from, to), 2);
    }

    private static double rateHz(Network net) {
        return net.group("exc").spikeTotal()[0] / 100.0 / 0.5;
    }

    private static double mean(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s / values.length;
    }

    private static float[] all(Network net, String monitor, int columns) {
        int rows = Sims.column(net, monitor, 0).length;
        float[] out = new float[rows * columns];
        for (int c = 0; c < columns; c++) {
            System.arraycopy(Sims.column(net, monitor, c), 0, out, c * rows, rows);
        }
        return out;
    }

    @ParameterizedTest(name = "LifRef -> {0}")
    @CsvSource({"LifRef,-5,20", "AdExIF,-100,-30", "Izhikevich,-100,30"})
    void neuronModelsSwapByName(String model, double vMin, double vMax) {
        Network net = run("neuron: LifRef", "neuron: " + model);
        double rate = rateHz(net);
        assertTrue(rate > 5 && rate < 200, model + " fires at " + rate + " Hz");
        for (float v : all(net, "exc.V", 100)) {
            assertTrue(v >= vMin && v <= vMax, model + ": V = " + v + " mV outside [" + vMin + ", " + vMax + "]");
        }
        float[] w = Sims.weights(net, "ff");
        float[] w0 = net.projection("ff").initialWeights();
        assertTrue(java.util.stream.IntStream.range(0, w.length).anyMatch(k -> w[k] != w0[k]), "STDP moved weights");
    }

    @Test
    void dualExponDeliversItsLargerAreaPerWeight() {
        Network expon = run("syn: Expon", "syn: Expon");
        Network dual = run("syn: Expon", "syn: DualExpon");
        // Per unit weight Expon (tau 8 ms) has area 8 ms; DualExpon (10 and 1 ms, peak normalized to 1) has
        // (10 - 1) / peak = 12.91 ms. The inputs are the same Poisson trains.
        double tPeak = 10.0 / 9 * Math.log(10);
        double dualArea = 9 / (Math.exp(-tPeak / 10) - Math.exp(-tPeak));
        double ratio = mean(all(dual, "ff.g", 100)) / mean(all(expon, "ff.g", 100));
        assertEquals(dualArea / 8, ratio, 0.05 * dualArea / 8, "mean conductance ratio");
        double rate = rateHz(dual);
        assertTrue(rate > 5 && rate < 200, "DualExpon: " + rate + " Hz");
    }

    @Test
    void cobaWithItsReversalAtRestShuntsWhereCubaExcites() {
        Network cuba = run("out: CUBA", "out: CUBA");
        Network coba = run("out: CUBA", "out: COBA");
        // COBA's default E = 0 mV lies inside LifRef's range [-5, 20] mV: the same conductances pull V towards
        // 0 instead of pushing current in, so the population fires much less.
        double rate = rateHz(coba);
        assertTrue(rate > 1 && rate < rateHz(cuba) / 2, "COBA " + rate + " Hz against CUBA " + rateHz(cuba) + " Hz");
    }

    @ParameterizedTest(name = "EventCSRLinear -> {0}")
    @CsvSource({"Dense", "CSRLinear"})
    void commLayersSwapByNameWithIdenticalSpikesAndWeights(String comm) {
        Network event = run("type: EventCSRLinear", "type: EventCSRLinear");
        Network other = run("type: EventCSRLinear", "type: " + comm);
        int[] spikes = Sims.spikes(event, "exc.spike");
        assertTrue(spikes.length > 1000, "active network: " + spikes.length / 2 + " spikes");
        assertArrayEquals(spikes, Sims.spikes(other, "exc.spike"));
        assertArrayEquals(Sims.weights(event, "ff"), Sims.weights(other, "ff"));
        assertArrayEquals(all(event, "exc.V", 100), all(other, "exc.V", 100));
    }
}
