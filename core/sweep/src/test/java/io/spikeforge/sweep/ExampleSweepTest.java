package io.spikeforge.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spikeforge.cli.SpikeForgeCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's example sweep (examples/sweeps/song2000_A2.yaml: 3 values of A2 x 4 seeds, 10 s each),
 * in-process: every row is what {@code spikeforge run} of its config point gives.
 */
class ExampleSweepTest {

    @BeforeAll
    static void quiet() {
        SweepRuns.quiet();
    }

    @Test
    void theSong2000SweepWritesItsTableAndPlotsAndEachRowIsItsSingleRun(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("song2000_A2");
        Sweep.Result r = Sweep.of(Path.of("../../examples/sweeps/song2000_A2.yaml")).out(dir).progress(null).run();
        assertEquals(12, r.rows().size());
        assertEquals(0, r.failed());
        assertEquals(13, Files.readAllLines(dir.resolve("results.csv")).size());
        for (String plot : new String[] {"populations.neuron.rate_hz", "projections.stdp.weight.mean", "cv_isi.neuron"}) {
            assertTrue(Files.size(dir.resolve("plots").resolve(plot + ".png")) > 1000, plot);
        }
        ObjectMapper json = new ObjectMapper();
        for (Map<String, Object> row : r.rows()) {
            String id = (String) row.get("id");
            Path cli = tmp.resolve("cli").resolve(id);
            assertEquals(0, SpikeForgeCli.execute("run", dir.resolve("runs").resolve(id).resolve("config.yaml")
                    .toString(), "--out", cli.toString(), "--quiet"));
            JsonNode s = json.readTree(cli.resolve("summary.json").toFile());
            assertEquals(s.path("populations").path("neuron").path("rate_hz").asDouble(),
                    (Double) row.get("populations.neuron.rate_hz"), 0.0, id);
            JsonNode weight = s.path("projections").path("stdp").path("weight");
            assertEquals(weight.path("mean").asDouble(), (Double) row.get("projections.stdp.weight.mean"), 0.0, id);
            // 10 bins over [W_min, W_max]: the summary's own histogram of the final weights.
            long[] hist10 = new long[10];
            for (int b = 0; b < 10; b++) {
                hist10[b] = weight.path("hist10").get(b).asLong();
            }
            assertArrayEquals(hist10, (long[]) row.get("weight_histogram.stdp"), id);
        }
        // Stronger depression (A2) lowers the output rate, on average over the seeds.
        java.util.TreeMap<Double, Double> rate = new java.util.TreeMap<>();
        for (Map<String, Object> row : r.rows()) {
            rate.merge(((Number) row.get("projections[0].plasticity.A2")).doubleValue(),
                    (Double) row.get("populations.neuron.rate_hz") / 4, Double::sum);
        }
        Double[] means = rate.values().toArray(Double[]::new);
        assertTrue(means[0] > means[1] && means[1] > means[2], rate.toString());
    }
}
