package io.spikeforge.cli.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;

/** The weight distribution of a plastic projection at the start and at the end of the run. */
final class WeightCharts {

    private WeightCharts() {
    }

    /** @return both 10-bin histograms of summary.json, overlaid as translucent bars */
    static XYChart histogram(String projection, RunOutput.ProjectionInfo p, String unit) {
        XYChart chart = ChartStyle.xy(projection + ": weights at the start and end (" + p.plasticity() + ")",
                ValueCharts.axisTitle("weight", unit), "synapses", ChartStyle.WIDTH, ChartStyle.HEIGHT);
        double lo = Math.min(p.initial().lo(), p.last().lo());
        double hi = Math.max(p.initial().hi(), p.last().hi());
        double span = hi > lo ? hi - lo : Math.max(Math.abs(lo) * 0.1, 1e-3);
        add(chart, "start", p.initial(), span, ChartStyle.COLORS[0]);
        add(chart, "end", p.last(), span, ChartStyle.COLORS[1]);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        // Enough decimals for a tenth of the range, and a leading zero (XChart's default writes ".001").
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(span / 10)));
        chart.getStyler().setXAxisDecimalPattern(decimals == 0 ? "0" : "0." + "#".repeat(decimals));
        chart.getStyler().setXAxisMin(lo - span * 0.05);
        chart.getStyler().setXAxisMax(hi + span * 0.05);
        return chart;
    }

    private static void add(XYChart chart, String name, RunOutput.Histogram h, double span, Color color) {
        double[][] outline = outline(h, span);
        XYSeries s = chart.addSeries(name, outline[0], outline[1]);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineWidth(1.5f);
        s.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 90));
    }

    /**
     * @return the histogram's outline as (x, y) points from the baseline up and over every bar and
     *         back down; when every weight is equal, one narrow bar of 2 % of {@code span}
     */
    static double[][] outline(RunOutput.Histogram h, double span) {
        long[] counts = h.counts();
        if (h.hi() <= h.lo()) {
            long total = 0;
            for (long c : counts) {
                total += c;
            }
            double half = span * 0.01;
            return new double[][] {{h.lo() - half, h.lo() - half, h.lo() + half, h.lo() + half},
                    {0, total, total, 0}};
        }
        double width = (h.hi() - h.lo()) / counts.length;
        double[] x = new double[2 * counts.length + 2];
        double[] y = new double[x.length];
        x[0] = h.lo();
        for (int b = 0; b < counts.length; b++) {
            x[2 * b + 1] = h.lo() + b * width;
            y[2 * b + 1] = counts[b];
            x[2 * b + 2] = h.lo() + (b + 1) * width;
            y[2 * b + 2] = counts[b];
        }
        x[x.length - 1] = h.hi();
        return new double[][] {x, y};
    }
}
