package io.spikeforge.cli;

import io.spikeforge.core.Engine;
import io.spikeforge.core.plugin.PluginLoader;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options every command that loads plugins shares. */
final class EngineOptions {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Extra pack directory (default: $SPIKEFORGE_PLUGINS); each subdirectory of jars is one pack.")
    Path plugins;

    /** @return an engine with the built-in packs plus those in the plugin directory */
    Engine engine() throws IOException {
        List<PluginLoader.Found> extra = new ArrayList<>();
        Path dir = plugins;
        if (dir == null && System.getenv("SPIKEFORGE_PLUGINS") != null && !System.getenv("SPIKEFORGE_PLUGINS").isBlank()) {
            dir = Path.of(System.getenv("SPIKEFORGE_PLUGINS"));
        }
        if (dir != null) {
            extra.addAll(PluginLoader.fromDirectory(dir));
        }
        return Engine.create(extra);
    }
}
