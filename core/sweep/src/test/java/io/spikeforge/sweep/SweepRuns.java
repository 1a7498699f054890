package io.spikeforge.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikeforge.cli.SpikeForgeCli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the sweep tests check of a finished sweep. */
final class SweepRuns {

    private SweepRuns() {
    }

    /** Spark logs each task at INFO (through the CLI's logback here): the tests show warnings only. */
    static void quiet() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    /** @return the rows without the cells that differ between machines and sittings (wall time, host) */
    static List<Map<String, Object>> comparable(Sweep.Result r) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : r.rows()) {
            Map<String, Object> m = new LinkedHashMap<>(row);
            m.remove("wall_s");
            m.remove("host");
            m.replaceAll((k, v) -> v instanceof long[] a ? List.of(java.util.Arrays.stream(a).boxed().toArray())
                    : v instanceof double[] a ? List.of(java.util.Arrays.stream(a).boxed().toArray()) : v);
            rows.add(m);
        }
        return rows;
    }

    /** @return results.csv's cells, row by row (the header first), without the columns named */
    static List<List<String>> csv(Path file, String... without) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            rows.add(cells);
        }
        List<String> header = List.copyOf(rows.getFirst());
        for (String column : without) {
            int i = header.indexOf(column);
            rows.forEach(r -> r.set(i, null));
        }
        rows.forEach(r -> r.removeIf(java.util.Objects::isNull));
        return rows;
    }

    /**
     * Runs {@code spikeforge run} of the run's {@code config.yaml} and checks that it writes what the sweep's
     * run wrote: the same summary.json (but for wall times and threads) and the same .npy files, byte for byte.
     *
     * @return the CLI's summary
     */
    static JsonNode sameAsSpikeforgeRun(Path sweepDir, String id, Path scratch) throws IOException {
        Path run = sweepDir.resolve("runs").resolve(id);
        Path cli = scratch.resolve(id);
        assertEquals(0, SpikeForgeCli.execute("run", run.resolve("config.yaml").toString(), "--out", cli.toString(),
                "--quiet"));
        ObjectMapper json = new ObjectMapper();
        ObjectNode ours = (ObjectNode) json.readTree(run.resolve("summary.json").toFile());
        ObjectNode theirs = (ObjectNode) json.readTree(cli.resolve("summary.json").toFile());
        for (String machineDependent : List.of("wall_s", "build_s", "threads")) {
            ours.remove(machineDependent);
            theirs.remove(machineDependent);
        }
        assertEquals(theirs, ours, id);
        try (Stream<Path> files = Files.list(cli)) {
            List<Path> npy = files.filter(f -> f.toString().endsWith(".npy")).toList();
            assertEquals(2, npy.size(), "the spike and the weight monitor of " + id);
            for (Path f : npy) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(run.resolve(f.getFileName())),
                        id + ": " + f.getFileName());
            }
        }
        return theirs;
    }
}
