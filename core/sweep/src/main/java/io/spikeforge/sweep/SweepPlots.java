package io.spikeforge.sweep;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * PNG charts of each kept number over the axes, drawn with XChart as {@code spikeforge plot} draws a
 * run's: over one axis, the mean over the runs at each value (the seeds, mostly) with their standard
 * deviation as error bars; over two grid axes, a heat map of that mean; over none (seeds only), each
 * run's value by seed; over more, the mean over the first axis. Failed runs are left out.
 */
final class SweepPlots {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;

    private SweepPlots() {
    }

    /** @return the files written, one per numeric kept column, in {@code dir} */
    static List<Path> write(Path dir, SweepFile sweep, List<RunRow> rows) throws IOException {
        Files.createDirectories(dir);
        List<RunRow> ok = rows.stream().filter(r -> r.exitCode() == 0).toList();
        List<String> axes = new ArrayList<>();
        for (Axis a : sweep.axes()) {
            long distinct = ok.stream().map(r -> r.values().get(a.column())).distinct().count();
            if (!a.column().equals("seed") && distinct > 1) {
                axes.add(a.column());
            }
        }
        List<Path> files = new ArrayList<>();
        for (Keep k : sweep.keep()) {
            String column = k.column();
            if (ok.isEmpty() || !(ok.getFirst().kept().get(column) instanceof Number)) {
                continue;
            }
            Chart<?, ?> chart = axes.size() == 2 && grid(ok, axes) ? heatMap(column, axes, ok)
                    : axes.isEmpty() ? bySeed(column, ok) : overAxis(column, axes.getFirst(), ok);
            Path file = dir.resolve(column.replaceAll("[^A-Za-z0-9_.-]", "_") + ".png");
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
            files.add(file);
        }
        return files;
    }

    private static double number(RunRow r, String column) {
        Object v = ResultTable.cell(r, column);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** @return whether every pair of the two axes' values has a run */
    private static boolean grid(List<RunRow> rows, List<String> axes) {
        long xs = rows.stream().map(r -> r.values().get(axes.get(0))).distinct().count();
        long ys = rows.stream().map(r -> r.values().get(axes.get(1))).distinct().count();
        long pairs = rows.stream().map(r -> r.values().get(axes.get(0)) + "|" + r.values().get(axes.get(1))).distinct()
                .count();
        return pairs == xs * ys;
    }

    private static XYChart xy(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y)
                .theme(Styler.ChartTheme.XChart).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLocale(java.util.Locale.ROOT);
        chart.getStyler().setSeriesColors(new Color[] {new Color(0x1f77b4)});
        return chart;
    }

    private static XYChart overAxis(String column, String axis, List<RunRow> rows) {
        TreeMap<Double, List<Double>> by = new TreeMap<>();
        rows.forEach(r -> by.computeIfAbsent(number(r, axis), x -> new ArrayList<>()).add(number(r, column)));
        double[] x = by.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] mean = new double[x.length];
        double[] std = new double[x.length];
        int i = 0;
        for (List<Double> ys : by.values()) {
            double m = ys.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            mean[i] = m;
            std[i++] = Math.sqrt(ys.stream().mapToDouble(v -> (v - m) * (v - m)).sum() / ys.size());
        }
        XYChart chart = xy(column + " over " + axis + " (mean ± std over runs)", axis, column);
        XYSeries s = chart.addSeries(column, x, mean, std);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return chart;
    }

    private static XYChart bySeed(String column, List<RunRow> rows) {
        double[] x = rows.stream().mapToDouble(r -> r.seed() == null ? Double.NaN : r.seed()).toArray();
        double[] y = rows.stream().mapToDouble(r -> number(r, column)).toArray();
        XYChart chart = xy(column + " by seed", "seed", column);
        chart.addSeries(column, x, y).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        return chart;
    }

    private static HeatMapChart heatMap(String column, List<String> axes, List<RunRow> rows) {
        TreeSet<Double> xs = new TreeSet<>();
        TreeSet<Double> ys = new TreeSet<>();
        rows.forEach(r -> {
            xs.add(number(r, axes.get(0)));
            ys.add(number(r, axes.get(1)));
        });
        List<Double> xl = new ArrayList<>(xs);
        List<Double> yl = new ArrayList<>(ys);
        double[][] sum = new double[xl.size()][yl.size()];
        int[][] n = new int[xl.size()][yl.size()];
        for (RunRow r : rows) {
            int i = xl.indexOf(number(r, axes.get(0)));
            int j = yl.indexOf(number(r, axes.get(1)));
            sum[i][j] += number(r, column);
            n[i][j]++;
        }
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < xl.size(); i++) {
            for (int j = 0; j < yl.size(); j++) {
                cells.add(new Number[] {i, j, sum[i][j] / n[i][j]});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT)
                .title(column + " (mean over runs)").xAxisTitle(axes.get(0)).yAxisTitle(axes.get(1)).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setLocale(java.util.Locale.ROOT);
        chart.getStyler().setRangeColors(new Color[] {new Color(0x440154), new Color(0x21918c), new Color(0xfde725)});
        chart.addSeries(column, labels(xl), labels(yl), cells);
        return chart;
    }

    private static List<String> labels(List<Double> values) {
        return values.stream().map(v -> v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString(v.longValue())
                : Double.toString(v)).toList();
    }

    /** For tests: the mean of {@code column} at each value of {@code axis}. */
    static Map<Double, Double> means(String column, String axis, List<RunRow> rows) {
        TreeMap<Double, List<Double>> by = new TreeMap<>();
        rows.forEach(r -> by.computeIfAbsent(number(r, axis), x -> new ArrayList<>()).add(number(r, column)));
        TreeMap<Double, Double> m = new TreeMap<>();
        by.forEach((x, ys) -> m.put(x, ys.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
        return m;
    }
}
