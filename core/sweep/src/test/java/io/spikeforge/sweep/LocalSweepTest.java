package io.spikeforge.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
            assertTrue(((String) row.get("error")).startsWith("projections[0].plasticity.tau_s: "), (String) row.get("error"));
        }
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
}
