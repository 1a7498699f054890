package io.spikeforge.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.spikeforge.core.plugin.PluginRegistry;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and validates a YAML network config. Every problem is collected with its YAML path and
 * reported together in one {@link ConfigException}.
 *
 * <p>Each section of the config has its reader ({@link TopLevelSection}, {@link PopulationSection},
 * {@link InputSection}, {@link ProjectionSection}, {@link MonitorSection}), and they run in the order of
 * the sections, over one {@link NameTable}: a section refers only to names declared before it, so every
 * name is in the table when it is looked up.
 */
public final class ConfigReader {

    private final PluginRegistry registry;
    private final ConfigModels models;
    private final YAMLFactory factory = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final ObjectMapper yaml = new ObjectMapper(factory);

    public ConfigReader(PluginRegistry registry) {
        this(registry, ConfigModels.NONE);
    }

    /**
     * @param registry every registered model
     * @param models   reads the config's own models (its {@code models} section)
     */
    public ConfigReader(PluginRegistry registry, ConfigModels models) {
        this.registry = registry;
        this.models = models;
    }

    /**
     * Reads a config file. A file that cannot be read is blamed on the file itself, with the command
     * line's own errors, since nothing of the config could be checked.
     */
    public NetworkSpec read(Path file, Overrides overrides) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            Problems options = new Problems();
            OverrideChecks.check(overrides, registry, options);
            options.add(file.toString(), unreadable(file, e));
            throw new ConfigException(file.toString(), options.list(), List.of());
        }
        String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return read(text, file.toString(), base, overrides);
    }

    private static String unreadable(Path file, Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (Files.isDirectory(file)) {
            return "is a directory; name a config file (YAML)";
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "cannot read the file: it is not UTF-8 text";
        }
        return "cannot read the file: " + e.getMessage();
    }

    /** Reads config text; {@code defaultName} names the run unless the config does. */
    public NetworkSpec read(String text, String source, String defaultName, Overrides overrides) {
        Problems options = new Problems();
        Overrides valid = OverrideChecks.check(overrides, registry, options);
        Problems yamlProblems = new Problems();
        JsonNode root;
        try {
            root = YamlTree.read(factory, text, yamlProblems);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, options.list(), List.of(new ConfigError("", YamlErrors.describe(e))));
        } catch (IOException e) {
            throw new IllegalStateException("reading YAML from a string: " + e.getMessage(), e);
        }
        if (!yamlProblems.isEmpty()) {
            // The tree holds an alias's name where its value should be: checking it would only mislead.
            throw new ConfigException(source, options.list(), yamlProblems.list());
        }
        return read(root, text, source, defaultName, overrides, valid, options);
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
        Problems options = new Problems();
        Overrides valid = OverrideChecks.check(overrides, registry, options);
        return read(tree, text, source, defaultName, overrides, valid, options);
    }

    /**
     * @param overrides the command line's values, as the checkpoint keeps them
     * @param valid     those of them that passed their checks, which replace the config's
     * @param options   the command line's errors so far, reported with the config's
     */
    private NetworkSpec read(JsonNode tree, String text, String source, String defaultName, Overrides overrides,
                             Overrides valid, Problems options) {
        JsonNode root = tree == null ? null : tree.deepCopy();
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = JsonNodeFactory.instance.objectNode();
        }
        Problems problems = new Problems();
        if (!root.isObject()) {
            problems.add("", "the config must be a mapping of keys (name, dt, duration, populations, ...), got "
                    + ParamChecker.show(root));
            throw new ConfigException(source, options.list(), problems.list());
        }
        TopLevelSection.applyOverrides((ObjectNode) root, valid);
        ConfigOrigin origin = new ConfigOrigin(text, source, defaultName, overrides);
        NetworkSpec spec = network((ObjectNode) root, defaultName, origin, valid, problems, options);
        if (problems.isEmpty() && options.isEmpty()) {
            ResourceCheck.check(spec, HeapLimit.bytes(), problems);
        }
        if (!problems.isEmpty() || !options.isEmpty()) {
            throw new ConfigException(source, options.list(), problems.list());
        }
        return spec;
    }

    /** {@return the registry with the config's own models added, when it has a {@code models} section} */
    private PluginRegistry withOwnModels(ObjectNode root, String source, Problems problems) {
        JsonNode section = root.get("models");
        if (section == null) {
            return registry;
        }
        List<ConfigError> found = new java.util.ArrayList<>();
        List<String> refused = new java.util.ArrayList<>();
        java.util.Map<String, PluginRegistry.Entry> own = models.read(section, source, found, refused);
        found.forEach(e -> problems.add(e.path(), e.message()));
        java.util.Map<PluginRegistry.Entry, String> paths = new java.util.IdentityHashMap<>();
        own.forEach((path, entry) -> paths.put(entry, path));
        return registry.with(List.copyOf(own.values()), refused, (entry, clash) -> problems.add(paths.get(entry) + ".name",
                clash));
    }

    private NetworkSpec network(ObjectNode root, String defaultName, ConfigOrigin origin, Overrides valid,
                                Problems problems, Problems options) {
        SectionContext context = SectionContext.start(withOwnModels(root, origin.source(), problems), models, problems);
        NodeChecks nodes = context.nodes();
        TopLevelSection.Settings top = new TopLevelSection(context).read(root, defaultName);
        WholeSteps.check(top.dt(), top.duration(), valid,
                valid.duration() != null || valid.dt() != null ? options : problems);
        var populations = nodes.entries(root, "populations", true, new PopulationSection(context)::read);
        var inputs = nodes.entries(root, "inputs", false, new InputSection(context)::read);
        var projections = nodes.entries(root, "projections", false, new ProjectionSection(context, top.dt())::read);
        var monitors = nodes.entries(root, "monitors", false, new MonitorSection(context)::read);
        ElementValues.make(populations, inputs, projections, top.seed(), origin.source(), problems);
        NetworkSpec spec = new NetworkSpec(top.name(), top.dt(), top.duration(), top.seed(), top.backend(),
                top.threads(), top.device(), populations, inputs, projections, monitors, origin);
        NpyFiles.load(spec, origin.source(), problems);
        return spec;
    }
}
