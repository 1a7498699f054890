package io.spikeforge.cli.plot;

import io.spikeforge.core.arrays.NpyReader;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a run's results as PNG files next to them, headless:
 * <ul>
 *   <li>{@code <monitor>.png} for each monitor: a spike raster, or the recorded values over time;</li>
 *   <li>{@code rates.png}: the rate of every group with a spike monitor, over time;</li>
 *   <li>{@code <projection>.weight_hist.png}: a plastic projection's weight histogram at the start
 *       and at the end;</li>
 *   <li>{@code overview.png}: the spikes and every recorded curve stacked on one time axis, like the
 *       figure of BrainPy's STDP example.</li>
 * </ul>
 */
public final class Plotter {

    private static final Logger LOG = LoggerFactory.getLogger(Plotter.class);
    /** Panels beyond this make the overview too tall to take in at a glance. */
    private static final int MAX_OVERVIEW_PANELS = 8;
    private static final int PANEL_HEIGHT = 200;

    static {
        // Before any AWT class loads: render into images, never open a display.
        System.setProperty("java.awt.headless", "true");
    }

    private Plotter() {
    }

    /**
     * Plots the results in {@code dir}.
     *
     * @return the files written, in the order written
     * @throws PlotInputException when {@code dir} does not hold a run's results
     */
    public static List<Path> plot(Path dir) throws IOException {
        RunOutput run = RunOutput.read(dir);
        List<Path> written = new ArrayList<>();
        List<RunOutput.MonitorFile> spikeMonitors = new ArrayList<>();
        List<NpyReader.NpyArray> spikes = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Integer> recorded = new ArrayList<>();
        List<XYChart> panels = new ArrayList<>();
        for (RunOutput.MonitorFile m : run.monitors()) {
            NpyReader.NpyArray a = m.read();
            if (m.spikes()) {
                int size = groupSize(run, m, a);
                spikeMonitors.add(m);
                spikes.add(a);
                sizes.add(size);
                recorded.add(m.indices() == null ? size : m.indices().length);
                written.add(save(SpikeCharts.raster(run, m, a, size), dir.resolve(m.name() + ".png")));
            } else {
                written.add(save(ValueCharts.trace(run, m, a, ChartStyle.HEIGHT), dir.resolve(m.name() + ".png")));
                panels.add(ValueCharts.trace(run, m, a, PANEL_HEIGHT));
            }
        }
        if (!spikeMonitors.isEmpty()) {
            written.add(save(SpikeCharts.rates(run, spikeMonitors, spikes, recorded), dir.resolve("rates.png")));
            panels.addFirst(SpikeCharts.rasters(run, spikeMonitors, spikes, sizes, PANEL_HEIGHT));
        }
        run.projections().forEach((name, p) -> {
            if (p.plasticity() != null) {
                written.add(save(WeightCharts.histogram(name, p, weightUnit(run, name)),
                        dir.resolve(name + ".weight_hist.png")));
            }
        });
        if (panels.size() > 1) {
            List<XYChart> shown = panels.subList(0, Math.min(MAX_OVERVIEW_PANELS, panels.size()));
            // The same width for every panel's tick labels keeps the time axes aligned.
            shown.forEach(c -> c.getStyler().setYAxisLeftWidthHint(60));
            written.add(saveStack(shown, dir.resolve("overview.png")));
        }
        LOG.info("wrote {} plots to {}", written.size(), dir);
        return written;
    }

    private static int groupSize(RunOutput run, RunOutput.MonitorFile m, NpyReader.NpyArray spikes) {
        Integer size = run.populations().get(m.target());
        int largest = -1;
        for (int k = 0; k < spikes.rows(); k++) {
            largest = Math.max(largest, spikes.intAt(k, 1));
        }
        if (size != null && largest >= size || largest < -1) {
            throw new PlotInputException(m.file() + " holds neuron index " + largest + " but '" + m.target()
                    + "' has " + size + " neurons");
        }
        return size != null ? size : largest + 1;
    }

    private static String weightUnit(RunOutput run, String projection) {
        return run.monitors().stream().filter(m -> m.target().equals(projection) && m.var().equals("weight"))
                .map(RunOutput.MonitorFile::unit).findFirst().orElse("uS");
    }

    private static Path save(XYChart chart, Path file) {
        return write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }

    private static Path saveStack(List<XYChart> charts, Path file) {
        return write(file, out -> BitmapEncoder.saveBitmap(charts, charts.size(), 1, out,
                BitmapEncoder.BitmapFormat.PNG));
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Writes through a temporary file, so a reader never sees half a picture. */
    private static Path write(Path file, Body body) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
