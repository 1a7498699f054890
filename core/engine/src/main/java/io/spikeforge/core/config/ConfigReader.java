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
    private final ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

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
        TopLevelSection.applyOverrides((ObjectNode) root, overrides);
        ConfigOrigin origin = new ConfigOrigin(text, source, defaultName, overrides);
        NetworkSpec spec = network((ObjectNode) root, defaultName, origin, problems);
        if (problems.isEmpty()) {
            ResourceCheck.check(spec, HeapLimit.bytes(), problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems.list());
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

    private NetworkSpec network(ObjectNode root, String defaultName, ConfigOrigin origin, Problems problems) {
        SectionContext context = SectionContext.start(withOwnModels(root, origin.source(), problems), models, problems);
        NodeChecks nodes = context.nodes();
        TopLevelSection.Settings top = new TopLevelSection(context).read(root, defaultName);
        var populations = nodes.entries(root, "populations", true, new PopulationSection(context)::read);
        var inputs = nodes.entries(root, "inputs", false, new InputSection(context)::read);
        var projections = nodes.entries(root, "projections", false, new ProjectionSection(context, top.dt())::read);
        var monitors = nodes.entries(root, "monitors", false, new MonitorSection(context)::read);
        return new NetworkSpec(top.name(), top.dt(), top.duration(), top.seed(), top.backend(), top.threads(),
                top.device(), populations, inputs, projections, monitors, origin);
    }
}
