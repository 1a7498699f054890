package io.spikeforge.cli.plot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spikeforge.core.arrays.NpyReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's results directory as {@code spikeforge run} wrote it: summary.json and the monitors' .npy
 * files, read back for plotting. Times are in ms.
 *
 * @param dir         the directory
 * @param name        the run's name
 * @param dtMs        time step in ms
 * @param durationMs  simulated time in ms
 * @param populations group sizes by name
 * @param projections projections by name
 * @param monitors    monitor files, in summary order
 */
record RunOutput(Path dir, String name, double dtMs, double durationMs, Map<String, Integer> populations,
                        Map<String, ProjectionInfo> projections, List<MonitorFile> monitors) {

    /**
     * A projection's weight statistics at the start and end of the run.
     *
     * @param plasticity the rule's name, or null for fixed weights
     * @param initial    the histogram at the start
     * @param last       the histogram at the end
     */
    public record ProjectionInfo(String plasticity, Histogram initial, Histogram last) {
    }

    /**
     * Ten equal bins between {@code lo} and {@code hi} (both equal when every weight is the same).
     *
     * @param counts synapses per bin
     * @param lo     lower edge, in the weight's unit
     * @param hi     upper edge
     */
    public record Histogram(long[] counts, double lo, double hi) {
    }

    /**
     * One monitor's file and what summary.json says of it.
     *
     * @param file    the .npy file
     * @param target  the recorded group or projection
     * @param var     the variable, {@code spike} for spikes
     * @param unit    the values' unit
     * @param every   steps between rows
     * @param indices the element each column holds, or null for column c = element c
     */
    public record MonitorFile(Path file, String target, String var, String unit, int every, int[] indices) {

        /** @return whether the file holds (step, index) spike pairs */
        public boolean spikes() {
            return var.equals("spike");
        }

        /** @return the file's base name, for example {@code post.V} */
        public String name() {
            return file.getFileName().toString().replaceFirst("\\.npy$", "");
        }

        /** @return the element that column {@code c} holds */
        public int element(int c) {
            return indices == null ? c : indices[c];
        }

        /** @return the array, checked to be the dtype a monitor of this kind writes */
        public NpyReader.NpyArray read() {
            NpyReader.NpyArray a;
            try {
                a = NpyReader.read(file);
            } catch (IOException e) {
                throw new PlotInputException("cannot read " + file + ": " + e.getMessage());
            }
            String expected = spikes() ? "int32" : "float32";
            if (!a.dtype().equals(expected) || a.shape().length != 2 || spikes() && a.columns() != 2) {
                throw new PlotInputException(file + " holds " + a.dtype() + " " + java.util.Arrays.toString(a.shape())
                        + ", not the " + expected + (spikes() ? " (n, 2)" : " (rows, columns)") + " array of a "
                        + (spikes() ? "spike" : "value") + " monitor");
            }
            return a;
        }
    }

    /** @return the results in {@code dir} */
    public static RunOutput read(Path dir) {
        Path summary = dir.resolve("summary.json");
        if (!Files.isDirectory(dir)) {
            throw new PlotInputException(dir + " is not a directory; give the --out directory of a run");
        }
        if (!Files.isRegularFile(summary)) {
            throw new PlotInputException(dir + " has no summary.json; run `spikeforge run CONFIG --out " + dir
                    + "` first, or give the directory of a finished run");
        }
        JsonNode s;
        try {
            s = new ObjectMapper().readTree(summary.toFile());
        } catch (JsonProcessingException e) {
            throw new PlotInputException(summary + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PlotInputException("cannot read " + summary + ": " + e.getMessage());
        }
        Fields f = new Fields(summary, s);
        Map<String, Integer> pops = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : f.entries(s, "populations")) {
            pops.put(e.getKey(), (int) f.number(e.getValue(), "populations." + e.getKey() + ".size"));
        }
        Map<String, ProjectionInfo> projs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : f.entries(s, "projections")) {
            String p = "projections." + e.getKey();
            JsonNode rule = e.getValue().get("plasticity");
            projs.put(e.getKey(), new ProjectionInfo(rule == null || rule.isNull() ? null : rule.asText(),
                    f.histogram(e.getValue().get("weight_initial"), p + ".weight_initial"),
                    f.histogram(e.getValue().get("weight"), p + ".weight")));
        }
        List<MonitorFile> monitors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : f.entries(s, "monitors")) {
            JsonNode m = e.getValue();
            String p = "monitors." + e.getKey();
            if (!m.isObject()) {
                throw new PlotInputException(summary + " comes from an older SpikeForge (" + p + " is not an object);"
                        + " run the config again");
            }
            Path file = dir.resolve(e.getKey());
            if (!Files.isRegularFile(file)) {
                throw new PlotInputException(summary + " lists " + e.getKey() + " but " + file + " is missing");
            }
            int[] indices = m.has("indices") ? f.ints(m.get("indices"), p + ".indices") : null;
            monitors.add(new MonitorFile(file, f.text(m, p + ".target"), f.text(m, p + ".var"),
                    m.path("unit").asText("1"), (int) f.number(m, p + ".every"), indices));
        }
        return new RunOutput(dir, s.path("name").asText(dir.getFileName().toString()), f.number(s, "dt_ms"),
                f.number(s, "duration_ms"), pops, projs, monitors);
    }

    /** Reads required fields, naming the file and the field when one is missing or of the wrong type. */
    private record Fields(Path file, JsonNode root) {

        double number(JsonNode node, String path) {
            JsonNode n = node.get(path.substring(path.lastIndexOf('.') + 1));
            if (n == null || !n.isNumber()) {
                throw missing(path, "a number");
            }
            return n.asDouble();
        }

        String text(JsonNode node, String path) {
            JsonNode n = node.get(path.substring(path.lastIndexOf('.') + 1));
            if (n == null || !n.isTextual()) {
                throw missing(path, "text");
            }
            return n.asText();
        }

        int[] ints(JsonNode node, String path) {
            if (!node.isArray()) {
                throw missing(path, "a list of indices");
            }
            int[] out = new int[node.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = node.get(i).asInt();
            }
            return out;
        }

        List<Map.Entry<String, JsonNode>> entries(JsonNode node, String key) {
            JsonNode n = node.get(key);
            if (n == null || !n.isObject()) {
                throw missing(key, "an object");
            }
            return new ArrayList<>(n.properties());
        }

        Histogram histogram(JsonNode w, String path) {
            if (w == null || !w.path("hist10").isArray() || w.path("hist10_range").size() != 2) {
                throw missing(path + ".hist10", "10 counts with hist10_range");
            }
            long[] counts = new long[w.get("hist10").size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = w.get("hist10").get(i).asLong();
            }
            return new Histogram(counts, w.get("hist10_range").get(0).asDouble(), w.get("hist10_range").get(1).asDouble());
        }

        PlotInputException missing(String path, String what) {
            return new PlotInputException(file + ": " + path + " is missing or not " + what);
        }
    }
}
