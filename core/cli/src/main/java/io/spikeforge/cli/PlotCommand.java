package io.spikeforge.cli;

import io.spikeforge.cli.plot.PlotInputException;
import io.spikeforge.cli.plot.Plotter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code spikeforge plot OUTDIR}: draws a finished run's results as PNG files next to them. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Draw a run's results as PNG files in its directory.",
                "A raster per spike monitor, population rates, each recorded variable over time, the weight"
                        + " histograms of plastic projections at the start and end, and an overview with"
                        + " everything on one time axis."})
final class PlotCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OUTDIR", description = "A run's output directory (holding summary.json).")
    Path dir;

    @Mixin
    LogOptions log;

    @Override
    public Integer call() throws Exception {
        log.apply();
        return plot(dir);
    }

    /** Plots {@code dir} and lists the files on stdout (results, so even when quiet); returns the exit code. */
    static int plot(Path dir) throws Exception {
        try {
            List<Path> files = Plotter.plot(dir);
            files.forEach(f -> System.out.println("plot: " + f));
            return 0;
        } catch (PlotInputException e) {
            System.err.println("spikeforge: " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            System.err.println("spikeforge: " + e.getMessage());
            return 2;
        }
    }
}
