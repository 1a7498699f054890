package io.spikeforge.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spikeforge.cli.SpikeForgeCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three examples run through the CLI and write the summary the README describes. */
class ExamplesTest {

    @TempDir
    Path out;

    private JsonNode run(String example, String... extra) throws Exception {
        String[] args = new String[4 + extra.length];
        args[0] = "run";
        args[1] = Sims.root().resolve("examples").resolve(example).toString();
        args[2] = "--out";
        args[3] = out.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        assertEquals(0, SpikeForgeCli.execute(args));
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        for (String key : new String[] {"dt_ms", "steps", "duration_ms", "wall_s", "backend", "threads"}) {
            assertTrue(s.has(key), "summary has " + key);
        }
        s.get("populations").forEach(p -> {
            assertTrue(p.has("size") && p.has("spikes") && p.has("rate_hz"));
        });
        s.get("projections").forEach(p -> {
            JsonNode w = p.get("weight");
            assertTrue(p.has("synapses") && w.has("mean") && w.has("std") && w.has("min") && w.has("max"));
            assertEquals(10, w.get("hist10").size());
        });
        return s;
    }

    @Test
    void stdpNetSpikesOncePerPulseAndMovesItsWeight() throws Exception {
        JsonNode s = run("stdp_net.yaml");
        assertEquals(3000, s.get("steps").asInt());
        assertEquals(300.0, s.get("duration_ms").asDouble(), 1e-9);
        assertEquals(6, s.at("/populations/pre/spikes").asInt(), "one spike per 15 ms pulse of 30 nA");
        JsonNode w = s.at("/projections/stdp");
        assertEquals(1, w.get("synapses").asInt());
        assertTrue(Math.abs(w.at("/weight/mean").asDouble() - w.at("/weight_initial/mean").asDouble()) > 0.1);
        for (String f : new String[] {"pre.spike.npy", "post.spike.npy", "stdp.g.npy", "stdp.A_pre.npy",
                "stdp.A_post.npy", "stdp.weight.npy"}) {
            assertTrue(out.resolve(f).toFile().length() > 128, f);
        }
    }

    @Test
    void song2000EndsWithAUShapedWeightHistogram() throws Exception {
        JsonNode s = run("song2000.yaml");
        assertEquals(1_000_000, s.get("steps").asInt());
        JsonNode hist = s.at("/projections/stdp/weight/hist10");
        long outer = Math.min(hist.get(0).asLong(), hist.get(9).asLong());
        for (int b = 2; b <= 7; b++) {
            assertTrue(outer > hist.get(b).asLong(), "outer bins above middle bin " + b + ": " + hist);
        }
        double rate = s.at("/populations/neuron/rate_hz").asDouble();
        assertTrue(rate > 5 && rate < 60, "output rate " + rate);
    }

    @Test
    void cobaRunsAtAsynchronousIrregularRates() throws Exception {
        JsonNode s = run("coba.yaml", "--threads", "2");
        assertEquals(2, s.get("threads").asInt());
        for (String pop : new String[] {"E", "I"}) {
            double rate = s.at("/populations/" + pop + "/rate_hz").asDouble();
            assertTrue(rate > 5 && rate < 50, pop + " rate " + rate);
        }
        assertEquals(3200, s.at("/populations/E/size").asInt());
    }
}
