package io.spikeforge.cli.plot;

import io.spikeforge.core.arrays.NpyReader;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.List;
import java.util.Locale;

/** Spike rasters and population rates from spike monitors. */
final class SpikeCharts {

    /** More points than this make a raster slow to draw and no easier to read. */
    static final int MAX_RASTER_SPIKES = 200_000;

    private SpikeCharts() {
    }

    /**
     * One group's raster: a tick per spike at (time, neuron index).
     *
     * @param size the group's size, so that silent neurons still have their row
     */
    static XYChart raster(RunOutput run, RunOutput.MonitorFile m, NpyReader.NpyArray spikes, int size) {
        Series.TimeAxis time = Series.TimeAxis.of(run.durationMs());
        int rowsShown = rowsWithin(spikes, size, MAX_RASTER_SPIKES);
        String title = m.target() + ": spikes (" + spikes.rows() + " in " + size + (size == 1 ? " neuron" : " neurons")
                + (rowsShown < size ? "; neurons 0-" + (rowsShown - 1) + " shown" : "") + ")";
        int height = size <= 4 ? 260 : ChartStyle.HEIGHT;
        XYChart chart = ChartStyle.xy(title, time.label(), rowsShown == 1 ? "neuron 0" : "neuron index",
                ChartStyle.WIDTH, height);
        addRaster(chart, m.target(), spikes, 0, rowsShown, run.dtMs(), time, 0);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMarkerSize(markerSize(rowsShown, height));
        frame(chart, run, time, rowsShown, height, true);
        return chart;
    }

    /**
     * Every recorded group in one raster, one band per group from the top down in legend order, as in
     * the seed's figure.
     */
    static XYChart rasters(RunOutput run, List<RunOutput.MonitorFile> monitors, List<NpyReader.NpyArray> spikes,
                           List<Integer> sizes, int height) {
        Series.TimeAxis time = Series.TimeAxis.of(run.durationMs());
        XYChart chart = ChartStyle.xy("spikes", time.label(), "neurons", ChartStyle.WIDTH, height);
        int[] rows = new int[monitors.size()];
        int total = 0;
        for (int i = 0; i < rows.length; i++) {
            rows[i] = rowsWithin(spikes.get(i), sizes.get(i), MAX_RASTER_SPIKES / monitors.size());
            total += rows[i];
        }
        int top = total;
        for (int i = 0; i < rows.length; i++) {
            top -= rows[i];
            addRaster(chart, monitors.get(i).target(), spikes.get(i), top, rows[i], run.dtMs(), time, i);
        }
        // Inside, so that this panel's time axis lines up with the other panels of the overview.
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(markerSize(total, height));
        frame(chart, run, time, total, height, false);
        return chart;
    }

    /** Rates of every recorded group over time, in bins of a round width. */
    static XYChart rates(RunOutput run, List<RunOutput.MonitorFile> monitors, List<NpyReader.NpyArray> spikes,
                         List<Integer> recorded) {
        Series.TimeAxis time = Series.TimeAxis.of(run.durationMs());
        double bin = Series.binWidthMs(run.durationMs(), run.dtMs());
        XYChart chart = ChartStyle.xy(String.format(Locale.ROOT, "population rates (%s ms bins)", fmt(bin)),
                time.label(), "rate (Hz)", ChartStyle.WIDTH, ChartStyle.HEIGHT);
        for (int i = 0; i < monitors.size(); i++) {
            NpyReader.NpyArray a = spikes.get(i);
            int[] steps = new int[a.rows()];
            for (int k = 0; k < steps.length; k++) {
                steps[k] = a.intAt(k, 0);
            }
            double[][] r = Series.rate(steps, run.dtMs(), run.durationMs(), recorded.get(i), bin);
            // A step curve needs each bin's end too, so the last bin is drawn to the end of the run.
            double[] x = new double[r[0].length + 1];
            double[] y = new double[x.length];
            for (int b = 0; b < r[0].length; b++) {
                x[b] = time.at(r[0][b]);
                y[b] = r[1][b];
            }
            x[x.length - 1] = time.at(run.durationMs());
            y[y.length - 1] = y[Math.max(0, y.length - 2)];
            XYSeries s = chart.addSeries(monitors.get(i).target(), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineWidth(1.5f);
        }
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(time.at(run.durationMs()));
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    private static void addRaster(XYChart chart, String name, NpyReader.NpyArray spikes, int offset, int rows,
                                  double dtMs, Series.TimeAxis time, int color) {
        int n = 0;
        for (int k = 0; k < spikes.rows(); k++) {
            if (spikes.intAt(k, 1) < rows) {
                n++;
            }
        }
        double[] x = new double[Math.max(1, n)];
        double[] y = new double[x.length];
        int j = 0;
        for (int k = 0; k < spikes.rows(); k++) {
            int neuron = spikes.intAt(k, 1);
            if (neuron < rows) {
                x[j] = time.at(spikes.intAt(k, 0) * dtMs);
                y[j++] = offset + neuron;
            }
        }
        if (n == 0) {
            // XChart refuses empty series; a point below the frame keeps the legend entry of a silent group.
            x[0] = 0;
            y[0] = -10;
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(rows <= 50 ? new ChartStyle.Tick() : SeriesMarkers.CIRCLE);
        s.setMarkerColor(ChartStyle.COLORS[color % ChartStyle.COLORS.length]);
    }

    /** @return how many leading neurons fit in {@code limit} spikes (all of them when the group is small) */
    static int rowsWithin(NpyReader.NpyArray spikes, int size, int limit) {
        if (spikes.rows() <= limit) {
            return Math.max(1, size);
        }
        long[] perNeuron = new long[size];
        for (int k = 0; k < spikes.rows(); k++) {
            perNeuron[spikes.intAt(k, 1)]++;
        }
        long total = 0;
        for (int i = 0; i < size; i++) {
            total += perNeuron[i];
            if (total > limit) {
                return Math.max(1, i);
            }
        }
        return size;
    }

    private static int markerSize(int rows, int height) {
        int pitch = (height - 110) / Math.max(1, rows);
        return Math.max(2, Math.min(40, (int) (pitch * 0.8)));
    }

    private static void frame(XYChart chart, RunOutput run, Series.TimeAxis time, int rows, int height,
                              boolean indexTicks) {
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(time.at(run.durationMs()));
        chart.getStyler().setYAxisMin(-0.5);
        chart.getStyler().setYAxisMax(rows - 0.5);
        if (!indexTicks) {
            // Row numbers across groups mean nothing; the labels stay, invisible, so that the plot area
            // starts where it does in the other panels of the overview.
            chart.getStyler().setYAxisTickLabelsColor(new java.awt.Color(0, 0, 0, 0));
            return;
        }
        if (rows == 1) {
            chart.getStyler().setYAxisTicksVisible(false);
            return;
        }
        // Neuron indices are whole numbers: ask for ticks at least one row apart, so that they fall on
        // whole numbers. (A label formatter would not do: XChart then ignores the spacing hint.)
        chart.getStyler().setYAxisTickMarkSpacingHint(Math.max(30, (height - 110) / rows + 1));
        chart.getStyler().setYAxisDecimalPattern("#0");
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
