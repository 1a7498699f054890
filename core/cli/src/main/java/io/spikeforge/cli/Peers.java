package io.spikeforge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The peers {@code bench --peers DIR} runs beside SpikeForge, from a folder outside the repository
 * ({@code DIR/limit/coba_ref.c}, the hand-written C floor, and {@code DIR/brian2/coba.py}, Brian2's C++
 * standalone): the same COBA network, each timed by its own loop clock. A peer whose file or tool is
 * missing is skipped with a message saying why; nothing of a peer is copied into the project.
 */
final class Peers {

    /** Brian2 through Debian's Python, the only one that imports it here. */
    private static final String PYTHON = "/usr/bin/python3";
    private static final long TIMEOUT_S = 900;

    private final Path dir;
    private final Path work;
    private Path corefBinary;
    private boolean corefTried;

    private Peers(Path dir, Path work) {
        this.dir = dir;
        this.work = work;
    }

    /**
     * @param dir the peers' folder (the option's value, else $SPIKEFORGE_PEERS)
     * @return the peers, or null with the reason printed when there is no folder
     */
    static Peers at(String dir) throws IOException {
        if (dir == null || dir.isBlank()) {
            System.err.println("spikeforge: peers skipped: give --peers DIR or set SPIKEFORGE_PEERS to the folder"
                    + " holding limit/coba_ref.c and brian2/coba.py");
            return null;
        }
        Path d = Path.of(dir);
        if (!Files.isDirectory(d)) {
            System.err.println("spikeforge: peers skipped: " + d + " is not a folder");
            return null;
        }
        return new Peers(d, Files.createTempDirectory("spikeforge-peers"));
    }

    /**
     * @param n neurons
     * @param p connection probability
     * @return coba_ref's JSON line with the command added, or null (reason printed)
     */
    Map<String, Object> cobaRef(int n, double durationMs, double p) throws IOException, InterruptedException {
        if (!corefTried) {
            corefTried = true;
            Path source = dir.resolve("limit/coba_ref.c");
            if (!Files.isRegularFile(source)) {
                System.err.println("spikeforge: coba_ref skipped: no " + source);
                return null;
            }
            Path binary = work.resolve("coba_ref");
            List<String> cc = List.of("gcc", "-O3", "-march=native", "-ffast-math", "-o", binary.toString(),
                    source.toString(), "-lm");
            Result r = exec(cc, work);
            if (r == null || r.code != 0) {
                System.err.println("spikeforge: coba_ref skipped: " + String.join(" ", cc) + " failed"
                        + (r == null ? " to start (is gcc installed?)" : ": " + r.output.strip()));
                return null;
            }
            corefBinary = binary;
        }
        if (corefBinary == null) {
            return null;
        }
        List<String> cmd = List.of(corefBinary.toString(), String.valueOf(n), fmt(durationMs), fmt(p));
        return line("coba_ref", "gcc -O3 -march=native -ffast-math coba_ref.c; coba_ref " + n + " " + fmt(durationMs)
                + " " + fmt(p), exec(cmd, work));
    }

    /**
     * @param fixedIndegree 0 for p = 0.02
     * @return Brian2 C++ standalone's JSON line with the command added, or null (reason printed)
     */
    Map<String, Object> brian2(int n, double durationMs, double fixedIndegree, int threads)
            throws IOException, InterruptedException {
        Path script = dir.resolve("brian2/coba.py");
        if (!Files.isRegularFile(script)) {
            System.err.println("spikeforge: Brian2 skipped: no " + script);
            return null;
        }
        if (!Files.isExecutable(Path.of(PYTHON))) {
            System.err.println("spikeforge: Brian2 skipped: no " + PYTHON);
            return null;
        }
        List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString(), "--N", String.valueOf(n), "--duration",
                fmt(durationMs), "--mode", "cpp_standalone", "--threads", String.valueOf(threads)));
        if (fixedIndegree > 0) {
            cmd.addAll(List.of("--fixed-indegree", fmt(fixedIndegree)));
        }
        Path run = Files.createTempDirectory(work, "brian2");
        return line("brian2_cpp_standalone", String.join(" ", cmd.subList(1, cmd.size())).replace(script.toString(),
                "coba.py"), exec(cmd, run));
    }

    /** Removes the peers' temporary folder. */
    void close() throws IOException {
        try (Stream<Path> all = Files.walk(work)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Map<String, Object> line(String peer, String command, Result r) throws IOException {
        if (r == null || r.code != 0) {
            System.err.println("spikeforge: " + peer + " failed (" + command + ")"
                    + (r == null ? "" : ": exit " + r.code + ": " + tail(r.output)));
            return null;
        }
        String last = null;
        for (String l : r.output.split("\n")) {
            if (l.strip().startsWith("{")) {
                last = l.strip();
            }
        }
        if (last == null) {
            System.err.println("spikeforge: " + peer + " printed no JSON line: " + tail(r.output));
            return null;
        }
        JsonNode node = new ObjectMapper().readTree(last);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("peer", peer);
        out.put("command", command);
        double loop = node.has("loop_s") ? node.get("loop_s").asDouble() : node.get("sim_loop_s").asDouble();
        out.put("loop_s", loop);
        for (String k : new String[] {"N", "synapses", "spikes", "syn_events", "e2e_s", "compile_s"}) {
            if (node.has(k)) {
                out.put(k, new ObjectMapper().treeToValue(node.get(k), Object.class));
            }
        }
        return out;
    }

    private static String tail(String s) {
        String t = s.strip();
        return t.length() > 400 ? "..." + t.substring(t.length() - 400) : t;
    }

    private record Result(int code, String output) {
    }

    /** @return the command's exit code and output, or null when it could not start */
    private static Result exec(List<String> cmd, Path cwd) throws InterruptedException {
        try {
            // Output to a file, not a pipe, so that the timeout holds even for a peer that never closes it.
            Path log = Files.createTempFile(cwd, "out", ".txt");
            Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new Result(124, "timed out after " + TIMEOUT_S + " s");
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
