package io.spikeforge.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.spikeforge.core.Engine;
import io.spikeforge.core.config.ConfigException;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parameter sweep, from Java: {@code Sweep.of(Path.of("examples/sweeps/song2000_A2.yaml")).master("local[2]")
 * .run()} runs every point of the sweep file on Spark and writes the results into its folder (by default
 * {@code out/<sweep name>}):
 * <ul>
 *   <li>{@code runs/<id>/config.yaml}: each run's config; {@code spikeforge run} of it gives the run's
 *       results bit for bit (and, with {@code monitors: true}, the same files as {@code runs/<id>/})</li>
 *   <li>{@code journal.jsonl}: a line per finished run; a sweep started again skips those runs</li>
 *   <li>{@code results.csv} and {@code results.parquet/}: the table, a row per run</li>
 *   <li>{@code plots/<column>.png}: each kept number over the axes</li>
 * </ul>
 */
public final class Sweep {

    private final Path file;
    private String master;
    private Path out;
    private final Map<String, String> conf = new LinkedHashMap<>();
    private PrintStream progress = System.err;

    private Sweep(Path file) {
        this.file = file;
    }

    /** @return a sweep of the sweep file {@code file} (YAML; see README, "Beyond one machine") */
    public static Sweep of(Path file) {
        return new Sweep(file);
    }

    /** Runs on this Spark master ({@code local[2]}, {@code spark://host:7077}); default {@code local[*]}. */
    public Sweep master(String url) {
        this.master = url;
        return this;
    }

    /** Writes into {@code dir} instead of {@code out/<sweep name>}. */
    public Sweep out(Path dir) {
        this.out = dir;
        return this;
    }

    /** Sets a Spark setting, for example {@code spark.executor.memory}. */
    public Sweep conf(String key, String value) {
        conf.put(key, value);
        return this;
    }

    /** Where progress lines go (null: nowhere); default stderr. */
    public Sweep progress(PrintStream to) {
        this.progress = to;
        return this;
    }

    /**
     * The rows of a finished sweep, in run order.
     *
     * @param dir     the sweep's folder
     * @param columns the table's columns
     * @param rows    per row, its cells by column (numbers, text, arrays)
     * @param failed  how many runs ended with an error (their rows say which)
     * @param skipped how many runs were done already by an earlier start of the same sweep
     */
    public record Result(Path dir, List<String> columns, List<Map<String, Object>> rows, int failed, int skipped) {
    }

    /**
     * Reads and checks the sweep file and its base config, then runs the runs not done yet.
     *
     * @throws ConfigException with every problem of the sweep file, before anything runs
     * @throws IOException     when the folder or the table cannot be written
     */
    public Result run() throws IOException {
        Engine engine = RunTask.engine();
        SweepFile sweep = SweepReader.read(engine, file);
        Path dir = out != null ? out : Path.of("out", sweep.name());
        Files.createDirectories(dir.resolve("runs"));
        Files.copy(file, dir.resolve("sweep.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<RunPoint> points = points(sweep, dir);
        for (RunPoint p : points) {
            Path config = dir.resolve("runs").resolve(p.id()).resolve("config.yaml");
            if (!Files.exists(config) || !Files.readString(config).equals(p.config())) {
                Files.createDirectories(config.getParent());
                Files.writeString(config, p.config(), StandardCharsets.UTF_8);
            }
        }
        Path journalFile = dir.resolve("journal.jsonl");
        Map<String, RunRow> done = Journal.read(journalFile);
        List<RunPoint> pending = points.stream().filter(p -> !done.containsKey(p.key())).toList();
        int skipped = points.size() - pending.size();
        if (skipped > 0 && progress != null) {
            progress.printf("spikeforge: sweep %s: %d of %d runs already done in %s; running the other %d%n",
                    sweep.name(), skipped, points.size(), dir, pending.size());
        }
        SparkSession spark = SparkRuns.session(sweep.name(), master, conf);
        // The pace, and so the ETA, counts from here: Spark's own start (seconds) is no run's time.
        SweepProgress bar = new SweepProgress(sweep.name(), points.size(), skipped,
                (int) points.stream().filter(p -> done.containsKey(p.key()) && done.get(p.key()).exitCode() != 0)
                        .count(), progress);
        try (Journal journal = new Journal(journalFile)) {
            SparkRuns.run(spark, pending, row -> {
                try {
                    journal.append(row);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                done.put(row.key(), row);
                bar.finished(row);
            });
            List<RunRow> rows = new ArrayList<>();
            for (RunPoint p : points) {
                rows.add(done.get(p.key()).as(p.id()));
            }
            ResultTable.writeCsv(dir.resolve("results.csv"), sweep, rows);
            ResultTable.writeParquet(spark, dir.resolve("results.parquet").toAbsolutePath(), sweep, rows);
            SweepPlots.write(dir.resolve("plots"), sweep, rows);
            List<String> columns = ResultTable.columns(sweep);
            List<Map<String, Object>> cells = new ArrayList<>();
            for (RunRow r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                columns.forEach(c -> m.put(c, ResultTable.cell(r, c)));
                cells.add(m);
            }
            int failed = (int) rows.stream().filter(r -> r.exitCode() != 0).count();
            return new Result(dir, columns, cells, failed, skipped);
        } finally {
            spark.stop();
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    /** @return the sweep's runs, each with its config: the base config with the fixed and the axes' values */
    static List<RunPoint> points(SweepFile sweep, Path dir) throws IOException {
        List<Map<String, JsonNode>> points = Points.of(sweep.axes(), sweep.sample());
        int width = Math.max(4, Integer.toString(points.size() - 1).length());
        List<RunPoint> runs = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            String id = "run-" + String.format("%0" + width + "d", i);
            ObjectNode tree = sweep.baseTree().deepCopy();
            sweep.fixed().forEach((p, v) -> p.set(tree, v));
            LinkedHashMap<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : points.get(i).entrySet()) {
                ConfigPath.parse(e.getKey()).set(tree, e.getValue());
                values.put(e.getKey(), e.getValue().toString());
            }
            tree.set("name", TextNode.valueOf(sweep.name() + "-" + id));
            String header = "# " + id + " of sweep " + sweep.name() + " (" + sweep.source() + "), base "
                    + sweep.base() + ": " + String.join(", ", values.entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue()).toList()) + "\n";
            String config = header + YAML.writeValueAsString(tree);
            Path outputs = sweep.monitors() ? dir.resolve("runs").resolve(id).toAbsolutePath() : null;
            runs.add(new RunPoint(i, id, key(YAML.writeValueAsString(tree), sweep), values, config,
                    sweep.base().toString(), sweep.keep(), outputs == null ? null : outputs.toString()));
        }
        return runs;
    }

    /** @return a digest of a run's config (its name left out) and of what it keeps */
    private static String key(String config, SweepFile sweep) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(config.replaceFirst("(?m)^name: .*$", "").getBytes(StandardCharsets.UTF_8));
            sha.update(sweep.keep().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(Boolean.toString(sweep.monitors()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
