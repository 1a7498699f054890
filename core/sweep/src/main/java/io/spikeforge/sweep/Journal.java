package io.spikeforge.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code journal.jsonl} in a sweep's folder: one line per finished run, appended and flushed as each row
 * comes back, so that a sweep stopped at any moment keeps every row it has, and a restart skips those runs.
 * A last line cut short by the stop is ignored. Kept values carry their type ({@code d} double, {@code l}
 * long, {@code b} boolean, {@code s} text, {@code da}/{@code la} arrays), so a row reads back as it was.
 */
final class Journal implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedWriter out;

    Journal(Path file) throws IOException {
        // A line cut short by a stop is ended here, so that the next row starts a line of its own.
        boolean cut = Files.exists(file) && Files.size(file) > 0 && !Files.readString(file).endsWith("\n");
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (cut) {
            out.newLine();
        }
    }

    /** @return the rows of the journal by run key; the last row of a key wins */
    static Map<String, RunRow> read(Path file) throws IOException {
        Map<String, RunRow> rows = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return rows;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                RunRow r = decode(JSON.readTree(line));
                rows.put(r.key(), r);
            } catch (IOException | RuntimeException e) {
                // A line cut short when the sweep was stopped: that run runs again.
            }
        }
        return rows;
    }

    synchronized void append(RunRow row) throws IOException {
        out.write(JSON.writeValueAsString(encode(row)));
        out.newLine();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    static ObjectNode encode(RunRow r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", r.id());
        o.put("key", r.key());
        ObjectNode values = o.putObject("values");
        r.values().forEach(values::put);
        if (r.seed() != null) {
            o.put("seed", r.seed());
        }
        ObjectNode kept = o.putObject("kept");
        r.kept().forEach((k, v) -> {
            ArrayNode typed = kept.putArray(k);
            switch (v) {
                case Double d -> typed.add("d").add(Double.toString(d));
                case Long l -> typed.add("l").add(l);
                case Boolean b -> typed.add("b").add(b);
                case double[] a -> {
                    ArrayNode xs = typed.add("da").addArray();
                    for (double x : a) {
                        xs.add(Double.toString(x));
                    }
                }
                case long[] a -> {
                    ArrayNode xs = typed.add("la").addArray();
                    for (long x : a) {
                        xs.add(x);
                    }
                }
                case null -> typed.add("n");
                default -> typed.add("s").add(v.toString());
            }
        });
        o.put("wall_s", r.wallS());
        o.put("exit_code", r.exitCode());
        o.put("status", r.status());
        o.put("error", r.error());
        o.put("host", r.host());
        return o;
    }

    static RunRow decode(JsonNode o) {
        LinkedHashMap<String, String> values = new LinkedHashMap<>();
        o.get("values").properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        LinkedHashMap<String, Object> kept = new LinkedHashMap<>();
        o.get("kept").properties().forEach(e -> {
            JsonNode t = e.getValue();
            JsonNode v = t.get(1);
            Object value = switch (t.get(0).asText()) {
                case "d" -> Double.parseDouble(v.asText());
                case "l" -> v.asLong();
                case "b" -> v.asBoolean();
                case "da" -> {
                    double[] a = new double[v.size()];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = Double.parseDouble(v.get(i).asText());
                    }
                    yield a;
                }
                case "la" -> {
                    long[] a = new long[v.size()];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = v.get(i).asLong();
                    }
                    yield a;
                }
                case "n" -> null;
                default -> v.asText();
            };
            kept.put(e.getKey(), value);
        });
        JsonNode err = o.get("error");
        return new RunRow(o.get("id").asText(), o.get("key").asText(), values,
                o.hasNonNull("seed") ? o.get("seed").asLong() : null, kept, o.get("wall_s").asDouble(),
                o.get("exit_code").asInt(), o.get("status").asText(), err == null || err.isNull() ? null : err.asText(),
                o.path("host").asText(""));
    }

    /** @return the distinct keys in {@code rows} (for tests) */
    static List<String> keys(Map<String, RunRow> rows) {
        return List.copyOf(rows.keySet());
    }
}
