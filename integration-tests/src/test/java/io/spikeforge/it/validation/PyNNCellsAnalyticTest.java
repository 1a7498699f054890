package io.spikeforge.it.validation;

import io.spikeforge.core.sim.Network;
import io.spikeforge.it.Sims;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PyNN's IF_curr_exp and NEST's iaf_psc_exp (one equation file, two names) against NEST's exact
 * solution, and BrainPy's IF against its own: between spikes the equations are linear, so the values
 * at the step boundaries are known in closed form (integration-tests/REFERENCES.md, "Neuron models").
 * With a constant current I from t = 0, v(t) = v_rest + R I (1 - exp(-t/tau_m)), R = tau_m/cm; a
 * weight w landing in isyn at t0 adds w/cm * tau_s tau_m/(tau_m - tau_s) (exp(-(t - t0)/tau_m) -
 * exp(-(t - t0)/tau_s)). The spikes fall on the grid: the first after ceil(T/dt) steps, T = -tau_m
 * ln(1 - (v_thresh - v_rest)/(R I)), then one every round(tau_refrac/dt) + ceil(T'/dt) steps, T' from
 * v_reset (NEST's refractory count). The state is float32, rounded every step: traces agree to 1e-5
 * relative.
 */
class PyNNCellsAnalyticTest {

    private static final double DT = 0.1;

    private static Network run(String yaml) {
        return Sims.run(yaml, 1);
    }

    /** @return the steps after which the analytic trajectory from v0 first reaches v_thresh, repeated */
    private static List<Integer> gridSpikes(double current, double v0First, double vReset, double tauRef,
                                            int steps) {
        double tau = 20;
        double vInf = -65 + tau / 1.0 * current;
        List<Integer> out = new ArrayList<>();
        double start = v0First;
        int from = 0;
        while (true) {
            // v(t) = vInf + (start - vInf) exp(-t/tau) reaches v_thresh = -50 mV after t ms; the spike is
            // in the step that ends at or past t
            double t = -tau * Math.log((vInf - -50) / (vInf - start));
            int k = from + (int) Math.ceil(t / DT) - 1;
            if (k >= steps) {
                return out;
            }
            out.add(k);
            from = k + 1 + (int) Math.round(tauRef / DT);
            start = vReset;
        }
    }

    @Test
    void underAConstantCurrentTheSpikesFallWhereTheExactSolutionCrossesThreshold() {
        for (String model : List.of("IF_curr_exp", "iaf_psc_exp")) {
            Network net = run("""
                    dt: 0.1
                    duration: 100
                    populations:
                      - {name: n, size: 1, neuron: {type: %s, tau_refrac: 2}}
                    inputs:
                      - {name: I, type: ConstantCurrent, target: n, value: 1.0}
                    monitors:
                      - {target: n, var: spike}
                      - {target: n, var: v}
                    """.formatted(model));
            assertEquals(List.of(277, 575, 873), steps(Sims.spikes(net, "n.spike")), model);
            assertEquals(gridSpikes(1.0, -65, -65, 2, 1000), steps(Sims.spikes(net, "n.spike")), model);
            float[] v = Sims.column(net, "n.v", 0);
            for (int k = 0; k < 277; k++) {
                double exact = -65 + 20 * (1 - Math.exp(-(k + 1) * DT / 20));
                assertEquals(exact, v[k], 1e-5 * Math.abs(exact), model + ": v after step " + k);
            }
            for (int k = 278; k <= 297; k++) {
                assertEquals(-65f, v[k], 0f, model + ": clamped at v_reset for 20 steps, step " + k);
            }
            double exact = -65 + 20 * (1 - Math.exp(-DT / 20));
            assertEquals(exact, v[298], 1e-5 * Math.abs(exact), model + ": free again after tau_refrac/dt = 20 steps");
        }
    }

    @Test
    void excitatoryAndInhibitorySpikesGiveTheExactPostsynapticPotentials() {
        Network net = run("""
                dt: 0.1
                duration: 80
                populations:
                  - {name: n, size: 1, neuron: {type: IF_curr_exp, tau_syn_E: 5, tau_syn_I: 10}}
                inputs:
                  - {name: e, type: SpikeTimes, size: 1, times: [10]}
                  - {name: i, type: SpikeTimes, size: 1, times: [30]}
                projections:
                  - {name: pe, pre: e, post: n, comm: {type: EventCSRLinear, conn: {type: All2All}, weight: 2.0}, on_pre: isyn_exc += w}
                  - {name: pi, pre: i, post: n, comm: {type: EventCSRLinear, conn: {type: All2All}, weight: -1.0}, on_pre: isyn_inh += w}
                monitors:
                  - {target: n, var: v}
                  - {target: n, var: isyn_exc}
                  - {target: n, var: isyn_inh}
                """);
        float[] v = Sims.column(net, "n.v", 0);
        float[] ie = Sims.column(net, "n.isyn_exc", 0);
        float[] ii = Sims.column(net, "n.isyn_inh", 0);
        // A spike emitted in step 100 (t = 10 ms) lands in isyn at the start of step 101, as every
        // spike reaches its target one step later; after step k the weight has acted for (k - 100) dt.
        for (int k = 0; k < v.length; k++) {
            double te = (k - 100) * DT;
            double ti = (k - 300) * DT;
            double expected = -65 + psp(2.0, 5, te) + psp(-1.0, 10, ti);
            assertEquals(expected, v[k], 1e-5 * Math.abs(expected), "v after step " + k);
            assertEquals(te > 0 ? 2.0 * Math.exp(-te / 5) : 0, ie[k], 2e-6, "isyn_exc after step " + k);
            assertEquals(ti > 0 ? -1.0 * Math.exp(-ti / 10) : 0, ii[k], 2e-6, "isyn_inh after step " + k);
        }
        assertEquals(6.30, v[192] - -65, 0.01, "the EPSP peaks near 6.3 mV, ln(4) 20/3 ms = 9.24 ms after it lands");
    }

    /** The exact PSP of a current jump w decaying with tau_s into tau_m = 20 ms, cm = 1 nF, t ms after it. */
    private static double psp(double w, double tauS, double t) {
        if (t <= 0) {
            return 0;
        }
        double tauM = 20;
        return w / 1.0 * tauS * tauM / (tauM - tauS) * (Math.exp(-t / tauM) - Math.exp(-t / tauS));
    }

    @Test
    void theFICurveIsTheExactOneOnTheTimeGrid() {
        double[] currents = {0.7, 0.76, 0.8, 0.9, 1.0, 1.5, 2.5, 3.0, 5.0};
        StringBuilder pops = new StringBuilder();
        StringBuilder inputs = new StringBuilder();
        StringBuilder monitors = new StringBuilder();
        for (int c = 0; c < currents.length; c++) {
            pops.append("  - {name: n%d, size: 1, neuron: {type: IF_curr_exp, tau_refrac: 2}}\n".formatted(c));
            inputs.append("  - {name: I%d, type: ConstantCurrent, target: n%d, value: %s}\n".formatted(c, c,
                    currents[c]));
            monitors.append("  - {target: n%d, var: spike}\n".formatted(c));
        }
        Network net = run("dt: 0.1\nduration: 1000\npopulations:\n" + pops + "inputs:\n" + inputs + "monitors:\n"
                + monitors);
        for (int c = 0; c < currents.length; c++) {
            int count = Sims.spikes(net, "n" + c + ".spike").length / 2;
            double ri = 20 * currents[c];
            if (ri <= 15) {
                assertEquals(0, count, "below rheobase (0.75 nA): " + currents[c] + " nA");
                continue;
            }
            assertEquals(gridSpikes(currents[c], -65, -65, 2, 10000).size(), count, currents[c] + " nA");
            double isi = 2 + 20 * Math.log(ri / (ri - 15));
            double continuous = 1000 / isi;
            // each interval ends at the end of the step in which v crosses: up to dt longer; and the count
            // of a finite run is whole
            assertEquals(continuous, count, continuous - 1000 / (isi + DT) + 1,
                    currents[c] + " nA: the continuous f-I curve 1/(tau_refrac + T)");
        }
    }

    @Test
    void brainPysIfIsAnExactLeakyIntegratorThatNeverSpikes() {
        Network net = run("""
                dt: 0.1
                duration: 100
                populations:
                  - {name: n, size: 1, neuron: {type: IF, tau: 8, R: 2}}
                inputs:
                  - {name: I, type: ConstantCurrent, target: n, value: 30}
                monitors:
                  - {target: n, var: spike}
                  - {target: n, var: V}
                """);
        assertEquals(0, Sims.spikes(net, "n.spike").length);
        float[] v = Sims.column(net, "n.V", 0);
        for (int k = 0; k < v.length; k++) {
            double exact = 60 * (1 - Math.exp(-(k + 1) * DT / 8));
            assertEquals(exact, v[k], 1e-5 * 60, "V after step " + k);
        }
    }

    private static List<Integer> steps(int[] pairs) {
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < pairs.length; s += 2) {
            out.add(pairs[s]);
        }
        return out;
    }
}
