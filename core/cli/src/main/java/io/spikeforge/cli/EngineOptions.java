package io.spikeforge.cli;

import io.spikeforge.core.Engine;
import io.spikeforge.core.equations.EquationPacks;
import io.spikeforge.core.plugin.PluginLoader;
import picocli.CommandLine.Option;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Options every command that loads plugins shares, and where packs are looked for: the installation's
 * {@code packs/} directory (next to the {@code spikeforge} launcher, which passes it as the system
 * property {@code spikeforge.home}), then each {@code --plugins DIR}, or when none is given each
 * directory in {@code $SPIKEFORGE_PLUGINS} (separated by {@code :}).
 */
final class EngineOptions {

    /** The launcher's directory; its {@code packs/} subdirectory holds installed packs. */
    static final String HOME_PROPERTY = "spikeforge.home";

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "A directory of packs (default: $SPIKEFORGE_PLUGINS); each subdirectory holding jars, or"
                    + " model files (*.yaml), is one pack. May be given more than once.")
    List<Path> plugins = new ArrayList<>();

    /** @return the pack directories to load, each once, in order */
    static List<Path> packDirectories(List<Path> given, String env, String home) {
        Set<Path> dirs = new LinkedHashSet<>();
        if (home != null && !home.isBlank() && Files.isDirectory(Path.of(home, "packs"))) {
            dirs.add(Path.of(home, "packs").toAbsolutePath().normalize());
        }
        if (!given.isEmpty()) {
            given.forEach(p -> dirs.add(p.toAbsolutePath().normalize()));
        } else if (env != null && !env.isBlank()) {
            for (String part : env.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    dirs.add(Path.of(part).toAbsolutePath().normalize());
                }
            }
        }
        return List.copyOf(dirs);
    }

    /** @return these options as arguments of another command (a split run's processes) */
    List<String> args() {
        List<String> a = new ArrayList<>();
        plugins.forEach(p -> a.addAll(List.of("--plugins", p.toAbsolutePath().toString())));
        return a;
    }

    /** @return an engine with the built-in packs plus those in the pack directories */
    Engine engine() {
        List<PluginLoader.Found> extra = new ArrayList<>();
        for (Path dir : packDirectories(plugins, System.getenv("SPIKEFORGE_PLUGINS"), System.getProperty(HOME_PROPERTY))) {
            extra.addAll(PluginLoader.fromDirectory(dir));
            extra.addAll(EquationPacks.fromDirectory(dir));
        }
        return Engine.create(extra);
    }
}
