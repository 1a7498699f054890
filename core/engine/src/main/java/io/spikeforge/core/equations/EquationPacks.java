package io.spikeforge.core.equations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.plugin.DeferredModel;
import io.spikeforge.core.plugin.PackException;
import io.spikeforge.core.plugin.PluginLoader;
import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.SpikeForgePlugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Packs without Java: a directory of model files ({@code *.yaml}, {@code *.yml}), each one model
 * (a mapping with {@code name}, {@code kind}, {@code equations}, ...) or a {@code models} list of them,
 * as a config's {@code models} section holds them. A plugin directory may hold such packs beside jar
 * packs: the directory itself when it holds model files, and each subdirectory that does. Their
 * models register under their names exactly as the built-in and Java-pack models do.
 */
public final class EquationPacks {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private EquationPacks() {
    }

    /**
     * {@return the model packs under {@code root}}
     *
     * @throws PackException listing every problem of every model file
     */
    public static List<PluginLoader.Found> fromDirectory(Path root) {
        List<Path> packs = new ArrayList<>();
        if (!files(root).isEmpty()) {
            packs.add(root);
        }
        try (Stream<Path> s = Files.list(root)) {
            s.filter(Files::isDirectory).sorted().filter(p -> !files(p).isEmpty()).forEach(packs::add);
        } catch (IOException e) {
            throw new PackException("cannot list plugin directory " + root + ": " + e.getMessage(), e);
        }
        List<PluginLoader.Found> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path pack : packs) {
            Path abs = pack.toAbsolutePath().normalize();
            String name = abs.getFileName() + " (" + abs + ")";
            List<ModelFactory> models = new ArrayList<>();
            for (Path file : files(abs)) {
                models.addAll(read(file, problems));
            }
            found.add(new PluginLoader.Found(new ModelFiles(abs.getFileName().toString(), models), name, models,
                    List.of()));
        }
        if (!problems.isEmpty()) {
            throw new PackException("model files that do not check: " + String.join("; ", problems));
        }
        return found;
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new PackException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@return {@code found} with each plugin's {@linkplain SpikeForgePlugin#modelFiles() model files}
     * read and their models added to the plugin's own}, each made when first needed ({@link DeferredModel})
     *
     * @throws PackException naming the pack, the plugin and every file that cannot be read or does not name
     *                       its models and their kinds; a model whose equations do not check throws the same
     *                       message when it is first needed
     */
    public static List<PluginLoader.Found> withModelFiles(List<PluginLoader.Found> found) {
        List<PluginLoader.Found> out = new ArrayList<>();
        for (PluginLoader.Found f : found) {
            List<String> files;
            String plugin = f.plugin().getClass().getName();
            try {
                files = f.plugin().modelFiles();
            } catch (RuntimeException | Error e) {
                throw new PackException("pack " + f.pack() + ": plugin " + plugin + " failed in modelFiles(): "
                        + e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
            }
            if (files == null || files.isEmpty()) {
                out.add(f);
                continue;
            }
            List<String> problems = new ArrayList<>();
            List<ModelFactory> models = new ArrayList<>(f.models());
            ClassLoader loader = f.plugin().getClass().getClassLoader();
            for (String resource : files) {
                JsonNode root = null;
                try (InputStream in = resource == null ? null : loader.getResourceAsStream(resource)) {
                    if (in == null) {
                        problems.add(resource + ": no such resource in the plugin's jar");
                        continue;
                    }
                    root = YAML.readTree(in);
                } catch (JsonProcessingException e) {
                    problems.add(resource + ": " + e.getOriginalMessage());
                } catch (IOException e) {
                    problems.add(resource + ": cannot read: " + e.getMessage());
                }
                if (root != null) {
                    String name = resource.substring(resource.lastIndexOf('/') + 1);
                    models.addAll(deferred(root, name, resource, "pack " + f.pack() + ": plugin " + plugin, problems));
                }
            }
            if (!problems.isEmpty()) {
                throw new PackException("pack " + f.pack() + ": plugin " + plugin + ": model files that do not check: "
                        + String.join("; ", problems));
            }
            out.add(new PluginLoader.Found(f.plugin(), f.pack(), List.copyOf(models), f.backends()));
        }
        return out;
    }

    /**
     * The models of one of a plugin's model files, each made when first needed ({@link DeferredModel}): only
     * what names the model and its kind is checked now, the equations when a config, {@code plugins} or
     * {@code docs} asks for the model. A plugin's files are its author's, tested with it (the built-in
     * packs' by their tests), unlike a directory pack's, which are checked at load.
     */
    private static List<ModelFactory> deferred(JsonNode root, String name, String where, String owner,
                                               List<String> problems) {
        List<ConfigError> errors = new ArrayList<>();
        List<ModelFactory> out = new ArrayList<>();
        if (root != null && root.has("models") && root.get("models").isArray()) {
            JsonNode list = root.get("models");
            for (int k = 0; k < list.size(); k++) {
                ModelFactory f = deferredModel(list.get(k), "models[" + k + "]", where, owner, errors);
                if (f != null) {
                    out.add(f);
                }
            }
        } else if (root != null && root.has("models")) {
            errors.add(new ConfigError("models", "expected a list of models"));
        } else {
            ModelFactory f = deferredModel(root, name, where, owner, errors);
            if (f != null) {
                out.add(f);
            }
        }
        errors.forEach(e -> problems.add(where + ": " + e));
        return out;
    }

    private static ModelFactory deferredModel(JsonNode node, String path, String where, String owner,
                                         List<ConfigError> errors) {
        ModelDefinition def = EquationModels.definition(node, path, errors);
        if (def == null) {
            return null;
        }
        return new DeferredModel(def.name(), def.kind(), () -> {
            List<ConfigError> later = new ArrayList<>();
            ModelFactory made = EquationModels.model(def, later);
            if (made == null || !later.isEmpty()) {
                throw new PackException(owner + ": model files that do not check: " + String.join("; ",
                        later.stream().map(e -> where + ": " + e).toList()));
            }
            return made;
        });
    }

    private static List<ModelFactory> read(Path file, List<String> problems) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            problems.add(file + ": " + e.getOriginalMessage());
            return List.of();
        } catch (IOException e) {
            problems.add(file + ": cannot read: " + e.getMessage());
            return List.of();
        }
        return models(root, file.getFileName().toString(), file.toString(), problems);
    }

    /** The models of one file's tree; {@code name} is the path of a lone model, {@code where} the file. */
    private static List<ModelFactory> models(JsonNode root, String name, String where, List<String> problems) {
        List<ConfigError> errors = new ArrayList<>();
        List<ModelFactory> out = new ArrayList<>();
        if (root != null && root.has("models")) {
            JsonNode list = root.get("models");
            for (int k = 0; list.isArray() && k < list.size(); k++) {
                ModelFactory f = EquationModels.model(list.get(k), "models[" + k + "]", errors);
                if (f != null) {
                    out.add(f);
                }
            }
            if (!list.isArray()) {
                errors.add(new ConfigError("models", "expected a list of models"));
            }
        } else {
            ModelFactory f = EquationModels.model(root, name, errors);
            if (f != null) {
                out.add(f);
            }
        }
        errors.forEach(e -> problems.add(where + ": " + e));
        return out;
    }

    /** The plugin that stands for a directory of model files. */
    private record ModelFiles(String name, List<ModelFactory> models) implements SpikeForgePlugin {
    }
}
