package io.spikeforge.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sweep on Spark's {@code local[2]}, with the real engine, against {@code spikeforge run} of each point. */
class LocalSweepTest {

    @org.junit.jupiter.api.BeforeAll
    static void quiet() {
        SweepRuns.quiet();
    }

    @Test
    void eachRowIsWhatSpikeforgeRunOfItsConfigGivesAndABadPointIsARowWithItsError(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("sweep");
        Sweep.Result r = Sweep.of(SweepReaderTest.resource("tiny_sweep.yaml")).master("local[2]").out(dir)
                .progress(null).run();
        assertEquals(List.of("id", "projections[0].plasticity.tau_s", "seed", "populations.neuron.rate_hz",
                "projections.stdp.weight.mean", "cv_isi.neuron", "rate_hz.neuron", "weight_histogram.stdp", "wall_s",
                "exit_code", "status", "error", "host"), r.columns());
        assertEquals(6, r.rows().size());
        assertEquals(2, r.failed());
        for (Map<String, Object> row : r.rows().subList(0, 4)) {
            String id = (String) row.get("id");
            assertEquals("ok", row.get("status"), id);
            assertEquals(0L, row.get("exit_code"));
            assertNull(row.get("error"));
            JsonNode cli = SweepRuns.sameAsSpikeforgeRun(dir, id, tmp.resolve("cli"));
            JsonNode neuron = cli.path("populations").path("neuron");
            assertEquals(neuron.path("rate_hz").asDouble(), (Double) row.get("populations.neuron.rate_hz"), 0.0);
            assertEquals(neuron.path("rate_hz").asDouble(), (Double) row.get("rate_hz.neuron"), 1e-12);
            assertEquals(cli.path("projections").path("stdp").path("weight").path("mean").asDouble(),
                    (Double) row.get("projections.stdp.weight.mean"), 0.0);
            assertEquals(cli.path("seed").asLong(), row.get("seed"));
            long[] hist = (long[]) row.get("weight_histogram.stdp");
            assertEquals(200, java.util.Arrays.stream(hist).sum(), "every synapse in a bin");
        }
        // The seed changes the Poisson inputs, and tau_s the learning: the rows differ.
        assertTrue(!r.rows().get(0).get("projections.stdp.weight.mean").equals(r.rows().get(1).get("projections.stdp.weight.mean")));
        assertTrue(!r.rows().get(0).get("projections.stdp.weight.mean").equals(r.rows().get(2).get("projections.stdp.weight.mean")));
        for (Map<String, Object> row : r.rows().subList(4, 6)) {
            assertEquals("config_error", row.get("status"));
            assertEquals(2L, row.get("exit_code"));
            // The run's config path, the value and what is allowed, as spikeforge run of that config says it.
            assertEquals("projections[0].plasticity.tau_s: must be > 0 ms, got -1", row.get("error"));
        }
        String id = (String) r.rows().get(4).get("id");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, cli(err, "run", dir.resolve("runs").resolve(id).resolve("config.yaml").toString(), "--out",
                tmp.resolve("cli-bad").toString(), "--quiet"));
        assertEquals("spikeforge: 1 configuration error in " + dir.resolve("runs").resolve(id).resolve("config.yaml")
                + ":\n  " + r.rows().get(4).get("error") + "\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(7, Files.readAllLines(dir.resolve("results.csv")).size());
        assertTrue(Files.exists(dir.resolve("results.parquet/_SUCCESS")));
        assertTrue(Files.size(dir.resolve("plots/populations.neuron.rate_hz.png")) > 1000);

        // Stopped after 3 rows: the restart runs the other 3 only, and the table is the same.
        Path journal = dir.resolve("journal.jsonl");
        List<String> lines = Files.readAllLines(journal);
        assertEquals(6, lines.size());
        Files.write(journal, lines.subList(0, 3));
        Files.writeString(journal, lines.get(3).substring(0, 40), java.nio.file.StandardOpenOption.APPEND);
        Sweep.Result again = Sweep.of(SweepReaderTest.resource("tiny_sweep.yaml")).master("local[2]").out(dir)
                .progress(null).run();
        assertEquals(3, again.skipped());
        assertEquals(SweepRuns.comparable(r), SweepRuns.comparable(again));
    }

    /**
     * AdExIF's adaptation w is integrated by forward Euler, which is unstable for tau_w below dt / 2: with
     * tau_w = 0.01 ms (dt 0.1 ms) w swings with a growing amplitude until V is NaN. Those points are rows
     * with the engine's message and exit code 3, as {@code spikeforge run} of them gives; the other points
     * of the grid are rows as if they had run alone.
     */
    @Test
    void aPointThatBlowsUpIsANumericalFaultRowAndTheOtherPointsAreIntact(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("sweep");
        Sweep.Result r = Sweep.of(SweepReaderTest.resource("nan_sweep.yaml")).master("local[2]").out(dir)
                .progress(null).run();
        assertEquals(4, r.rows().size());
        assertEquals(2, r.failed());
        String fault = "numerical fault between steps 0 and 999 (t = 0 to 100 ms; --check-every 1 finds the step):"
                + " population 'neuron', variable 'V', neuron 0 is NaN. Lower dt or check the model's parameters";
        for (Map<String, Object> row : r.rows()) {
            String id = (String) row.get("id");
            Path config = dir.resolve("runs").resolve(id).resolve("config.yaml");
            if (row.get("populations[0].neuron.tau_w").equals(0.01)) {
                assertEquals("numerical_fault", row.get("status"), id);
                assertEquals(3L, row.get("exit_code"), id);
                assertEquals(fault, row.get("error"), id);
                assertNull(row.get("populations.neuron.rate_hz"), id);
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                Path out = tmp.resolve("cli").resolve(id);
                assertEquals(3, cli(err, "run", config.toString(), "--out", out.toString(), "--quiet"), id);
                assertEquals("spikeforge: nan_sweep-" + id + ": " + fault + "; the outputs up to t = 100 ms are in "
                        + out + "\n", err.toString(StandardCharsets.UTF_8));
            } else {
                assertEquals(30L, row.get("populations[0].neuron.tau_w"), id);
                assertEquals("ok", row.get("status"), id);
                assertEquals(0L, row.get("exit_code"), id);
                assertNull(row.get("error"), id);
                JsonNode cli = SweepRuns.sameAsSpikeforgeRun(dir, id, tmp.resolve("cli"));
                assertEquals(cli.path("populations").path("neuron").path("rate_hz").asDouble(),
                        (Double) row.get("populations.neuron.rate_hz"), 0.0, id);
                assertTrue((Double) row.get("populations.neuron.rate_hz") > 10, "the adapting neurons fire: " + row);
                assertEquals(cli.path("projections").path("stdp").path("weight").path("mean").asDouble(),
                        (Double) row.get("projections.stdp.weight.mean"), 0.0, id);
            }
        }
        assertEquals(List.of(30L, 30L, 0.01, 0.01), r.rows().stream().map(x -> x.get("populations[0].neuron.tau_w")).toList());
    }

    /** Runs {@code spikeforge run ...} in this JVM, its stderr into {@code err}. */
    private static int cli(ByteArrayOutputStream err, String... args) {
        PrintStream stderr = System.err;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return io.spikeforge.cli.SpikeForgeCli.execute(args);
        } finally {
            System.setErr(stderr);
        }
    }
}
