package io.spikeforge.it;

import io.spikeforge.core.sim.Network;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in HH neuron (BrainPy's, an equation file of plugins/neurons) with the classic squid leak
 * conductance of 0.3 mS/cm^2 (BrainPy's default is 0.03) against the Hodgkin-Huxley (1952) model's known
 * behaviour: rest at -65 mV,
 * a threshold for one spike, a type II onset of repetitive firing near 6.3 uA/cm^2 at about 50 Hz, and
 * spikes peaking near +40 mV. The interspike interval is checked against a fourth-order Runge-Kutta
 * solution of the same equations (dt = 0.005 ms).
 */
class HodgkinHuxleyTest {

    private static final double DT = 0.01;

    private static Network run(double current, double durationMs) {
        return Packs.run("""
                dt: 0.01
                duration: %s
                populations:
                  - {name: n, size: 1, neuron: {type: HH, gL: 0.3}}
                inputs:
                  - {name: I, type: ConstantCurrent, target: n, value: %s}
                monitors:
                  - {target: n, var: spike}
                  - {target: n, var: V}
                """.formatted(durationMs, current), 1);
    }

    private static double[] spikeTimes(Network net) {
        int[] pairs = Sims.spikes(net, "n.spike");
        double[] t = new double[pairs.length / 2];
        for (int s = 0; s < t.length; s++) {
            t[s] = pairs[2 * s] * DT;
        }
        return t;
    }

    @Test
    void restsAtMinus65MilliVolts() {
        Network net = run(0, 100);
        assertEquals(0, spikeTimes(net).length);
        for (float v : Sims.column(net, "n.V", 0)) {
            assertEquals(-65.0, v, 0.05);
        }
    }

    @Test
    void aWeakStepStaysBelowThresholdAndAStrongerOneFiresOnce() {
        assertEquals(0, spikeTimes(run(2, 300)).length, "2 uA/cm^2: subthreshold");
        assertEquals(1, spikeTimes(run(3, 300)).length, "3 uA/cm^2: one spike at onset, then rest");
    }

    @Test
    void repetitiveFiringStartsNear6point3AtAbout50Hertz() {
        double[] below = spikeTimes(run(6.0, 300));
        assertTrue(below.length <= 3 && below[below.length - 1] < 100, "6.0 uA/cm^2: a few spikes, then rest");
        double[] above = spikeTimes(run(6.5, 300));
        double rate = countAfter(above, 100) / 0.2;
        assertTrue(rate >= 45 && rate <= 60, "6.5 uA/cm^2: tonic firing at about 50 Hz, got " + rate + " Hz");
    }

    @Test
    void at10MicroAmperesTheIntervalMatchesTheReferenceSolutionAndSpikesPeakNear40MilliVolts() {
        Network net = run(10, 100);
        double[] t = spikeTimes(net);
        double isi = (t[t.length - 1] - t[1]) / (t.length - 2);
        assertEquals(14.66, isi, 0.15, "interspike interval in ms (RK4 reference 14.66 ms, 68 Hz)");
        float peak = Float.NEGATIVE_INFINITY;
        for (float v : Sims.column(net, "n.V", 0)) {
            peak = Math.max(peak, v);
        }
        assertEquals(40, peak, 2.0, "spike peak in mV");
    }

    private static long countAfter(double[] times, double ms) {
        return java.util.Arrays.stream(times).filter(x -> x >= ms).count();
    }
}
