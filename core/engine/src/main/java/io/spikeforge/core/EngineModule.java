package io.spikeforge.core;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import io.spikeforge.core.backend.BackendFactory;
import io.spikeforge.core.backend.JvmBackendFactory;
import io.spikeforge.core.plugin.PluginLoader;
import io.spikeforge.core.plugin.PluginsModule;

import java.util.List;
import java.util.ServiceLoader;

/**
 * The engine's Guice wiring: the discovered packs' models, and the backends by name (the JVM backend,
 * plus any {@link BackendProvider} found on the class path, such as the TornadoVM backend).
 */
public final class EngineModule extends AbstractModule {

    private final List<PluginLoader.Found> plugins;

    public EngineModule(List<PluginLoader.Found> plugins) {
        this.plugins = plugins;
    }

    @Override
    protected void configure() {
        install(new PluginsModule(plugins));
        MapBinder<String, BackendFactory> backends = MapBinder.newMapBinder(binder(), String.class, BackendFactory.class);
        backends.addBinding("jvm").to(JvmBackendFactory.class);
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            backends.addBinding(p.name()).toInstance(p.factory());
        }
    }
}
