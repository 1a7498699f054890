package io.spikeforge.core.plugin;

import io.spikeforge.spi.SpikeForgePlugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds plugins with {@link ServiceLoader}: those on the class path (the built-in packs) and those in
 * pack directories, each pack directory in a class loader of its own.
 */
public final class PluginLoader {

    /**
     * A plugin and where it came from.
     *
     * @param plugin the plugin
     * @param pack   the pack's name: its jar or directory
     */
    public record Found(SpikeForgePlugin plugin, String pack) {
    }

    private PluginLoader() {
    }

    /** @return the plugins visible to {@code loader} */
    public static List<Found> fromClassPath(ClassLoader loader) {
        List<Found> found = new ArrayList<>();
        for (SpikeForgePlugin p : ServiceLoader.load(SpikeForgePlugin.class, loader)) {
            found.add(new Found(p, packOf(p.getClass())));
        }
        return found;
    }

    /**
     * Loads every pack under {@code root}: each subdirectory (or {@code root} itself when it holds
     * jars directly) is one pack, loaded with its own class loader over its jars.
     */
    public static List<Found> fromDirectory(Path root) throws IOException {
        List<Found> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            throw new IOException("plugin directory " + root + " does not exist");
        }
        List<Path> packs = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            s.sorted().forEach(p -> {
                if (Files.isDirectory(p)) {
                    packs.add(p);
                }
            });
        }
        if (jars(root).length > 0) {
            packs.add(0, root);
        }
        for (Path pack : packs) {
            URL[] urls = jars(pack);
            if (urls.length == 0) {
                continue;
            }
            ClassLoader loader = new URLClassLoader("pack-" + pack.getFileName(), urls,
                    SpikeForgePlugin.class.getClassLoader());
            for (SpikeForgePlugin p : ServiceLoader.load(SpikeForgePlugin.class, loader)) {
                if (p.getClass().getClassLoader() == loader) {
                    found.add(new Found(p, pack.toString()));
                }
            }
        }
        return found;
    }

    private static URL[] jars(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().map(p -> {
                try {
                    return p.toUri().toURL();
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }).toArray(URL[]::new);
        }
    }

    private static String packOf(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return "classpath";
        }
        String path = cs.getLocation().getPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("classes") ? path : name;
    }
}
