package io.spikeforge.core.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Installs one {@link PackModule} per discovered plugin and provides the {@link PluginRegistry}. */
public final class PluginsModule extends AbstractModule {

    private final List<PluginLoader.Found> plugins;

    public PluginsModule(List<PluginLoader.Found> plugins) {
        this.plugins = List.copyOf(plugins);
    }

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), PackModule.Contribution.class);
        plugins.forEach(p -> install(new PackModule(p)));
    }

    @Provides
    @Singleton
    PluginRegistry registry(Set<PackModule.Contribution> packs) {
        // A set, as the bindings of each model were: the same model listed twice by one pack counts once.
        Set<PluginRegistry.Entry> entries = new LinkedHashSet<>();
        Set<PluginRegistry.BackendEntry> backends = new LinkedHashSet<>();
        for (PackModule.Contribution c : packs) {
            entries.addAll(c.models());
            backends.addAll(c.backends());
        }
        return new PluginRegistry(List.copyOf(entries), List.copyOf(backends));
    }
}
