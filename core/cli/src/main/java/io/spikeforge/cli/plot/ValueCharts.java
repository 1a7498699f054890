package io.spikeforge.cli.plot;

import io.spikeforge.core.arrays.NpyReader;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Curves over time from value monitors: potentials, conductances, traces and weights. */
final class ValueCharts {

    /** More curves than this are unreadable; the title says how many were left out. */
    static final int MAX_CURVES = 10;
    /** Points per curve after decimation: about two per pixel of a chart's width. */
    static final int MAX_POINTS = 2 * ChartStyle.WIDTH;

    private ValueCharts() {
    }

    /** @return one curve per recorded element (up to {@link #MAX_CURVES}), against time */
    static XYChart trace(RunOutput run, RunOutput.MonitorFile m, NpyReader.NpyArray values, int height) {
        Series.TimeAxis time = Series.TimeAxis.of(run.durationMs());
        int curves = Math.min(MAX_CURVES, values.columns());
        String title = m.target() + "." + m.var() + (values.columns() > curves
                ? " (first " + curves + " of " + values.columns() + " recorded)" : "");
        XYChart chart = ChartStyle.xy(title, time.label(), axisTitle(m.var(), m.unit()), ChartStyle.WIDTH, height);
        int rows = values.rows();
        double[] t = new double[Math.max(1, rows)];
        for (int r = 0; r < rows; r++) {
            t[r] = time.at((double) r * m.every() * run.dtMs());
        }
        for (int c = 0; c < curves; c++) {
            double[] y = new double[t.length];
            for (int r = 0; r < rows; r++) {
                y[r] = values.floatAt(r, c);
            }
            double[][] xy = Series.decimate(t, y, MAX_POINTS);
            XYSeries s = chart.addSeries(m.var() + "[" + m.element(c) + "]", xy[0], xy[1]);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineWidth(1.5f);
        }
        chart.getStyler().setLegendVisible(curves > 1);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(time.at(run.durationMs()));
        return chart;
    }

    /** @return for example "V (mV)", "weight (uS)" or "A_pre (dimensionless)" */
    static String axisTitle(String var, String unit) {
        return var + " (" + (unit.isEmpty() || unit.equals("1") ? "dimensionless" : unit) + ")";
    }
}
