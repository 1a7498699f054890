package io.spikeforge.core.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.spikeforge.core.arrays.NpyReader;
import io.spikeforge.core.arrays.NpyWriter;
import io.spikeforge.core.sim.Monitor;
import io.spikeforge.core.sim.Network;
import io.spikeforge.core.sim.ProjectionBlock;
import io.spikeforge.core.sim.ProjectionRuntime;
import io.spikeforge.core.sim.SpikeMonitor;
import io.spikeforge.core.sim.ValueMonitor;
import io.spikeforge.core.split.NeuronPartition;
import io.spikeforge.core.split.SpikeExchangeTask;
import io.spikeforge.core.split.SplitWeights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The outputs of a network split over processes, made into those of one run. Each process writes its
 * run's outputs into {@code DIR/ranks/<rank>/} as a single run would, plus its part of every projection
 * ({@code split.<projection>.rowptr.npy}, {@code .weight.npy}, {@code .weight_initial.npy}); once all
 * have, rank 0 writes {@code DIR} as one process would have: the spike monitors (every process saw
 * every spike), each value monitor's columns from the process that owns their neuron, and the summary
 * with each projection's synapses and weight statistics over all of its synapses, in their order.
 */
public final class SplitOutputs {

    private SplitOutputs() {
    }

    /** @return the folder of rank {@code rank}'s own outputs within the run's folder */
    public static Path rankDir(Path dir, int rank) {
        return dir.resolve("ranks").resolve(String.valueOf(rank));
    }

    /** Writes this process's part of every projection into its folder (after its run's outputs). */
    public static void writeParts(Path rankDir, Network net) throws IOException {
        for (ProjectionRuntime p : net.projections()) {
            int[] rowPtr = SplitWeights.rowOffsets(p.blocks().stream().map(ProjectionBlock::connectivity).toList());
            NpyWriter.writeInt32(rankDir.resolve("split." + p.name() + ".rowptr.npy"), new long[] {rowPtr.length},
                    i -> rowPtr[(int) i]);
            float[] now = SplitWeights.concat(p.blocks().stream().map(ProjectionBlock::weightsNow).toList());
            float[] initial = SplitWeights.concat(p.blocks().stream().map(ProjectionBlock::initialWeights).toList());
            NpyWriter.writeFloat32(rankDir.resolve("split." + p.name() + ".weight.npy"), new long[] {now.length},
                    i -> now[(int) i]);
            NpyWriter.writeFloat32(rankDir.resolve("split." + p.name() + ".weight_initial.npy"),
                    new long[] {initial.length}, i -> initial[(int) i]);
        }
    }

    /**
     * Rank 0, once every process has written its folder: writes the run's outputs into {@code dir} and
     * removes the processes' folders.
     *
     * @param net       rank 0's network
     * @param processes the number of processes
     * @return the summary written
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> merge(Path dir, Network net, int processes) throws IOException {
        List<Map<String, Object>> summaries = new java.util.ArrayList<>();
        for (int r = 0; r < processes; r++) {
            summaries.add(new ObjectMapper().readValue(rankDir(dir, r).resolve("summary.json").toFile(), Map.class));
        }
        Map<String, Object> summary = summaries.getFirst();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        // Exchanged every step, every process saw every spike; exchanged once per window, each saw its own.
        boolean whole = net.tasks().stream().anyMatch(t -> t.name().equals(SpikeExchangeTask.NAME));
        for (Monitor m : net.monitors()) {
            Path file = dir.resolve(m.name() + ".npy");
            if (m instanceof SpikeMonitor && whole) {
                Files.copy(rankDir(dir, 0).resolve(m.name() + ".npy"), file, StandardCopyOption.REPLACE_EXISTING);
            } else if (m instanceof SpikeMonitor) {
                shapes.put(m.name() + ".npy", mergeSpikes(dir, m.name(), processes, file));
            } else if (m instanceof ValueMonitor v && "weight".equals(v.spec().var())) {
                shapes.put(m.name() + ".npy", mergeWeights(dir, v, processes, file));
            } else if (m instanceof ValueMonitor v) {
                mergeValues(dir, net, v, processes, file);
            }
        }
        Map<String, Object> merged = new LinkedHashMap<>(summary);
        if (!whole) {
            merged.put("populations", populations(summaries));
        }
        merged.put("stop_reason", stopReason(summaries));
        @SuppressWarnings("unchecked")
        Map<String, Object> projections = new LinkedHashMap<>((Map<String, Object>) summary.get("projections"));
        for (ProjectionRuntime p : net.projections()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) projections.get(p.name()));
            int[][] rowPtrs = new int[processes][];
            float[][] now = new float[processes][];
            float[][] initial = new float[processes][];
            for (int r = 0; r < processes; r++) {
                Path rd = rankDir(dir, r);
                rowPtrs[r] = NpyReader.read(rd.resolve("split." + p.name() + ".rowptr.npy")).ints();
                now[r] = NpyReader.read(rd.resolve("split." + p.name() + ".weight.npy")).floats();
                initial[r] = NpyReader.read(rd.resolve("split." + p.name() + ".weight_initial.npy")).floats();
            }
            double lo = p.plasticity() == null ? Double.NaN : p.plasticity().wMin();
            double hi = p.plasticity() == null ? Double.NaN : p.plasticity().wMax();
            float[] all = SplitWeights.merge(rowPtrs, now);
            entry.put("synapses", (long) all.length);
            entry.put("weight", WeightStats.of(all, lo, hi).toMap());
            entry.put("weight_initial", WeightStats.of(SplitWeights.merge(rowPtrs, initial), lo, hi).toMap());
            projections.put(p.name(), entry);
        }
        merged.put("projections", projections);
        @SuppressWarnings("unchecked")
        Map<String, Object> monitors = new LinkedHashMap<>((Map<String, Object>) summary.get("monitors"));
        shapes.forEach((file, shape) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) monitors.get(file));
            // Rank 0's entry describes its own part: its column count, in the shape and the layout's words.
            Object local = ((List<?>) entry.get("shape")).get(1);
            entry.put("shape", shape);
            entry.put("layout", ((String) entry.get("layout")).replace("(rows, " + local + ")", "(rows, " + shape[1] + ")"));
            monitors.put(file, entry);
        });
        merged.put("monitors", monitors);
        merged.put("processes", processes);
        Path tmp = dir.resolve("summary.json.tmp");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), merged);
        Files.move(tmp, dir.resolve("summary.json"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        for (int r = 0; r < processes; r++) {
            try (Stream<Path> walk = Files.walk(rankDir(dir, r))) {
                for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        return merged;
    }

    /**
     * @return why the run stopped early: a process's own reason (a fault it found) before the stop every
     *         other process then agreed to, or null when it ran to the end
     */
    private static Object stopReason(List<Map<String, Object>> summaries) {
        for (Map<String, Object> s : summaries) {
            Object reason = s.get("stop_reason");
            if (reason != null && !reason.toString().startsWith("stopped on request")) {
                return reason;
            }
        }
        return summaries.getFirst().get("stop_reason");
    }

    /** @return the populations' entries with every process's spikes counted, and the rates from them */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> populations(List<Map<String, Object>> summaries) {
        Map<String, Object> summary = summaries.getFirst();
        Map<String, Object> pops = new LinkedHashMap<>((Map<String, Object>) summary.get("populations"));
        Map<String, Long> spikes = new LinkedHashMap<>();
        for (Map<String, Object> s : summaries) {
            ((Map<String, Object>) s.get("populations")).forEach((name, entry) -> spikes.merge(name,
                    ((Number) ((Map<String, Object>) entry).get("spikes")).longValue(), Long::sum));
        }
        double simulatedMs = ((Number) summary.get("duration_ms")).doubleValue();
        for (String name : List.copyOf(pops.keySet())) {
            Map<String, Object> p = new LinkedHashMap<>((Map<String, Object>) pops.get(name));
            long n = spikes.get(name);
            int size = ((Number) p.get("size")).intValue();
            p.put("spikes", n);
            // As Summary computes it, so that the double is the one of a single process.
            p.put("rate_hz", simulatedMs > 0 ? n / (double) size / (simulatedMs / 1000.0) : 0.0);
            pops.put(name, p);
        }
        return pops;
    }

    /**
     * Every process's spikes of a group, step by step, each step's in rank order (the ranks' neurons
     * ascend): the single run's (step, neuron) pairs.
     *
     * @return the merged file's shape
     */
    private static long[] mergeSpikes(Path dir, String monitor, int processes, Path file) throws IOException {
        int[][] pairs = new int[processes][];
        int total = 0;
        for (int r = 0; r < processes; r++) {
            pairs[r] = NpyReader.read(rankDir(dir, r).resolve(monitor + ".npy")).ints();
            total += pairs[r].length / 2;
        }
        int[] out = new int[total * 2];
        int[] next = new int[processes];
        int n = 0;
        while (n < out.length) {
            int step = Integer.MAX_VALUE;
            for (int r = 0; r < processes; r++) {
                if (next[r] < pairs[r].length) {
                    step = Math.min(step, pairs[r][next[r]]);
                }
            }
            for (int r = 0; r < processes; r++) {
                while (next[r] < pairs[r].length && pairs[r][next[r]] == step) {
                    out[n++] = pairs[r][next[r]++];
                    out[n++] = pairs[r][next[r]++];
                }
            }
        }
        NpyWriter.writeInt32(file, new long[] {total, 2}, i -> out[(int) i]);
        return new long[] {total, 2};
    }

    /**
     * Each recorded row of every synapse's weight, put back into the projection's order.
     *
     * @return the merged file's shape
     */
    private static long[] mergeWeights(Path dir, ValueMonitor v, int processes, Path file) throws IOException {
        int[][] rowPtrs = new int[processes][];
        NpyReader.NpyArray[] parts = new NpyReader.NpyArray[processes];
        for (int r = 0; r < processes; r++) {
            rowPtrs[r] = NpyReader.read(rankDir(dir, r).resolve("split." + v.spec().target() + ".rowptr.npy")).ints();
            parts[r] = NpyReader.read(rankDir(dir, r).resolve(v.name() + ".npy"));
        }
        int rows = parts[0].rows();
        float[][] merged = new float[rows][];
        for (int t = 0; t < rows; t++) {
            float[][] values = new float[processes][];
            for (int r = 0; r < processes; r++) {
                int columns = parts[r].columns();
                values[r] = java.util.Arrays.copyOfRange(parts[r].floats(), t * columns, (t + 1) * columns);
            }
            merged[t] = SplitWeights.merge(rowPtrs, values);
        }
        int columns = rows == 0 ? java.util.Arrays.stream(parts).mapToInt(NpyReader.NpyArray::columns).sum()
                : merged[0].length;
        NpyWriter.writeFloat32(file, new long[] {rows, columns}, i -> merged[(int) (i / columns)][(int) (i % columns)]);
        return new long[] {rows, columns};
    }

    /** Each column from the process that owns its element (every element of a group is some process's). */
    private static void mergeValues(Path dir, Network net, ValueMonitor v, int processes, Path file) throws IOException {
        NpyReader.NpyArray[] parts = new NpyReader.NpyArray[processes];
        for (int r = 0; r < processes; r++) {
            parts[r] = NpyReader.read(rankDir(dir, r).resolve(v.name() + ".npy"));
        }
        int length = net.states().find(v.spec().target() + "." + v.spec().var()).orElseThrow().length();
        NeuronPartition partition = new NeuronPartition(length, processes);
        int[] indices = v.indices();
        int[] owner = new int[indices.length];
        for (int c = 0; c < indices.length; c++) {
            owner[c] = partition.owner(indices[c]);
        }
        int columns = indices.length;
        long[] shape = parts[0].shape();
        NpyWriter.writeFloat32(file, shape, i -> {
            int r = (int) (i / columns);
            int c = (int) (i % columns);
            return parts[owner[c]].floatAt(r, c);
        });
    }
}
