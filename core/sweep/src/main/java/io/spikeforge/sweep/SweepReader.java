package io.spikeforge.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.spikeforge.core.Engine;
import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.config.Suggestions;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a sweep file. Every problem is collected with its path in the sweep file (for example
 * {@code axes.projections[0].plasticity.A3}) and reported together in one {@link ConfigException}, as the
 * engine reports a config's: the CLI prints them and exits with 2. A value that only some runs would get
 * wrong (a negative time constant at one grid point) is no such problem: that run's row holds its error.
 */
final class SweepReader {

    static final Set<String> KEYS = Set.of("name", "base", "set", "axes", "sample", "keep", "monitors");
    static final List<String> METHODS = List.of("random", "latin_hypercube");
    static final List<String> STATS = List.of("rate", "cv_isi", "weight_histogram");
    /** A grid so large is a typo (a range of seeds to 1e9), not a sweep. */
    static final long MAX_RUNS = 1_000_000;

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private final Engine engine;
    private final List<ConfigError> errors = new ArrayList<>();

    SweepReader(Engine engine) {
        this.engine = engine;
    }

    /** @throws ConfigException with every problem of the sweep file (and of its base config) */
    static SweepFile read(Engine engine, Path file) {
        return new SweepReader(engine).readFile(file);
    }

    private SweepFile readFile(Path file) {
        String source = file.toString();
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, List.of(new ConfigError("", "no such file")));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            String what = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().lines()
                    .filter(l -> !l.isBlank()).findFirst().orElse("unreadable").strip();
            throw new ConfigException(source, List.of(new ConfigError("", "malformed YAML" + where + ": " + what)));
        } catch (IOException e) {
            throw new ConfigException(source, List.of(new ConfigError("", Files.isDirectory(file)
                    ? "is a directory; name a sweep file (YAML)" : "cannot read the file: " + e.getMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(source, List.of(new ConfigError("", "a sweep file is a mapping with the keys "
                    + "base, axes and keep (and optionally name, set, sample, monitors)")));
        }
        root.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                error(k, "unknown key." + Suggestions.didYouMean(k, KEYS) + " Allowed: " + String.join(", ",
                        List.of("name", "base", "set", "axes", "sample", "keep", "monitors")));
            }
        });
        String name = text(root, "name", file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
        Path base = null;
        NetworkSpec baseSpec = null;
        ObjectNode baseTree = null;
        String baseText = text(root, "base", null);
        if (baseText == null && root.get("base") == null) {
            error("base", "missing: name the base config (a path relative to this file), for example"
                    + " base: ../song2000.yaml");
        } else if (baseText != null) {
            Path dir = file.toAbsolutePath().getParent();
            base = dir.resolve(baseText).normalize();
            if (!Files.isRegularFile(base)) {
                error("base", "no such file: " + base);
            } else {
                try {
                    baseSpec = engine.load(base, Overrides.NONE);
                    baseTree = (ObjectNode) YAML.readTree(Files.readString(base));
                } catch (ConfigException e) {
                    e.errors().forEach(c -> error("base", e.source() + ": " + c));
                } catch (IOException e) {
                    error("base", "cannot read " + base + ": " + e.getMessage());
                }
            }
        }
        Map<ConfigPath, JsonNode> fixed = new LinkedHashMap<>();
        JsonNode set = root.get("set");
        if (set != null && !set.isObject()) {
            error("set", "must be a mapping of config paths to values, for example set: {duration: 10000}");
        } else if (set != null) {
            for (Map.Entry<String, JsonNode> e : set.properties()) {
                ConfigPath p = path("set", e.getKey(), baseTree);
                if (p != null) {
                    fixed.put(p, e.getValue());
                }
            }
        }
        List<Axis> axes = axes(root.get("axes"), baseTree);
        SweepFile.Sample sample = sample(root.get("sample"), axes);
        List<Keep> keep = keep(root.get("keep"), baseSpec);
        JsonNode monitorsNode = root.get("monitors");
        if (monitorsNode != null && !monitorsNode.isBoolean()) {
            error("monitors", "must be true (each run writes its monitors' files and summary.json under runs/<id>/)"
                    + " or false, got " + monitorsNode);
        }
        if (baseTree != null && errors.isEmpty()) {
            checkAgainstEngine(source, base, baseTree, fixed, axes);
        }
        if (errors.isEmpty()) {
            long runs = Points.count(axes, sample);
            if (runs > MAX_RUNS) {
                error("axes", "the sweep has " + runs + " runs, more than " + MAX_RUNS + "; is a range too wide?");
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(source, errors);
        }
        return new SweepFile(source, name, base, baseSpec.name(), baseTree, fixed, axes, sample, keep,
                monitorsNode != null && monitorsNode.asBoolean());
    }

    private void error(String path, String message) {
        errors.add(new ConfigError(path, message));
    }

    private String text(JsonNode root, String key, String otherwise) {
        JsonNode n = root.get(key);
        if (n == null) {
            return otherwise;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            error(key, "must be text, got " + n);
            return otherwise;
        }
        return n.asText();
    }

    /** @return the path, or null (reported) when it is not one or leads nowhere in the base config */
    private ConfigPath path(String section, String text, JsonNode baseTree) {
        ConfigPath p = ConfigPath.parse(text);
        String at = section + "." + text;
        if (p == null) {
            error(at, "not a config path: write keys joined by dots, with [i] for the i-th entry of a list, for"
                    + " example projections[0].plasticity.A2");
            return null;
        }
        if (baseTree != null) {
            String problem = p.problemIn(baseTree);
            if (problem != null) {
                error(at, problem);
                return null;
            }
        }
        return p;
    }

    private List<Axis> axes(JsonNode node, JsonNode baseTree) {
        List<Axis> axes = new ArrayList<>();
        if (node == null || !node.isObject() || node.isEmpty()) {
            error("axes", (node == null ? "missing" : "must be a non-empty mapping") + ": name each varied value by"
                    + " its config path, for example axes: {projections[0].plasticity.A2: [0.50, 0.53, 0.60],"
                    + " seed: {range: [1, 10]}}");
            return axes;
        }
        node.properties().forEach(e -> {
            ConfigPath p = path("axes", e.getKey(), baseTree);
            Axis axis = axis("axes." + e.getKey(), p, e.getValue());
            if (p != null && axis != null) {
                axes.add(axis);
            }
        });
        return axes;
    }

    private Axis axis(String at, ConfigPath p, JsonNode v) {
        String forms = "a list of values [a, b, c], {range: [from, to]} (with an optional step, default 1), or"
                + " {uniform: [lo, hi]} or {log_uniform: [lo, hi]} drawn by sample";
        if (v.isArray()) {
            if (v.isEmpty()) {
                error(at, "an empty list of values: give at least one");
                return null;
            }
            List<JsonNode> values = new ArrayList<>();
            v.forEach(values::add);
            return new Axis(p, values, Double.NaN, Double.NaN, false);
        }
        if (!v.isObject() || v.size() == 0) {
            error(at, "must be " + forms + "; got " + v);
            return null;
        }
        String kind = v.fieldNames().next();
        List<String> kinds = List.of("range", "uniform", "log_uniform");
        if (!kinds.contains(kind)) {
            error(at + "." + kind, "unknown form." + Suggestions.didYouMean(kind, kinds) + " An axis is " + forms);
            return null;
        }
        v.fieldNames().forEachRemaining(k -> {
            if (!k.equals(kind) && !(kind.equals("range") && k.equals("step"))) {
                error(at + "." + k, "unknown key beside " + kind + (kind.equals("range") ? " (only step may go with it)"
                        : " (nothing may go with it)"));
            }
        });
        JsonNode ends = v.get(kind);
        if (!ends.isArray() || ends.size() != 2 || !ends.get(0).isNumber() || !ends.get(1).isNumber()) {
            error(at + "." + kind, "must be two numbers [from, to], got " + ends);
            return null;
        }
        if (kind.equals("range")) {
            return range(at, p, ends.get(0), ends.get(1), v.get("step"));
        }
        double lo = ends.get(0).asDouble();
        double hi = ends.get(1).asDouble();
        if (!(lo < hi)) {
            error(at + "." + kind, "the lower end must be below the upper one, got [" + ends.get(0) + ", "
                    + ends.get(1) + "]");
            return null;
        }
        if (kind.equals("log_uniform") && lo <= 0) {
            error(at + "." + kind, "a log-uniform range must lie above 0, got [" + ends.get(0) + ", " + ends.get(1)
                    + "]");
            return null;
        }
        return new Axis(p, null, lo, hi, kind.equals("log_uniform"));
    }

    /** @return a grid axis from, from + step, ... up to to (included), integers when all three are */
    private Axis range(String at, ConfigPath p, JsonNode from, JsonNode to, JsonNode step) {
        JsonNode s = step == null ? JsonNodeFactory.instance.numberNode(1) : step;
        if (!s.isNumber() || s.asDouble() <= 0) {
            error(at + ".step", "must be a number > 0, got " + s);
            return null;
        }
        BigDecimal a = from.decimalValue();
        BigDecimal b = to.decimalValue();
        BigDecimal d = s.decimalValue();
        if (a.compareTo(b) > 0) {
            error(at + ".range", "from must not be above to, got [" + from + ", " + to + "]");
            return null;
        }
        long n = b.subtract(a).divideToIntegralValue(d).longValueExact() + 1;
        if (n > MAX_RUNS) {
            error(at + ".range", "has " + n + " values, more than " + MAX_RUNS + " runs; is it too wide?");
            return null;
        }
        boolean ints = from.isIntegralNumber() && to.isIntegralNumber() && s.isIntegralNumber();
        List<JsonNode> values = new ArrayList<>();
        for (long k = 0; k < n; k++) {
            BigDecimal x = a.add(d.multiply(BigDecimal.valueOf(k)));
            values.add(ints ? JsonNodeFactory.instance.numberNode(x.longValueExact())
                    : JsonNodeFactory.instance.numberNode(x.doubleValue()));
        }
        return new Axis(p, values, Double.NaN, Double.NaN, false);
    }

    private SweepFile.Sample sample(JsonNode node, List<Axis> axes) {
        boolean sampled = axes.stream().anyMatch(a -> !a.grid());
        if (node == null) {
            if (sampled) {
                error("sample", "missing: the axes with uniform or log_uniform ranges are drawn by a sample, for"
                        + " example sample: {method: latin_hypercube, n: 20, seed: 1}");
            }
            return null;
        }
        if (!node.isObject()) {
            error("sample", "must be a mapping {method: random or latin_hypercube, n: count, seed: integer}, got "
                    + node);
            return null;
        }
        if (!sampled) {
            error("sample", "no axis is sampled: give an axis a {uniform: [lo, hi]} or {log_uniform: [lo, hi]} range"
                    + ", or remove sample");
        }
        node.fieldNames().forEachRemaining(k -> {
            if (!List.of("method", "n", "seed").contains(k)) {
                error("sample." + k, "unknown key." + Suggestions.didYouMean(k, List.of("method", "n", "seed"))
                        + " Allowed: method, n, seed");
            }
        });
        JsonNode m = node.get("method");
        String method = m == null ? "latin_hypercube" : m.asText();
        if (m != null && (!m.isTextual() || !METHODS.contains(method))) {
            error("sample.method", "unknown method '" + m.asText() + "'." + Suggestions.didYouMean(m.asText(), METHODS)
                    + " Allowed: " + String.join(", ", METHODS));
        }
        JsonNode n = node.get("n");
        if (n == null || !n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) {
            error("sample.n", "must be a whole number of points >= 1, got " + (n == null ? "nothing" : n));
        }
        JsonNode seed = node.get("seed");
        if (seed != null && (!seed.isIntegralNumber() || !seed.canConvertToLong())) {
            error("sample.seed", "must be an integer, got " + seed);
        }
        return new SweepFile.Sample(method, n == null ? 1 : n.asInt(), seed == null ? 1 : seed.asLong());
    }

    private List<Keep> keep(JsonNode node, NetworkSpec base) {
        List<Keep> keep = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            error("keep", (node == null ? "missing" : "must be a non-empty list") + ": name what each run keeps, for"
                    + " example keep: [populations.neuron.rate_hz, {stat: cv_isi, population: neuron}]");
            return keep;
        }
        List<String> fields = base == null ? List.of() : summaryFields(base);
        for (int i = 0; i < node.size(); i++) {
            JsonNode k = node.get(i);
            String at = "keep[" + i + "]";
            if (k.isTextual()) {
                String field = k.asText();
                if (base != null && !fields.contains(field)) {
                    error(at, "unknown summary field '" + field + "'." + Suggestions.didYouMean(field, fields)
                            + " Fields: " + String.join(", ", fields));
                } else {
                    keep.add(new Keep.SummaryField(field, List.of(field.split("\\."))));
                }
            } else if (k.isObject()) {
                Keep stat = stat(at, k, base);
                if (stat != null) {
                    keep.add(stat);
                }
            } else {
                error(at, "must be a summary field (populations.neuron.rate_hz) or a statistic ({stat: cv_isi,"
                        + " population: neuron}), got " + k);
            }
        }
        return keep;
    }

    /** @return the summary.json fields of the base network, by path, as {@code spikeforge run} writes them */
    static List<String> summaryFields(NetworkSpec spec) {
        List<String> groups = new ArrayList<>(spec.populations().stream().map(NetworkSpec.Population::name).toList());
        spec.inputs().stream().filter(in -> in.target() == null).forEach(in -> groups.add(in.name()));
        List<String> fields = new ArrayList<>();
        for (String key : io.spikeforge.core.output.Summary.units().keySet()) {
            if (key.startsWith("populations.<name>.")) {
                groups.forEach(g -> fields.add(key.replace("<name>", g)));
            } else if (key.startsWith("projections.<name>.")) {
                spec.projections().forEach(p -> fields.add(key.replace("<name>", p.name())));
            } else if (!key.contains("<name>")) {
                fields.add(key);
            }
        }
        return fields;
    }

    private Keep stat(String at, JsonNode k, NetworkSpec base) {
        JsonNode s = k.get("stat");
        if (s == null || !STATS.contains(s.asText())) {
            error(at + ".stat", (s == null ? "missing" : "unknown statistic '" + s.asText() + "'."
                    + Suggestions.didYouMean(s.asText(), STATS)) + " Statistics: " + String.join(", ", STATS));
            return null;
        }
        String stat = s.asText();
        boolean ofProjection = stat.equals("weight_histogram");
        Set<String> allowed = ofProjection ? Set.of("stat", "projection", "bins", "range") : Set.of("stat", "population");
        k.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                error(at + "." + key, "unknown key of " + stat + "." + Suggestions.didYouMean(key, allowed)
                        + " Allowed: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        });
        String ofKey = ofProjection ? "projection" : "population";
        JsonNode of = k.get(ofKey);
        if (of == null || !of.isTextual()) {
            error(at + "." + ofKey, "missing: name the " + ofKey + " of " + stat);
            return null;
        }
        String target = of.asText();
        if (base == null) {
            return null;
        }
        if (ofProjection) {
            List<String> names = base.projections().stream().map(NetworkSpec.Projection::name).toList();
            if (!names.contains(target)) {
                error(at + ".projection", "unknown projection '" + target + "'." + Suggestions.didYouMean(target, names)
                        + " Projections: " + String.join(", ", names));
                return null;
            }
            JsonNode bins = k.get("bins");
            if (bins != null && (!bins.isIntegralNumber() || bins.asInt() < 1 || bins.asInt() > 10_000)) {
                error(at + ".bins", "must be a whole number from 1 to 10000, got " + bins);
                return null;
            }
            JsonNode range = k.get("range");
            double lo = Double.NaN;
            double hi = Double.NaN;
            if (range != null) {
                if (!range.isArray() || range.size() != 2 || !range.get(0).isNumber() || !range.get(1).isNumber()
                        || !(range.get(0).asDouble() < range.get(1).asDouble())) {
                    error(at + ".range", "must be two numbers [lo, hi] with lo < hi, got " + range);
                    return null;
                }
                lo = range.get(0).asDouble();
                hi = range.get(1).asDouble();
            }
            return new Keep.WeightHistogram(target, bins == null ? 10 : bins.asInt(), lo, hi);
        }
        List<String> groups = new ArrayList<>(base.populations().stream().map(NetworkSpec.Population::name).toList());
        base.inputs().stream().filter(in -> in.target() == null).forEach(in -> groups.add(in.name()));
        if (!groups.contains(target)) {
            error(at + ".population", "unknown population '" + target + "'." + Suggestions.didYouMean(target, groups)
                    + " Populations: " + String.join(", ", groups));
            return null;
        }
        if (stat.equals("rate")) {
            return new Keep.Rate(target);
        }
        var monitor = base.monitors().stream().filter(m -> m.target().equals(target) && m.var().equals("spike"))
                .findFirst();
        if (monitor.isEmpty()) {
            error(at, "cv_isi of '" + target + "' reads its spike times: add a spike monitor of it to the base config,"
                    + " monitors: [{target: " + target + ", var: spike}]");
            return null;
        }
        return new Keep.CvIsi(target, monitor.get().name());
    }

    /**
     * Asks the engine about the base config with the fixed values and each axis's first value in it: a
     * parameter name that the model does not have is the sweep's mistake (at its axis), and so is any
     * problem of a fixed value, which every run would share.
     */
    private void checkAgainstEngine(String source, Path base, ObjectNode baseTree, Map<ConfigPath, JsonNode> fixed,
                                    List<Axis> axes) {
        ObjectNode tree = baseTree.deepCopy();
        fixed.forEach((p, v) -> p.set(tree, v));
        Map<String, String> axisAt = new LinkedHashMap<>();
        for (Axis a : axes) {
            // A sampled axis's lower end stands for its values here.
            a.path().set(tree, a.grid() ? a.values().getFirst() : JsonNodeFactory.instance.numberNode(a.lo()));
            axisAt.put(a.path().text(), "axes." + a.path().text());
        }
        try {
            engine.parse(tree, base.toString(), "check", Overrides.NONE);
        } catch (ConfigException e) {
            for (ConfigError c : e.errors()) {
                String fixedAt = fixed.keySet().stream().map(ConfigPath::text)
                        .filter(t -> c.path().equals(t) || c.path().startsWith(t + ".") || c.path().startsWith(t + "["))
                        .findFirst().orElse(null);
                if (fixedAt != null) {
                    error("set." + fixedAt, c.path().equals(fixedAt) ? c.message() : c.toString());
                } else if (axisAt.containsKey(c.path()) && c.message().startsWith("unknown")) {
                    error(axisAt.get(c.path()), c.message());
                }
            }
        }
    }
}
