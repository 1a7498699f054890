package io.spikeforge.it.validation;

import io.spikeforge.it.Pairings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The STDP_Song2000 learning window, measured pair by pair in fresh networks through the engine, for
 * t_post - t_pre from -100 to +100 ms in 1 ms steps, with no delay and with a 1 ms axonal delay.
 */
class StdpWindowTest {

    static final double A1 = 0.96;
    static final double A2 = 0.53;
    static final double TAU_S = 16.8;
    static final double TAU_T = 33.7;

    /**
     * The analytic window with the discretisation and the delay: a pre spike acts when it arrives, delay
     * later, so the effective interval is eff = dt_pair - delay. For eff &gt; 0 the post spike finds
     * A_pre = exp(-eff/tau_s); for eff &lt; 0 the arriving pre spike finds A_post = exp(eff/tau_t).
     * For eff = 0 the pre spike arrives in the step right after the post spike: both updates act, each
     * with its trace at 1 (A_pre has just been incremented, A_post was incremented a step ago and has not
     * decayed yet), so dw = A1 - A2.
     */
    static double window(double eff) {
        if (Math.abs(eff) < 1e-9) {
            return A1 - A2;
        }
        return eff > 0 ? A1 * Math.exp(-eff / TAU_S) : -A2 * Math.exp(eff / TAU_T);
    }

    /** Measured windows by delay, for the figure. */
    static final java.util.Map<Double, double[]> MEASURED = new java.util.TreeMap<>();

    @ParameterizedTest(name = "delay {0} ms")
    @ValueSource(doubles = {0.0, 1.0})
    void windowMatchesTheAnalyticCurveToOnePartIn1e5(double delay) throws IOException {
        List<String> rows = new ArrayList<>();
        double[] measured = new double[201];
        double worst = 0;
        for (int d = -100; d <= 100; d++) {
            double dw = PairRun.deltaW(200, 200 + d, delay, A1, A2, TAU_S, TAU_T);
            double expected = window(d - delay);
            double rel = Math.abs(dw - expected) / Math.abs(expected);
            worst = Math.max(worst, rel);
            assertEquals(expected, dw, 1e-5 * Math.abs(expected), "dt_pair = " + d + " ms, delay = " + delay + " ms");
            rows.add(d + "," + dw + "," + expected);
            measured[d + 100] = dw;
        }
        MEASURED.put(delay, measured);
        Path out = Path.of("target", "stdp_window_delay" + (int) delay + ".csv");
        Files.createDirectories(out.getParent());
        Files.write(out, (Iterable<String>) () -> java.util.stream.Stream.concat(
                java.util.stream.Stream.of("dt_pair_ms,dw_measured,dw_analytic"), rows.stream()).iterator());
        System.out.printf("STDP window, delay %.0f ms: 201 pairings, worst relative error %.2e (%s)%n", delay, worst, out);
    }

    /**
     * Draws the measured windows over the analytic curve into target/stdp_window.png (the figure in
     * docs/img/stdp_window.png is a copy).
     */
    @org.junit.jupiter.api.AfterAll
    static void drawWindow() throws IOException {
        if (MEASURED.size() < 2) {
            return;
        }
        System.setProperty("java.awt.headless", "true");
        var chart = new org.knowm.xchart.XYChartBuilder().width(900).height(520)
                .title("STDP_Song2000 learning window (201 pairings per curve, each in a fresh network)")
                .xAxisTitle("t_post - t_pre (ms)").yAxisTitle("weight change dw (uS)").build();
        chart.getStyler().setMarkerSize(4);
        double[] x = new double[201];
        double[] analytic = new double[201];
        for (int d = -100; d <= 100; d++) {
            x[d + 100] = d;
            analytic[d + 100] = window(d);
        }
        chart.addSeries("analytic, delay 0", x, analytic).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        MEASURED.forEach((delay, dw) -> chart.addSeries(String.format("measured, delay %.0f ms", delay), x, dw)
                .setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter));
        org.knowm.xchart.BitmapEncoder.saveBitmap(chart, "target/stdp_window.png",
                org.knowm.xchart.BitmapEncoder.BitmapFormat.PNG);
    }

    /** A network of one pre and one post neuron with given spike times ({@link Pairings}). */
    static final class PairRun {
        private PairRun() {
        }

        static double deltaW(double tPre, double tPost, double delay, double a1, double a2, double tauS, double tauT) {
            String rule = String.format(java.util.Locale.ROOT, "{type: STDP_Song2000, A1: %s, A2: %s, tau_s: %s, tau_t: %s}",
                    a1, a2, tauS, tauT);
            return Pairings.deltaW(Pairings.run(new double[] {tPre}, new double[] {tPost}, rule,
                    Math.max(tPre, tPost) + delay + 20, "", delay));
        }
    }
}
