package io.spikeforge.plugins.synapses;

import io.spikeforge.spi.SynapseModel;
import io.spikeforge.spi.testing.InMemoryBuildContext;
import io.spikeforge.spi.testing.ModelParams;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AMPA, GABAa, NMDA and BioNMDA against their closed forms (a single spike through a first-order receptor)
 * or a fine Runge-Kutta solution of the same equations (the second-order ones), and STD and STP against
 * the closed-form steady state of u, x and the peak of g under regular presynaptic spiking. The state is
 * per pre neuron: {@code input[i]} is 1 in the step a spike of pre neuron i arrives.
 */
class ReceptorSynapsesTest {

    private static final double DT = 0.1;

    /** One pre neuron's synapse state, stepped as the engine steps an align-pre projection. */
    private static final class OnePre {
        final InMemoryBuildContext context = new InMemoryBuildContext(DT);
        final float[] input = new float[1];
        final SynapseModel.SynapseState state;

        OnePre(SynapseModel model, Object... params) {
            assertTrue(model.statePerPreNeuron(), model.name() + " keeps its state per pre neuron");
            state = model.create(ModelParams.of(model, params), context, 1, input);
        }

        float step(boolean spike) {
            input[0] += spike ? 1f : 0f;
            context.step(state.update());
            assertEquals(0f, input[0], "the input is consumed");
            return state.g()[0];
        }

        float var(String name) {
            return context.floats(name)[0];
        }
    }

    /**
     * A spike arriving in step 0 opens the receptors for ceil(T_dur/dt) steps, during which
     * g(t) = g_inf (1 - exp(-(alpha T + beta) t)), g_inf = alpha T / (alpha T + beta), then g decays as
     * exp(-beta t); t counts the steps from the start of the arrival step (g is read after each step).
     */
    private static void firstOrderMatchesClosedForm(SynapseModel model, double alpha, double beta, double t,
                                                    double tDur) {
        OnePre s = new OnePre(model);
        double rate = alpha * t + beta;
        double gInf = alpha * t / rate;
        int on = (int) Math.round(tDur / DT);
        double peak = gInf * (1 - Math.exp(-rate * on * DT));
        for (int k = 1; k <= 3000; k++) {
            float g = s.step(k == 1);
            double expected = k <= on ? gInf * (1 - Math.exp(-rate * k * DT))
                    : peak * Math.exp(-beta * (k - on) * DT);
            assertEquals(expected, g, 2e-6 * gInf + 1e-4 * expected, model.name() + " at t = " + k * DT + " ms");
        }
    }

    @Test
    void ampaRisesTowardsItsEquilibriumDuringThePulseAndDecaysWithBetaAfter() {
        firstOrderMatchesClosedForm(TransmitterGated.ampa(), 0.98, 0.18, 0.5, 0.5);
    }

    @Test
    void gabaAHasBrainPysDefaultsAndTheSameKinetics() {
        firstOrderMatchesClosedForm(TransmitterGated.gabaA(), 0.53, 0.18, 1.0, 1.0);
    }

    @Test
    void aSpikeDuringThePulseRestartsIt() {
        OnePre s = new OnePre(TransmitterGated.ampa(), "T_dur", 1.0);
        int[] pulse = s.context.ints("pulse");
        s.step(true);
        assertEquals(9, pulse[0], "10 steps of 0.1 ms, the first used");
        for (int k = 0; k < 4; k++) {
            s.step(false);
        }
        assertEquals(5, pulse[0]);
        s.step(true);
        assertEquals(9, pulse[0]);
        assertEquals(Set.of("g", "pulse"), s.context.variables());
    }

    @Test
    void pulseStepsCountTheStepsWithKDtBelowTDur() {
        assertEquals(5, TransmitterGated.pulseSteps(0.5, 0.1));
        assertEquals(1, TransmitterGated.pulseSteps(0.05, 0.1));
        assertEquals(0, TransmitterGated.pulseSteps(0, 0.1));
        assertEquals(3, TransmitterGated.pulseSteps(0.25, 0.1));
    }

    /** A fine RK4 solution of dg/dt = f(g, x(t)), x(t) given, from t0 to t1. */
    private interface Rhs {
        double dg(double g, double x);
    }

    private static double rk4(Rhs f, java.util.function.DoubleUnaryOperator x, double g, double t0, double t1) {
        int n = 200;
        double h = (t1 - t0) / n;
        for (int i = 0; i < n; i++) {
            double t = t0 + i * h;
            double k1 = f.dg(g, x.applyAsDouble(t));
            double k2 = f.dg(g + h / 2 * k1, x.applyAsDouble(t + h / 2));
            double k3 = f.dg(g + h / 2 * k2, x.applyAsDouble(t + h / 2));
            double k4 = f.dg(g + h * k3, x.applyAsDouble(t + h));
            g += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
        }
        return g;
    }

    /** Tolerance of the first-order scheme: 3 % of the reference's peak (BrainPy's exp_auto has the same). */
    private static final double EULER_TOLERANCE = 0.03;

    @Test
    void nmdaFollowsItsEquationsToWithinTheExponentialEulerError() {
        // x(t) = exp(-(t - dt)/tau_rise): the spike is added to x at the end of step 0 (t = dt).
        double a = 0.5;
        double tauDecay = 100;
        double tauRise = 2;
        int steps = 2000;
        double[] ref = new double[steps + 1];
        for (int k = 1; k <= steps; k++) {
            double t0 = k * DT;
            ref[k] = rk4((gg, xx) -> -gg / tauDecay + a * xx * (1 - gg), t -> Math.exp(-(t - DT) / tauRise),
                    ref[k - 1], t0, t0 + DT);
        }
        double peak = java.util.Arrays.stream(ref).max().orElseThrow();
        assertTrue(peak > 0.5, "one spike opens most receptors at these defaults: " + peak);
        OnePre s = new OnePre(new Nmda());
        s.step(true);
        assertEquals(0f, s.state.g()[0], "x reaches g from the next step on");
        for (int k = 1; k <= steps; k++) {
            float got = s.step(false);
            assertEquals(ref[k], got, EULER_TOLERANCE * peak, "t = " + (k + 1) * DT);
            assertEquals(Math.exp(-k * DT / tauRise), s.var("x"), 1e-5, "x, t = " + (k + 1) * DT);
        }
    }

    @Test
    void bioNmdaFollowsItsEquationsToWithinTheExponentialEulerError() {
        double alpha1 = 2;
        double beta1 = 0.01;
        double alpha2 = 1;
        double beta2 = 0.5;
        double t = 1;
        double tDur = 0.5;
        // x(t): the pulse covers [0, 0.5) from the start of the arrival step.
        double rate = alpha2 * t + beta2;
        double xInf = alpha2 * t / rate;
        double xEnd = xInf * (1 - Math.exp(-rate * tDur));
        java.util.function.DoubleUnaryOperator x = tt -> tt <= tDur ? xInf * (1 - Math.exp(-rate * tt))
                : xEnd * Math.exp(-beta2 * (tt - tDur));
        int steps = 3000;
        double[] ref = new double[steps + 1];
        for (int k = 0; k < steps; k++) {
            ref[k + 1] = rk4((gg, xx) -> alpha1 * xx * (1 - gg) - beta1 * gg, x, ref[k], k * DT, (k + 1) * DT);
        }
        double peak = java.util.Arrays.stream(ref).max().orElseThrow();
        assertTrue(peak > 0.3, "peak " + peak);
        OnePre s = new OnePre(new BioNmda());
        for (int k = 0; k < steps; k++) {
            float got = s.step(k == 0);
            assertEquals(x.applyAsDouble((k + 1) * DT), s.var("x"), 2e-6, "x at t = " + (k + 1) * DT);
            // exponential Euler holds x at its value of the step's start: g lags the fast rise (x reaches
            // 0.35 in 0.5 ms) by about a step, 4 % of the peak at most
            assertEquals(ref[k + 1], got, 0.05 * peak, "g at t = " + (k + 1) * DT);
        }
    }

    /** Drives {@code spikes} spikes every {@code every} steps; returns g right after the last spike step. */
    private static float regular(OnePre s, int every, int spikes) {
        float g = 0;
        for (int n = 0; n < spikes; n++) {
            g = s.step(true);
            for (int k = 1; k < every && n + 1 < spikes; k++) {
                s.step(false);
            }
        }
        return g;
    }

    @Test
    void stdReachesTheClosedFormSteadyStateUnderRegularSpiking() {
        double tau = 200;
        double u = 0.07;
        double tauSyn = 8;
        for (int every : new int[] {500, 100, 20}) {          // 20, 100 and 500 Hz
            OnePre s = new OnePre(new Std());
            float gPeak = regular(s, every, 400);
            double dd = (float) Math.exp(-DT / tau);    // the kernel's float factor
            double d = Math.pow(dd, every);
            double d1 = Math.pow(dd, every - 1);
            // BrainPy depletes U times the x of the spike step's start, recovered over every - 1 steps.
            double x = (1 - d - u + u * d1) / (1 - d + u * d1);
            assertEquals(x, s.var("x"), 2e-5, "x after a spike, " + every + " steps apart");
            double continuous = (1 - d) * (1 - u) / (1 - (1 - u) * d);   // Tsodyks-Markram, U x^- released
            assertEquals(continuous, x, 1e-3, "within O(dt/tau) of the continuous steady state");
            double ds = Math.pow((float) Math.exp(-DT / tauSyn), every);
            assertEquals(x / (1 - ds), gPeak, 1e-4 * gPeak, "peak g: each spike adds x, decayed between");
        }
    }

    @Test
    void stpReachesTheTsodyksMarkramSteadyStateOfUAndX() {
        for (double[] c : new double[][] {{0.15, 1500, 200, 200}, {0.5, 50, 750, 100}, {0.05, 750, 50, 250}}) {
            double bigU = c[0];
            double tauF = c[1];
            double tauD = c[2];
            int every = (int) c[3];
            OnePre s = new OnePre(new Stp(), "U", bigU, "tau_f", tauF, "tau_d", tauD);
            assertEquals(bigU, s.var("u"), 1e-7, "u starts at U");
            float gPeak = regular(s, every, 600);
            // the kernel's float factors, compounded
            double df = Math.pow((float) Math.exp(-DT / tauF), every);
            double dd = Math.pow((float) Math.exp(-DT / tauD), every);
            double uPlus = bigU / (1 - (1 - bigU) * df);
            double xMinus = (1 - dd) / (1 - (1 - uPlus) * dd);
            double xPlus = xMinus * (1 - uPlus);
            String at = "U " + bigU + ", tau_f " + tauF + ", tau_d " + tauD + ", every " + every + " steps";
            assertEquals(uPlus, s.var("u"), 2e-5, "u after a spike, " + at);
            assertEquals(xPlus, s.var("x"), 2e-5, "x after a spike, " + at);
            double ds = Math.pow((float) Math.exp(-DT / 8), every);
            double efficacy = uPlus * xPlus;
            assertEquals(efficacy / (1 - ds), gPeak, 1e-4 * gPeak, "peak g, " + at);
        }
    }

    @Test
    void stpFacilitatesWhereUIsSmallAndTauFLong() {
        OnePre s = new OnePre(new Stp(), "U", 0.05, "tau_f", 1500.0, "tau_d", 50.0, "tau_syn", 1.0);
        float first = s.step(true);
        for (int k = 1; k < 200; k++) {
            s.step(false);
        }
        float second = s.step(true) - first * (float) Math.pow(Math.exp(-DT / 1), 200);
        assertTrue(second > 1.2 * first, "the second spike's efficacy " + second + " against " + first);
    }
}
