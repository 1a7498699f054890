package io.spikeforge.it.validation;

import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.backend.JvmBackend;
import io.spikeforge.core.sim.Network;
import io.spikeforge.it.Sims;
import io.spikeforge.spi.RunListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The neurons of plugins/neurons written as equations, each on a scenario of
 * {@code src/test/resources/neuron-references/}, against Brian2 2.5 running the same model file and the
 * same scenario ({@code peers/neuron_models_brian2.py}), and BrainPy's HH against NEURON 8's own hh
 * mechanism ({@code peers/hh_neuron.py}). The figures are recorded in integration-tests/REFERENCES.md,
 * "Neuron models"; the tolerances are stated there and below.
 */
class NeuronReferencesTest {

    static final Path DIR = Sims.root().resolve("integration-tests/src/test/resources/neuron-references");

    /** Brian2's spike steps per scenario (double precision; SpikeForge's state is float32). */
    static final Map<String, int[]> BRIAN2 = new TreeMap<>(Map.ofEntries(
            Map.entry("adquaif_step", new int[] {53, 118, 187, 258, 330, 403, 476, 549, 622, 695, 768, 841, 914, 987, 1060, 1133, 1206, 1279, 1352, 1425, 1498, 1571, 1644, 1717, 1790, 1863, 1936, 2009, 2082, 2155, 2228, 2301, 2374, 2447, 2520, 2593, 2666, 2739, 2812, 2885, 2958}),
            Map.entry("eif_cond_exp_isfa_ista_step", new int[] {117, 263, 431, 625, 851, 1111, 1404, 1538, 1595, 2403, 2728}),
            Map.entry("fhn_step", new int[] {13, 390, 757, 1124, 1491, 1858, 2225, 2592, 2958}),
            Map.entry("gif_step", new int[] {230, 483, 745, 1014, 1289, 1569, 1853, 2141, 2431, 2724}),
            Map.entry("hh_cond_exp_step", new int[] {700, 2617, 4534, 5270, 7185, 9102, 11019, 12185, 14100, 16969, 18886}),
            Map.entry("hindmarshrose_burst", new int[] {67, 125, 185, 248, 313, 381, 453, 529, 610, 697, 790, 892, 1006, 1135, 1288, 3824, 3897, 3974, 4056, 4144, 4239, 4343, 4459, 4592, 4752, 7032, 7105, 7182, 7264, 7352, 7447, 7551, 7668, 7801, 7961}),
            Map.entry("if_cond_alpha_spikes", new int[] {515, 569, 1020, 1529}),
            Map.entry("if_cond_exp_spikes", new int[] {517, 578, 1022, 1096, 1542}),
            Map.entry("if_curr_alpha_spikes", new int[] {537, 612, 1550}),
            Map.entry("izhikevich_step", new int[] {31, 104, 467, 845, 1110, 1541, 1919, 2294, 2672}),
            Map.entry("morrislecar_step", new int[] {344, 2072, 3771, 5471, 7170, 8870}),
            Map.entry("quaif_step", new int[] {296, 618, 940, 1262, 1584, 1906, 2228, 2550, 2872}),
            Map.entry("wangbuzsaki_step", new int[] {1376, 3051, 4726, 6401, 8076, 9751, 11426, 13101, 14776, 16451, 18126, 19801})));

    static Stream<String> scenarios() {
        return BRIAN2.keySet().stream();
    }

    private static int[] spikeSteps(String file) {
        Network net = Sims.ENGINE.build(Sims.ENGINE.load(DIR.resolve(file + ".yaml"), Overrides.NONE));
        Sims.ENGINE.run(net, new JvmBackend(1, 1, Sims.TILE), RunListener.NONE);
        int[] pairs = Sims.spikes(net, "n.spike");
        int[] steps = new int[pairs.length / 2];
        for (int s = 0; s < steps.length; s++) {
            steps[s] = pairs[2 * s];
        }
        return steps;
    }

    /**
     * Every spike in the step Brian2 gives, or one step either way (float32 against double: a crossing
     * that Brian2 finds within a float's rounding of the step's end may move by one step).
     */
    @ParameterizedTest
    @MethodSource("scenarios")
    void spikesInTheStepsBrian2GivesForTheSameEquations(String scenario) {
        int[] expected = BRIAN2.get(scenario);
        int[] got = spikeSteps(scenario);
        assertEquals(expected.length, got.length, scenario + ": spike count; Brian2 " + Arrays.toString(expected)
                + ", SpikeForge " + Arrays.toString(got));
        assertTrue(expected.length >= 3, scenario + " fires enough to compare");
        for (int s = 0; s < got.length; s++) {
            assertEquals(expected[s], got[s], 1, scenario + ": spike " + s + "; Brian2 " + Arrays.toString(expected)
                    + ", SpikeForge " + Arrays.toString(got));
        }
    }

    /**
     * BrainPy's HH under a current step against NEURON's hh (Crank-Nicolson, dt 0.0025 ms), the
     * crossings of 20 mV interpolated: the first spike within 0.06 ms, the mean interval within 1.5 %
     * (exponential Euler is first order: at dt = 0.01 ms its intervals run 0.5 % long), the same count,
     * and the peak within 0.3 mV.
     */
    @Test
    void hhWithBrainPysDefaultsFiresAsNeuronsHhMechanism() {
        checkAgainstNeuron("hh_brainpy_defaults",
                new double[] {12.328, 26.9469, 41.1096, 55.2554, 69.4001, 83.5448, 97.6895}, 45.445);
    }

    @Test
    void hhWithTheClassicLeakFiresAsNeuronsHhMechanism() {
        checkAgainstNeuron("hh_classic_leak",
                new double[] {12.4441, 29.7368, 46.8862, 64.0313, 81.1761, 98.3208}, 39.691);
    }

    /**
     * PyNN's HH_cond_exp against the same Traub and Miles channels in NEURON (KSChan gates, ExpSyn
     * synapses, Crank-Nicolson at 0.0025 ms): the same spikes, the tonic ones and those the synaptic
     * input evokes or delays, each within 0.1 ms + 1 % of its time (exponential Euler's intervals run
     * about 0.9 % long at dt = 0.01 ms), and the peak within 0.5 mV.
     */
    @Test
    void hhCondExpFiresAsTheSameChannelsInNeuron() {
        double[] neuron = {6.9674, 25.9707, 44.974, 52.5143, 71.4917, 90.495, 109.4983, 121.5987, 140.5773,
                169.6479, 188.6512};
        Network net = Sims.ENGINE.build(Sims.ENGINE.load(DIR.resolve("hh_cond_exp_step.yaml"), Overrides.NONE));
        Sims.ENGINE.run(net, new JvmBackend(1, 1, Sims.TILE), RunListener.NONE);
        int[] pairs = Sims.spikes(net, "n.spike");
        assertEquals(neuron.length, pairs.length / 2, "spikes: " + Arrays.toString(pairs));
        for (int s = 0; s < neuron.length; s++) {
            double t = (pairs[2 * s] + 0.5) * 0.01;
            assertEquals(neuron[s], t, 0.1 + 0.01 * neuron[s], "spike " + s + " (ms)");
        }
        float max = Float.NEGATIVE_INFINITY;
        for (float v : Sims.column(net, "n.v", 0)) {
            max = Math.max(max, v);
        }
        assertEquals(48.451, max, 0.5, "spike peak (mV)");
    }

    private static void checkAgainstNeuron(String scenario, double[] neuron, double peak) {
        Network net = Sims.ENGINE.build(Sims.ENGINE.load(DIR.resolve(scenario + ".yaml"), Overrides.NONE));
        Sims.ENGINE.run(net, new JvmBackend(1, 1, Sims.TILE), RunListener.NONE);
        int[] pairs = Sims.spikes(net, "n.spike");
        double dt = 0.01;
        double[] t = new double[pairs.length / 2];
        for (int s = 0; s < t.length; s++) {
            t[s] = (pairs[2 * s] + 0.5) * dt; // the crossing lies within step k: (k dt, (k + 1) dt]
        }
        assertEquals(neuron.length, t.length, scenario + ": spikes " + Arrays.toString(t));
        assertEquals(neuron[0], t[0], 0.06, scenario + ": first spike (ms)");
        double isiNeuron = (neuron[neuron.length - 1] - neuron[0]) / (neuron.length - 1);
        double isi = (t[t.length - 1] - t[0]) / (t.length - 1);
        assertEquals(isiNeuron, isi, 0.015 * isiNeuron, scenario + ": mean interspike interval (ms)");
        float max = Float.NEGATIVE_INFINITY;
        for (float v : Sims.column(net, "n.V", 0)) {
            max = Math.max(max, v);
        }
        assertEquals(peak, max, 0.3, scenario + ": spike peak (mV)");
    }
}
