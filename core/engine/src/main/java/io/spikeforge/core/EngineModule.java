package io.spikeforge.core;

import com.google.inject.AbstractModule;
import io.spikeforge.core.plugin.PluginLoader;
import io.spikeforge.core.plugin.PluginsModule;

import java.util.List;

/**
 * The engine's Guice wiring: the discovered packs' models and backends (the JVM backend among them,
 * registered as every pack registers, and the TornadoVM backend where its SDK is present).
 */
public final class EngineModule extends AbstractModule {

    private final List<PluginLoader.Found> plugins;

    public EngineModule(List<PluginLoader.Found> plugins) {
        this.plugins = plugins;
    }

    @Override
    protected void configure() {
        install(new PluginsModule(plugins));
    }
}
