package io.spikeforge.core.plugin;

import io.spikeforge.spi.BackendProvider;
import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.SpikeForgePlugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Finds plugins with {@link ServiceLoader}: those on the class path (the built-in packs) and those in
 * pack directories. A pack directory holds the pack's jars; each is loaded with a class loader of its
 * own whose parent shows it only the JDK, the SPI and the built-in kernels (see {@link ApiOnlyClassLoader}).
 * Every plugin is created and asked for its models here, so that a plugin that fails is reported with
 * its pack before anything else happens.
 */
public final class PluginLoader {

    /** Where ServiceLoader looks for plugins in a jar. */
    static final String SERVICE_FILE = "META-INF/services/" + SpikeForgePlugin.class.getName();

    /**
     * A plugin, its models and where it came from.
     *
     * @param plugin the plugin
     * @param pack   the pack, for messages and listings: a jar name, or a pack directory's name and path
     * @param models   the models it contributes
     * @param backends the backends it contributes whose runtime is present here
     */
    public record Found(SpikeForgePlugin plugin, String pack, List<ModelFactory> models,
                        List<BackendProvider> backends) {
    }

    private PluginLoader() {
    }

    /** @return the plugins visible to {@code loader} (the built-in packs on the class path) */
    public static List<Found> fromClassPath(ClassLoader loader) {
        return load(ServiceLoader.load(SpikeForgePlugin.class, loader), null, "class path");
    }

    /**
     * Loads every pack under {@code root}: each subdirectory that holds jars is one pack, and so is
     * {@code root} itself when it holds jars directly. Subdirectories without jars (a source tree, a
     * Maven module) are ignored.
     *
     * @throws PackException if {@code root} is not a directory or a pack cannot be loaded
     */
    public static List<Found> fromDirectory(Path root) {
        if (!Files.isDirectory(root)) {
            throw new PackException("plugin directory " + root + " does not exist or is not a directory");
        }
        List<Path> packs = new ArrayList<>();
        if (!jars(root).isEmpty()) {
            packs.add(root);
        }
        try (Stream<Path> s = Files.list(root)) {
            s.filter(Files::isDirectory).sorted().filter(p -> !jars(p).isEmpty()).forEach(packs::add);
        } catch (IOException e) {
            throw new PackException("cannot list plugin directory " + root + ": " + e.getMessage(), e);
        }
        List<Found> found = new ArrayList<>();
        for (Path pack : packs) {
            found.addAll(fromPack(pack));
        }
        return found;
    }

    /**
     * Loads one pack directory.
     *
     * @throws PackException if a plugin jar declares no or another SPI version, or a plugin fails
     */
    public static List<Found> fromPack(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        String pack = abs.getFileName() + " (" + abs + ")";
        List<Path> jars = jars(abs);
        boolean anyPlugin = false;
        for (Path jar : jars) {
            anyPlugin |= checkVersion(pack, jar);
        }
        if (!anyPlugin) {
            throw new PackException("pack " + pack + ": none of its jars lists a plugin in " + SERVICE_FILE);
        }
        URL[] urls = jars.stream().map(PluginLoader::url).toArray(URL[]::new);
        ClassLoader loader = new URLClassLoader("pack-" + abs.getFileName(), urls,
                new ApiOnlyClassLoader(SpikeForgePlugin.class.getClassLoader()));
        return load(ServiceLoader.load(SpikeForgePlugin.class, loader), pack, null);
    }

    /** @return whether the jar lists a plugin; throws if it does without declaring this SPI version */
    private static boolean checkVersion(String pack, Path jar) {
        String file = jar.getFileName().toString();
        try (JarFile jf = new JarFile(jar.toFile())) {
            if (jf.getEntry(SERVICE_FILE) == null) {
                return false;
            }
            Manifest mf = jf.getManifest();
            String declared = mf == null ? null : mf.getMainAttributes().getValue(SpikeForgePlugin.MANIFEST_ATTRIBUTE);
            String wanted = SpikeForgePlugin.MANIFEST_ATTRIBUTE + ": " + SpikeForgePlugin.SPI_VERSION;
            if (declared == null || declared.isBlank()) {
                throw new PackException("pack " + pack + ": " + file + " declares no "
                        + SpikeForgePlugin.MANIFEST_ATTRIBUTE + " in its manifest; this SpikeForge loads packs built"
                        + " for SPI version " + SpikeForgePlugin.SPI_VERSION + " (rebuild the pack against spikeforge-spi"
                        + " with '" + wanted + "' in its manifest)");
            }
            if (!declared.strip().equals(String.valueOf(SpikeForgePlugin.SPI_VERSION))) {
                throw new PackException("pack " + pack + ": " + file + " was built for SPI version '" + declared.strip()
                        + "', but this SpikeForge provides SPI version " + SpikeForgePlugin.SPI_VERSION
                        + "; use a build of the pack for SPI version " + SpikeForgePlugin.SPI_VERSION);
            }
            return true;
        } catch (IOException e) {
            throw new PackException("pack " + pack + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates every plugin the loader lists and asks each for its models.
     *
     * @param pack  the pack of every plugin, or null to name each by the jar it came from
     * @param where where the plugins were looked for, when {@code pack} is null
     */
    private static List<Found> load(ServiceLoader<SpikeForgePlugin> services, String pack, String where) {
        List<Found> found = new ArrayList<>();
        Iterator<ServiceLoader.Provider<SpikeForgePlugin>> it = services.stream().iterator();
        while (true) {
            ServiceLoader.Provider<SpikeForgePlugin> provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                throw new PackException((pack != null ? "pack " + pack : "a pack on the " + where) + ": "
                        + SERVICE_FILE + " lists a plugin that cannot be loaded: " + describe(e), e);
            }
            String packName = pack != null ? pack : packOf(provider.type());
            String plugin = provider.type().getName();
            SpikeForgePlugin instance;
            try {
                instance = provider.get();
            } catch (ServiceConfigurationError e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new PackException("pack " + packName + ": plugin " + plugin + " could not be created: "
                        + describe(cause) + hint(cause), cause);
            }
            found.add(new Found(instance, packName, models(instance, packName, plugin),
                    backends(instance, packName, plugin)));
        }
        return found;
    }

    private static List<ModelFactory> models(SpikeForgePlugin plugin, String pack, String name) {
        List<ModelFactory> models;
        try {
            models = plugin.models();
        } catch (RuntimeException | Error e) {
            throw new PackException("pack " + pack + ": plugin " + name + " failed in models(): " + describe(e)
                    + hint(e), e);
        }
        if (models == null) {
            throw new PackException("pack " + pack + ": plugin " + name + " returned no list of models (null)");
        }
        for (int i = 0; i < models.size(); i++) {
            String problem;
            try {
                problem = problem(models.get(i));
            } catch (RuntimeException | Error e) {
                throw new PackException("pack " + pack + ": plugin " + name + ": model " + i + " of models() failed"
                        + " when asked to describe itself: " + describe(e) + hint(e), e);
            }
            if (problem != null) {
                throw new PackException("pack " + pack + ": plugin " + name + ": model " + i + " of models() " + problem);
            }
        }
        return List.copyOf(models);
    }

    /**
     * @return what is wrong with a model's description of itself, or null. Asked here, once, so that a
     *         model whose description throws is named with its pack before any config is read.
     */
    private static String problem(ModelFactory m) {
        if (m == null) {
            return "is null";
        }
        if (m.name() == null || m.name().isBlank()) {
            return "has no name";
        }
        if (m.kind() == null) {
            return "('" + m.name() + "') has no kind";
        }
        if (m.parameters() == null || m.parameters().stream().anyMatch(Objects::isNull)) {
            return "('" + m.name() + "') lists no parameters (null)";
        }
        if (m.variables() == null || m.variables().stream().anyMatch(Objects::isNull)) {
            return "('" + m.name() + "') lists no variables (null)";
        }
        m.description();
        // Asked while configs are read: a failure there would have no pack to name.
        if (m instanceof CommModel comm) {
            comm.defaultConnector();
            comm.supportsPlasticity();
        } else if (m instanceof InputModel input) {
            input.spikeSource();
        }
        return null;
    }

    /**
     * The plugin's backends that can run here: a backend whose runtime is missing (the TornadoVM backend's
     * jar without the SDK on the module path) says so through {@link BackendProvider#available()}, or
     * fails to link, and is left out, as though it were not installed.
     */
    private static List<BackendProvider> backends(SpikeForgePlugin plugin, String pack, String name) {
        List<BackendProvider> backends;
        try {
            backends = plugin.backends();
        } catch (RuntimeException | Error e) {
            throw new PackException("pack " + pack + ": plugin " + name + " failed in backends(): " + describe(e)
                    + hint(e), e);
        }
        if (backends == null) {
            throw new PackException("pack " + pack + ": plugin " + name + " returned no list of backends (null)");
        }
        List<BackendProvider> out = new ArrayList<>();
        for (int i = 0; i < backends.size(); i++) {
            BackendProvider b = backends.get(i);
            String backendName;
            try {
                backendName = b == null ? null : b.name();
            } catch (RuntimeException | Error e) {
                throw new PackException("pack " + pack + ": plugin " + name + ": backend " + i + " of backends()"
                        + " failed when asked for its name: " + describe(e), e);
            }
            if (b == null || backendName == null || backendName.isBlank()) {
                throw new PackException("pack " + pack + ": plugin " + name + ": backend " + i + " of backends() "
                        + (b == null ? "is null" : "has no name"));
            }
            boolean available;
            try {
                available = b.available();
            } catch (RuntimeException | Error e) {
                available = false;
            }
            if (available) {
                out.add(b);
            }
        }
        return List.copyOf(out);
    }

    /** Packs see only the SPI; a missing engine class usually means a pack was built against the engine. */
    private static String hint(Throwable e) {
        String text = String.valueOf(e.getMessage());
        if (e instanceof NoClassDefFoundError && text.startsWith("io/spikeforge/")) {
            return " (a pack sees only io.spikeforge.spi and the JDK: bundle every other class it needs in its"
                    + " directory)";
        }
        return "";
    }

    private static String describe(Throwable e) {
        return e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static List<Path> jars(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new PackException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String packOf(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return "class path";
        }
        String path = cs.getLocation().getPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("classes") ? path : name;
    }
}
