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
        for (BackendProvider p : providers()) {
            backends.addBinding(p.name()).toInstance(p.factory());
        }
    }

    /**
     * @return the backend providers on the class path that can run here: a provider whose runtime is
     *         missing (a TornadoVM backend jar without the SDK on the module path) is left out
     */
    public static List<BackendProvider> providers() {
        List<BackendProvider> out = new java.util.ArrayList<>();
        var it = ServiceLoader.load(BackendProvider.class).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                BackendProvider p = it.next();
                if (p.available()) {
                    out.add(p);
                }
            } catch (java.util.ServiceConfigurationError | LinkageError e) {
                org.slf4j.LoggerFactory.getLogger(EngineModule.class).debug("backend provider skipped: {}", e.toString());
            }
        }
        return out;
    }
}
