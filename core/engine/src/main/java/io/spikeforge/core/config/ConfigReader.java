package io.spikeforge.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.spikeforge.core.plugin.PluginRegistry;
import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.ModelKind;
import io.spikeforge.spi.ParamType;
import io.spikeforge.spi.VariableSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a YAML network config. Every problem is collected with its YAML path and
 * reported together in one {@link ConfigException}.
 */
public final class ConfigReader {

    private static final Set<String> TOP = Set.of("name", "dt", "duration", "seed", "backend", "populations",
            "inputs", "projections", "monitors");
    private static final Set<String> POPULATION = Set.of("name", "size", "neuron", "init");
    private static final Set<String> INPUT_RESERVED = Set.of("name", "target", "size");
    private static final Set<String> PROJECTION = Set.of("name", "pre", "post", "delay", "align", "comm", "syn",
            "out", "plasticity");
    private static final Set<String> COMM_RESERVED = Set.of("conn", "weight");
    /** The built-in connectors' switch for self-connections (BrainPy's include_self). */
    private static final String ALLOW_SELF = "allow_self";
    private static final Set<String> MONITOR = Set.of("name", "target", "var", "indices", "every");
    private static final Set<String> BACKEND = Set.of("name", "threads", "device", "device_type");
    private static final List<String> DEVICE_TYPES = List.of("GPU", "CPU", "ACCELERATOR");
    /** A delay must be this close to a whole number of steps, in ms. */
    static final double DELAY_TOLERANCE_MS = 1e-9;

    private final PluginRegistry registry;
    private final ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    public ConfigReader(PluginRegistry registry) {
        this.registry = registry;
    }

    /** Reads a config file. */
    public NetworkSpec read(Path file, Overrides overrides) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of(new ConfigError("", "cannot read the file: "
                    + e.getMessage())));
        }
        String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return read(text, file.toString(), base, overrides);
    }

    /** Reads config text; {@code defaultName} names the run unless the config does. */
    public NetworkSpec read(String text, String source, String defaultName, Overrides overrides) {
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, List.of(new ConfigError("", YamlErrors.describe(e))));
        }
        return read(root, text, source, defaultName, overrides);
    }

    /**
     * Validates a config tree, as parsed from YAML or built in code (see {@code io.spikeforge.core.api}).
     * The tree is not changed: overrides apply to a copy.
     */
    public NetworkSpec read(JsonNode tree, String source, String defaultName, Overrides overrides) {
        String text;
        try {
            // Checkpoints keep the config as text, so a network built in code is kept as its YAML.
            text = tree == null ? "" : yaml.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a config tree that cannot be written as YAML: " + e.getMessage(), e);
        }
        return read(tree, text, source, defaultName, overrides);
    }

    private NetworkSpec read(JsonNode tree, String text, String source, String defaultName, Overrides overrides) {
        JsonNode root = tree == null ? null : tree.deepCopy();
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = JsonNodeFactory.instance.objectNode();
        }
        Problems problems = new Problems();
        if (!root.isObject()) {
            problems.add("", "the config must be a mapping of keys (name, dt, duration, populations, ...), got "
                    + ParamChecker.show(root));
            throw new ConfigException(source, problems.list());
        }
        applyOverrides((ObjectNode) root, overrides);
        ConfigOrigin origin = new ConfigOrigin(text, source, defaultName, overrides);
        NetworkSpec spec = new Reader(problems).network((ObjectNode) root, defaultName, origin);
        if (problems.isEmpty()) {
            ResourceCheck.check(spec, HeapLimit.bytes(), problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems.list());
        }
        return spec;
    }

    private static void applyOverrides(ObjectNode root, Overrides o) {
        if (o.duration() != null) {
            root.put("duration", o.duration());
        }
        if (o.dt() != null) {
            root.put("dt", o.dt());
        }
        if (o.seed() != null) {
            root.put("seed", o.seed());
        }
        if (o.backend() != null || o.threads() != null || o.device() != null) {
            JsonNode old = root.get("backend");
            ObjectNode b = old != null && old.isObject() ? (ObjectNode) old : JsonNodeFactory.instance.objectNode();
            if (old != null && old.isTextual()) {
                b.put("name", old.textValue());
            }
            if (o.backend() != null) {
                b.put("name", o.backend());
            }
            if (o.threads() != null) {
                b.put("threads", o.threads());
            }
            if (o.device() != null) {
                b.put("device", o.device());
            }
            root.set("backend", b);
        }
    }

    /** One validation pass; holds the names seen so far. */
    private final class Reader {
        private final Problems problems;
        private final ModelBlockReader models;
        private final Map<String, String> namesSeen = new HashMap<>();
        private final Map<String, Integer> groupSizes = new LinkedHashMap<>();
        private final Map<String, NetworkSpec.Population> populations = new LinkedHashMap<>();
        /** Declared population names, valid or not, so that one bad model does not cascade into bad references. */
        private final Map<String, Integer> populationSizes = new LinkedHashMap<>();
        private final Map<String, NetworkSpec.Input> sources = new LinkedHashMap<>();
        /**
         * Names that may act as a projection's pre side: every population, and every input that is a spike source
         * or whose model is unknown. A reference to one that failed validation adds no second error.
         */
        private final Set<String> declaredGroups = new java.util.LinkedHashSet<>();
        private final Map<String, NetworkSpec.Projection> projections = new LinkedHashMap<>();
        /** Declared projection names, valid or not, so that monitors of a broken projection add no second error. */
        private final Set<String> projectionNames = new java.util.LinkedHashSet<>();

        Reader(Problems problems) {
            this.problems = problems;
            this.models = new ModelBlockReader(registry, problems);
        }

        NetworkSpec network(ObjectNode root, String defaultName, ConfigOrigin origin) {
            unknownKeys(root, "", TOP);
            String name = root.has("name") ? text(root.get("name"), "name") : defaultName;
            double dt = positive(root, "dt", "", 0.1, "ms");
            double duration = positive(root, "duration", "", Double.NaN, "ms");
            long seed = 0;
            if (root.has("seed")) {
                Double s = ParamChecker.number(root.get("seed"));
                if (s == null || s != Math.rint(s)) {
                    problems.add("seed", "expected an integer, got " + ParamChecker.show(root.get("seed")));
                } else {
                    seed = s.longValue();
                }
            }
            String backend = "jvm";
            int threads = 0;
            String device = null;
            JsonNode b = root.get("backend");
            if (b != null) {
                if (b.isTextual()) {
                    backend = b.textValue();
                } else if (b.isObject()) {
                    unknownKeys(b, "backend", BACKEND);
                    if (b.has("name")) {
                        backend = text(b.get("name"), "backend.name");
                    }
                    if (b.has("threads")) {
                        Double t = ParamChecker.number(b.get("threads"));
                        if (t == null || t != Math.rint(t) || t < 0 || t > 4096) {
                            problems.add("backend.threads", "must be an integer in [0, 4096] (0: one per core), got "
                                    + ParamChecker.show(b.get("threads")));
                        } else {
                            threads = t.intValue();
                        }
                    }
                    if (b.has("device")) {
                        device = text(b.get("device"), "backend.device");
                        if (device != null && !device.matches("\\d+:\\d+")) {
                            problems.add("backend.device", "must be BACKEND:DEVICE as ./spikeforge devices lists it,"
                                    + " for example 0:0, got '" + device + "'");
                        }
                    }
                    if (b.has("device_type")) {
                        String type = text(b.get("device_type"), "backend.device_type");
                        if (type != null && !DEVICE_TYPES.contains(type)) {
                            problems.add("backend.device_type", "must be one of GPU, CPU, ACCELERATOR, got '" + type + "'"
                                    + Suggestions.didYouMean(type, DEVICE_TYPES));
                        } else if (type != null && device == null) {
                            device = "type:" + type;
                        }
                    }
                } else {
                    problems.add("backend", "expected a backend name or a mapping, got " + ParamChecker.show(b));
                }
            }
            list(root, "populations", true).forEach(e -> population(e.node, e.path));
            list(root, "inputs", false).forEach(e -> input(e.node, e.path));
            list(root, "projections", false).forEach(e -> projection(e.node, e.path, dt));
            List<NetworkSpec.Monitor> monitors = new ArrayList<>();
            list(root, "monitors", false).forEach(e -> {
                NetworkSpec.Monitor m = monitor(e.node, e.path);
                if (m != null) {
                    monitors.add(m);
                }
            });
            List<NetworkSpec.Input> inputs = new ArrayList<>(allInputs);
            return new NetworkSpec(name, dt, duration, seed, backend, threads, device, List.copyOf(populations.values()),
                    inputs, List.copyOf(projections.values()), monitors, origin);
        }

        private final List<NetworkSpec.Input> allInputs = new ArrayList<>();

        private void population(JsonNode node, String path) {
            if (!object(node, path)) {
                return;
            }
            unknownKeys(node, path, POPULATION);
            String name = name(node, path);
            int size = size(node, path);
            ModelRef neuron = models.read(node.get("neuron"), path + ".neuron", ModelKind.NEURON, Set.of());
            Map<String, ModelRef> init = new LinkedHashMap<>();
            JsonNode initNode = node.get("init");
            if (initNode != null) {
                if (!initNode.isObject()) {
                    problems.add(path + ".init", "expected a mapping of variable: initializer, got "
                            + ParamChecker.show(initNode));
                } else {
                    for (Iterator<Map.Entry<String, JsonNode>> it = initNode.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> f = it.next();
                        String varPath = path + ".init." + f.getKey();
                        if (neuron != null && neuron.factory().variables().stream()
                                .noneMatch(v -> v.name().equals(f.getKey()))) {
                            List<String> vars = variableNames(neuron.factory().variables());
                            problems.add(varPath, "unknown variable of " + neuron.name() + "."
                                    + Suggestions.didYouMean(f.getKey(), vars) + " Variables: " + String.join(", ", vars));
                            continue;
                        }
                        ModelRef ref = initializer(f.getValue(), varPath);
                        if (ref != null) {
                            init.put(f.getKey(), ref);
                        }
                    }
                }
            }
            if (name != null) {
                populationSizes.put(name, size);
                declaredGroups.add(name);
            }
            if (name != null && size > 0) {
                groupSizes.put(name, size);
            }
            if (name != null && size > 0 && neuron != null) {
                populations.put(name, new NetworkSpec.Population(name, size, neuron, init));
            }
        }

        private void input(JsonNode node, String path) {
            if (!object(node, path)) {
                return;
            }
            String name = name(node, path);
            ModelRef model = models.read(node, path, ModelKind.INPUT, INPUT_RESERVED);
            if (model == null) {
                if (name != null) {
                    declaredGroups.add(name);
                }
                return;
            }
            boolean source = ((InputModel) model.factory()).spikeSource();
            if (source && name != null) {
                declaredGroups.add(name);
            }
            if (source) {
                if (node.has("target")) {
                    problems.add(path + ".target", model.name() + " is a spike source: connect it with a projection"
                            + " (pre: " + name + ") instead of a target");
                }
                int size = size(node, path);
                if (name != null && size > 0) {
                    groupSizes.put(name, size);
                    NetworkSpec.Input in = new NetworkSpec.Input(name, model, null, size);
                    sources.put(name, in);
                    allInputs.add(in);
                }
            } else {
                if (node.has("size")) {
                    problems.add(path + ".size", model.name() + " is a current: it takes its target's size");
                }
                String target = reference(node, "target", path, populationSizes.keySet(), "population");
                if (name != null && target != null && populationSizes.get(target) > 0) {
                    allInputs.add(new NetworkSpec.Input(name, model, target, populationSizes.get(target)));
                }
            }
        }

        private void projection(JsonNode node, String path, double dt) {
            if (!object(node, path)) {
                return;
            }
            unknownKeys(node, path, PROJECTION);
            String name = name(node, path);
            if (name != null) {
                projectionNames.add(name);
            }
            Side pre = side(node, "pre", path, declaredGroups, "population or spike source");
            Side post = null;
            JsonNode postNode = node.get("post");
            GroupSlice postName = postNode != null && postNode.isTextual() ? GroupSlice.parse(postNode.textValue()) : null;
            if (postName != null && sources.containsKey(postName.group())) {
                problems.add(path + ".post", "'" + postName.group() + "' is a spike source, which can only be a"
                        + " projection's pre; post must be a population. Known: " + String.join(", ",
                        populationSizes.keySet()));
            } else {
                post = side(node, "post", path, populationSizes.keySet(), "population");
            }
            int delaySteps = 0;
            if (node.has("delay")) {
                Double d = ParamChecker.number(node.get("delay"));
                if (d == null || d < 0) {
                    problems.add(path + ".delay", "must be a number >= 0 ms, got " + ParamChecker.show(node.get("delay")));
                } else if (dt > 0) {
                    long steps = Math.round(d / dt);
                    if (Math.abs(d - steps * dt) > DELAY_TOLERANCE_MS) {
                        problems.add(path + ".delay", ParamChecker.fmt(d) + " ms is not a multiple of dt = "
                                + ParamChecker.fmt(dt) + " ms (within 1e-9 ms)");
                    } else if (steps > 1_000_000) {
                        problems.add(path + ".delay", "must be at most 1e6 steps, got " + steps);
                    } else {
                        delaySteps = (int) steps;
                    }
                }
            }
            boolean alignPre = false;
            if (node.has("align")) {
                String a = text(node.get("align"), path + ".align");
                if ("pre".equals(a)) {
                    alignPre = true;
                } else if (a != null && !"post".equals(a)) {
                    problems.add(path + ".align", "must be 'pre' or 'post', got '" + a + "'"
                            + Suggestions.didYouMean(a, List.of("pre", "post")));
                }
            }
            JsonNode commNode = node.get("comm");
            ModelRef comm = models.read(commNode, path + ".comm", ModelKind.COMM, COMM_RESERVED);
            ModelRef connector = null;
            ModelRef weight = null;
            if (comm != null) {
                JsonNode conn = commNode.isObject() ? commNode.get("conn") : null;
                String defaultConn = ((io.spikeforge.spi.CommModel) comm.factory()).defaultConnector();
                if (conn == null && defaultConn != null) {
                    conn = JsonNodeFactory.instance.textNode(defaultConn);
                }
                connector = models.read(conn, path + ".comm.conn", ModelKind.CONNECTOR, Set.of());
                JsonNode w = commNode.isObject() ? commNode.get("weight") : null;
                weight = w == null ? null : initializer(w, path + ".comm.weight");
                if (w == null) {
                    problems.add(path + ".comm.weight", "missing; give a number (uS or nA) or an initializer such as"
                            + " {type: Uniform, min: 0, max: 0.1}");
                }
            }
            if (connector != null && pre != null && post != null) {
                selfConnections(connector, pre, post, node);
            }
            ModelRef syn = models.read(node.get("syn"), path + ".syn", ModelKind.SYNAPSE, Set.of());
            ModelRef out = models.read(node.get("out"), path + ".out", ModelKind.OUTPUT, Set.of());
            ModelRef plasticity = null;
            if (node.has("plasticity")) {
                plasticity = models.read(node.get("plasticity"), path + ".plasticity", ModelKind.PLASTICITY, Set.of());
                if (plasticity != null && comm != null
                        && !((io.spikeforge.spi.CommModel) comm.factory()).supportsPlasticity()) {
                    List<String> able = registry.entries(ModelKind.COMM).stream()
                            .filter(e -> ((io.spikeforge.spi.CommModel) e.factory()).supportsPlasticity())
                            .map(e -> e.factory().name()).toList();
                    problems.add(path + ".plasticity", plasticity.name() + " needs a comm that supports plasticity"
                            + " (row and column weight updates); '" + comm.name() + "' does not. Use one of: "
                            + String.join(", ", able));
                    plasticity = null;
                }
            }
            if (name != null && pre != null && post != null && comm != null && connector != null && weight != null
                    && syn != null && out != null && (plasticity != null || !node.has("plasticity"))) {
                projections.put(name, new NetworkSpec.Projection(name, pre.group(), pre.range(), post.group(),
                        post.range(), delaySteps, alignPre, comm, connector, weight, syn, out, plasticity));
            }
        }

        private NetworkSpec.Monitor monitor(JsonNode node, String path) {
            if (!object(node, path)) {
                return null;
            }
            unknownKeys(node, path, MONITOR);
            List<String> targets = new ArrayList<>(declaredGroups);
            targets.addAll(projectionNames);
            String target = reference(node, "target", path, new java.util.LinkedHashSet<>(targets),
                    "population, spike source or projection");
            String var = node.has("var") ? text(node.get("var"), path + ".var") : null;
            if (var == null && !node.has("var")) {
                problems.add(path + ".var", "missing; name the variable to record, for example spike or V");
            }
            if (target != null && var != null) {
                List<String> vars = monitorVariables(target);
                if (vars != null && !vars.contains(var)) {
                    problems.add(path + ".var", "'" + target + "' has no variable '" + var + "'."
                            + Suggestions.didYouMean(var, vars) + " Variables: " + String.join(", ", vars));
                    var = null;
                }
            }
            int[] indices = null;
            if (node.has("indices")) {
                JsonNode ix = node.get("indices");
                if (!ix.isArray() || ix.isEmpty()) {
                    problems.add(path + ".indices", "expected a non-empty list of indices, got " + ParamChecker.show(ix));
                } else {
                    indices = new int[ix.size()];
                    Integer bound = target != null && "spike".equals(var) || target != null && groupSizes.containsKey(target)
                            ? groupSizes.get(target) : null;
                    for (int i = 0; i < ix.size(); i++) {
                        Double d = ParamChecker.number(ix.get(i));
                        if (d == null || d != Math.rint(d) || d < 0 || (bound != null && d >= bound)) {
                            problems.add(path + ".indices[" + i + "]", "must be an index in [0, "
                                    + (bound == null ? "size" : bound) + "), got " + ParamChecker.show(ix.get(i)));
                        } else {
                            indices[i] = d.intValue();
                        }
                    }
                }
            }
            int every = 1;
            if (node.has("every")) {
                Double e = ParamChecker.number(node.get("every"));
                if (e == null || e != Math.rint(e) || e < 1) {
                    problems.add(path + ".every", "must be a whole number of steps >= 1, got "
                            + ParamChecker.show(node.get("every")));
                } else {
                    every = e.intValue();
                }
            }
            String name = node.has("name") ? text(node.get("name"), path + ".name") : target + "." + var;
            if (target == null || var == null || name == null) {
                return null;
            }
            return new NetworkSpec.Monitor(name, target, var, indices, every);
        }

        /** @return the target's variables, or null when the target failed validation (reported already) */
        private List<String> monitorVariables(String target) {
            List<String> vars = new ArrayList<>();
            if (populations.containsKey(target)) {
                vars.add("spike");
                vars.addAll(variableNames(populations.get(target).neuron().factory().variables()));
            } else if (sources.containsKey(target)) {
                vars.add("spike");
            } else if (projectionNames.contains(target)) {
                if (!projections.containsKey(target)) {
                    return null;
                }
                NetworkSpec.Projection p = projections.get(target);
                vars.add("weight");
                vars.addAll(variableNames(p.syn().factory().variables()));
                if (p.plasticity() != null) {
                    vars.addAll(variableNames(p.plasticity().factory().variables()));
                }
            } else {
                return null;
            }
            return vars;
        }

        /** @return the group name when that group passed validation; null (no second error) when it did not */
        private String valid(String group) {
            return group != null && groupSizes.containsKey(group) ? group : null;
        }

        private ModelRef initializer(JsonNode node, String path) {
            if (node != null && node.isNumber()) {
                ObjectNode constant = JsonNodeFactory.instance.objectNode();
                constant.put("type", "Constant");
                constant.set("value", node);
                return models.read(constant, path, ModelKind.INITIALIZER, Set.of());
            }
            return models.read(node, path, ModelKind.INITIALIZER, Set.of());
        }

        private record Item(JsonNode node, String path) {
        }

        private List<Item> list(JsonNode root, String key, boolean required) {
            JsonNode n = root.get(key);
            if (n == null || n.isNull()) {
                if (required) {
                    problems.add(key, "missing; declare at least one entry");
                }
                return List.of();
            }
            if (!n.isArray()) {
                problems.add(key, "expected a list, got " + ParamChecker.show(n));
                return List.of();
            }
            if (required && n.isEmpty()) {
                problems.add(key, "empty; declare at least one entry");
            }
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < n.size(); i++) {
                items.add(new Item(n.get(i), key + "[" + i + "]"));
            }
            return items;
        }

        private boolean object(JsonNode node, String path) {
            if (!node.isObject()) {
                problems.add(path, "expected a mapping, got " + ParamChecker.show(node));
                return false;
            }
            return true;
        }

        private String name(JsonNode node, String path) {
            JsonNode n = node.get("name");
            if (n == null) {
                problems.add(path + ".name", "missing; every population, input and projection needs a unique name");
                return null;
            }
            String name = text(n, path + ".name");
            if (name == null) {
                return null;
            }
            if (!name.matches("[A-Za-z_][A-Za-z0-9_\\-]*")) {
                problems.add(path + ".name", "'" + name + "' must start with a letter or _ and hold only letters,"
                        + " digits, _ and -");
                return null;
            }
            String first = namesSeen.putIfAbsent(name, path);
            if (first != null) {
                problems.add(path + ".name", "duplicate name '" + name + "', already used by " + first);
                return null;
            }
            return name;
        }

        private int size(JsonNode node, String path) {
            JsonNode s = node.get("size");
            Double d = ParamChecker.number(s);
            if (s == null) {
                problems.add(path + ".size", "missing; give the number of neurons (an integer > 0)");
                return -1;
            }
            if (d == null || d != Math.rint(d) || d <= 0 || d > Integer.MAX_VALUE - 8) {
                problems.add(path + ".size", "must be an integer > 0, got " + ParamChecker.show(s));
                return -1;
            }
            return d.intValue();
        }

        private String reference(JsonNode node, String key, String path, Set<String> known, String what) {
            String name = referenceText(node, key, path + "." + key, what);
            return name != null && known(name, path + "." + key, known, what) ? name : null;
        }

        /** @return the text naming a {@code what} at {@code key}, or null when it is missing or not text (reported) */
        private String referenceText(JsonNode node, String key, String at, String what) {
            JsonNode r = node.get(key);
            if (r == null) {
                problems.add(at, "missing; name a " + what);
                return null;
            }
            return text(r, at);
        }

        private boolean known(String name, String path, Set<String> known, String what) {
            if (!known.contains(name)) {
                problems.add(path, "unknown " + what + " '" + name + "'." + Suggestions.didYouMean(name, known)
                        + " Known: " + (known.isEmpty() ? "none" : String.join(", ", known)));
                return false;
            }
            return true;
        }

        /**
         * Slices of one group that overlap but start at different neurons reach the connector as different
         * neurons (see {@link NetworkSpec.Projection#sameNeurons}), so the built-in connectors'
         * {@code allow_self: false} could not leave out a neuron's synapse onto itself there: refused, not
         * ignored.
         */
        private void selfConnections(ModelRef connector, Side pre, Side post, JsonNode node) {
            boolean declared = connector.factory().parameters().stream()
                    .anyMatch(spec -> spec.name().equals(ALLOW_SELF) && spec.type() == ParamType.BOOLEAN);
            if (declared && !connector.params().bool(ALLOW_SELF) && pre.group().equals(post.group())
                    && pre.range().overlaps(post.range()) && pre.range().from() != post.range().from()) {
                problems.add(connector.path() + "." + ALLOW_SELF, "false cannot leave out self-connections between '"
                        + node.get("pre").textValue() + "' and '" + node.get("post").textValue() + "': the slices"
                        + " overlap but start at different neurons, and a connector pairs neuron i of one with neuron"
                        + " i of the other. Start both slices at the same neuron, or split the projection where they"
                        + " overlap");
            }
        }

        /** One side of a projection: a group, or a slice of it ({@link GroupSlice}). */
        private record Side(String group, NetworkSpec.NeuronRange range) {
        }

        /** @return the side, or null when it is wrong (reported) or names a group that failed validation */
        private Side side(JsonNode node, String key, String path, Set<String> known, String what) {
            String at = path + "." + key;
            String text = referenceText(node, key, at, what);
            if (text == null) {
                return null;
            }
            GroupSlice slice = GroupSlice.parse(text);
            if (slice == null) {
                problems.add(at, "'" + text + "' names no " + what + ", nor a slice of one; write a name, or"
                        + " NAME[from:to] with whole numbers, as Brian2's subgroups are written (P[:3200], P[3200:])");
                return null;
            }
            if (!known(slice.group(), at, known, what) || valid(slice.group()) == null) {
                return null;
            }
            int size = groupSizes.get(slice.group());
            NetworkSpec.NeuronRange range = slice.resolve(size);
            if (range == null) {
                problems.add(at, "'" + text + "' is not a slice of the " + size + " neurons of " + slice.group()
                        + ": [from:to] needs 0 <= from < to <= " + size + " (a negative bound counts from the end)");
            }
            return range == null ? null : new Side(slice.group(), range);
        }

        private String text(JsonNode n, String path) {
            if (n == null || !n.isTextual()) {
                problems.add(path, "expected text, got " + ParamChecker.show(n));
                return null;
            }
            return n.textValue();
        }

        private double positive(JsonNode root, String key, String prefix, double fallback, String unit) {
            JsonNode n = root.get(key);
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (n == null) {
                if (Double.isNaN(fallback)) {
                    problems.add(path, "missing; give a number > 0 in " + unit);
                }
                return fallback;
            }
            Double d = ParamChecker.number(n);
            if (d == null || d <= 0) {
                problems.add(path, "must be a number > 0 " + unit + ", got " + ParamChecker.show(n));
                return Double.NaN;
            }
            return d;
        }

        private void unknownKeys(JsonNode node, String path, Set<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    problems.add(path.isEmpty() ? key : path + "." + key, "unknown key."
                            + Suggestions.didYouMean(key, allowed) + " Allowed: "
                            + String.join(", ", new java.util.TreeSet<>(allowed)));
                }
            }
        }
    }

    private static List<String> variableNames(List<VariableSpec> vars) {
        return vars.stream().map(VariableSpec::name).toList();
    }
}
