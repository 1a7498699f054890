package io.spikeforge.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spikeforge.cli.SpikeForgeCli;
import io.spikeforge.core.arrays.NpyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** summary.json states the unit of every field, and describes every monitor file as it is on disk. */
class SummaryTest {

    /** Objects whose keys are names the user chose, not field names. */
    private static final Set<String> NAMED = Set.of("populations", "projections", "monitors");

    @TempDir
    Path dir;

    private JsonNode run() throws Exception {
        Path config = dir.resolve("net.yaml");
        Files.writeString(config, """
                dt: 0.1
                duration: 20
                populations:
                  - {name: a, size: 3, neuron: LifRef}
                inputs:
                  - {name: drive, type: ConstantCurrent, target: a, value: 30}
                  - {name: noise, type: PoissonSpikes, size: 5, rate: 200}
                projections:
                  - name: p
                    pre: noise
                    post: a
                    comm: {type: CSRLinear, conn: All2All, weight: 0.1}
                    syn: Expon
                    out: {type: COBA, E: 0}
                    plasticity: {type: STDP_Song2000, W_min: 0, W_max: 1}
                  - {name: q, pre: a, post: a, comm: {type: Dense, weight: 0.1}, syn: Expon, out: CUBA}
                monitors:
                  - {target: a, var: spike, indices: [0, 2]}
                  - {target: noise, var: spike}
                  - {target: a, var: V, indices: [1], every: 3}
                  - {target: p, var: weight, every: 10}
                  - {target: p, var: A_pre}
                """);
        Path out = dir.resolve("out");
        assertEquals(0, SpikeForgeCli.execute("run", config.toString(), "--out", out.toString(), "--quiet"));
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void everyFieldHasItsUnitInTheUnitsMap() throws Exception {
        JsonNode s = run();
        JsonNode units = s.get("units");
        List<String> paths = new ArrayList<>();
        leaves(s, "", paths);
        List<String> missing = paths.stream().filter(p -> !units.has(p)).toList();
        assertTrue(missing.isEmpty(), "fields without a unit: " + missing);
        assertTrue(paths.contains("monitors.<name>.indices"), "the test reached optional fields: " + paths);
        assertTrue(paths.contains("projections.<name>.weight_initial.hist10_range"), paths.toString());
        assertEquals("STDP_Song2000", s.at("/projections/p/plasticity").asText());
        assertTrue(s.at("/projections/q/plasticity").isNull());
    }

    @Test
    void monitorEntriesMatchTheFilesOnDisk() throws Exception {
        JsonNode s = run();
        JsonNode monitors = s.get("monitors");
        assertEquals(5, monitors.size());
        for (Map.Entry<String, JsonNode> e : monitors.properties()) {
            NpyReader.NpyArray a = NpyReader.read(dir.resolve("out").resolve(e.getKey()));
            assertEquals(e.getValue().get("dtype").asText(), a.dtype(), e.getKey());
            long[] shape = new ObjectMapper().convertValue(e.getValue().get("shape"), long[].class);
            assertArrayEquals(shape, a.shape(), e.getKey());
        }
        JsonNode v = monitors.get("a.V.npy");
        assertEquals("mV", v.get("unit").asText());
        assertEquals(3, v.get("every").asInt());
        assertEquals("[1]", v.get("indices").toString());
        assertEquals("[67,1]", v.get("shape").toString(), "rows after steps 0, 3, ..., 198");
        assertEquals("[20,15]", monitors.at("/p.weight.npy/shape").toString(), "every 10th of 200 steps, 5 x 3 synapses");
        assertTrue(monitors.get("p.weight.npy").get("indices") == null, "all synapses: no indices listed");
    }

    /** Collects leaf paths, with {@code <name>} for user-chosen keys and arrays taken as leaves. */
    private static void leaves(JsonNode node, String path, List<String> out) {
        if (!node.isObject()) {
            out.add(path);
            return;
        }
        boolean named = NAMED.contains(path);
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            if (path.isEmpty() && f.getKey().equals("units")) {
                continue;
            }
            String key = named ? "<name>" : f.getKey();
            leaves(f.getValue(), path.isEmpty() ? key : path + "." + key, out);
        }
    }
}
