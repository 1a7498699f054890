package io.spikeforge.cli.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;

/** The look shared by every chart: size, fonts, colours, grid, legend. */
final class ChartStyle {

    static final int WIDTH = 900;
    static final int HEIGHT = 420;
    /** Matplotlib's default cycle, familiar to anyone who has plotted BrainPy or Brian2 results. */
    static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2),
            new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private ChartStyle() {
    }

    /** @return an empty chart with the shared look */
    static XYChart xy(String title, String xTitle, String yTitle, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).theme(Styler.ChartTheme.XChart).build();
        XYStyler s = chart.getStyler();
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setLegendBackgroundColor(new Color(255, 255, 255, 220));
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotGridLinesVisible(true);
        s.setPlotGridLinesColor(new Color(0xdddddd));
        s.setSeriesColors(COLORS);
        s.setChartTitleBoxVisible(false);
        s.setPlotBorderVisible(true);
        s.setAntiAlias(true);
        // Room for labels such as "100000" between ticks.
        s.setXAxisTickMarkSpacingHint(70);
        s.setToolTipsEnabled(false);
        s.setLocale(java.util.Locale.ROOT);
        return chart;
    }

    /** A vertical tick: the classic mark of a spike raster. */
    static final class Tick extends Marker {
        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            g.setStroke(new BasicStroke(1.6f));
            g.draw(new Line2D.Double(x, y - size / 2.0, x, y + size / 2.0));
        }
    }
}
