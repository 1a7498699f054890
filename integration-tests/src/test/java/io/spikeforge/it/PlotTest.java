package io.spikeforge.it;

import io.spikeforge.cli.SpikeForgeCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run --plot} and {@code plot} draw the seed's results; bad directories get one line and exit code 2. */
class PlotTest {

    /** Matplotlib's first two colours, which the charts give the first and second series. */
    private static final int BLUE = 0x1f77b4;
    private static final int ORANGE = 0xff7f0e;

    @TempDir
    static Path out;

    private static String stdout;

    @BeforeAll
    static void runTheSeedWithPlots() {
        Captured c = capture(() -> SpikeForgeCli.execute("run", Sims.root().resolve("examples/stdp_net.yaml").toString(),
                "--out", out.toString(), "--plot", "--quiet"));
        assertEquals(0, c.code(), c.err());
        stdout = c.out();
    }

    @Test
    void theSeedGetsEveryPlotTheReadmeNames() {
        for (String png : List.of("pre.spike.png", "post.spike.png", "rates.png", "stdp.g.png", "stdp.A_pre.png",
                "stdp.A_post.png", "stdp.weight.png", "post.V.png", "stdp.weight_hist.png", "overview.png")) {
            assertTrue(Files.isRegularFile(out.resolve(png)), png);
            assertTrue(stdout.contains("plot: " + out.resolve(png)), "listed on stdout: " + png);
        }
        assertFalse(Files.exists(out.resolve("overview.png.tmp")));
    }

    @Test
    void theChartsAreRealPicturesWithTheirSeriesDrawn() throws Exception {
        for (String png : List.of("pre.spike.png", "stdp.weight.png", "post.V.png")) {
            BufferedImage img = ImageIO.read(out.resolve(png).toFile());
            assertEquals(900, img.getWidth(), png);
            assertTrue(pixels(img, BLUE) > 20, png + " shows its blue series");
        }
        BufferedImage rates = ImageIO.read(out.resolve("rates.png").toFile());
        assertTrue(pixels(rates, BLUE) > 20 && pixels(rates, ORANGE) > 20, "pre and post rates");
        BufferedImage hist = ImageIO.read(out.resolve("stdp.weight_hist.png").toFile());
        assertTrue(pixels(hist, BLUE) > 20 && pixels(hist, ORANGE) > 20, "start and end histograms");
        BufferedImage overview = ImageIO.read(out.resolve("overview.png").toFile());
        assertEquals(6 * 200, overview.getHeight(), "spikes, g, A_pre, A_post, weight and V panels");
    }

    @Test
    void plottingAgainRewritesTheSamePictures() throws Exception {
        byte[] before = Files.readAllBytes(out.resolve("stdp.weight.png"));
        Captured c = capture(() -> SpikeForgeCli.execute("plot", out.toString()));
        assertEquals(0, c.code(), c.err());
        assertEquals(10, c.out().lines().filter(l -> l.startsWith("plot: ")).count());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("stdp.weight.png"))),
                "the same data give the same picture");
    }

    @Test
    void aDirectoryWithoutResultsIsRefusedInOneLine(@TempDir Path empty) {
        assertBadInput(empty, "has no summary.json; run `spikeforge run CONFIG --out");
        assertBadInput(empty.resolve("missing"), "is not a directory");
    }

    @Test
    void aDamagedMonitorFileIsNamed(@TempDir Path dir) throws Exception {
        Files.copy(out.resolve("summary.json"), dir.resolve("summary.json"));
        for (String f : List.of("pre.spike.npy", "post.spike.npy", "stdp.g.npy", "stdp.A_pre.npy", "stdp.A_post.npy",
                "post.V.npy")) {
            Files.copy(out.resolve(f), dir.resolve(f));
        }
        assertBadInput(dir, "lists stdp.weight.npy but");
        Files.writeString(dir.resolve("stdp.weight.npy"), "garbage");
        assertBadInput(dir, "stdp.weight.npy is not a NumPy file SpikeForge can read");
        Files.copy(out.resolve("pre.spike.npy"), dir.resolve("stdp.weight.npy"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertBadInput(dir, "holds int32 [6, 2], not the float32 (rows, columns) array of a value monitor");
        Files.writeString(dir.resolve("summary.json"), "{\"dt_ms\": ");
        assertBadInput(dir, "summary.json is not valid JSON");
    }

    private static void assertBadInput(Path dir, String expected) {
        Captured c = capture(() -> SpikeForgeCli.execute("plot", dir.toString()));
        assertEquals(2, c.code(), c.err());
        assertTrue(c.err().contains(expected), c.err());
        assertTrue(c.err().startsWith("spikeforge: "), c.err());
        assertEquals(1, c.err().strip().lines().count(), "one line, no stack trace: " + c.err());
    }

    private static long pixels(BufferedImage img, int rgb) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    private record Captured(int code, String out, String err) {
    }

    private static Captured capture(java.util.function.IntSupplier command) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            code = command.getAsInt();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Captured(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }
}
