package io.spikeforge.core.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;

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
        Multibinder.newSetBinder(binder(), PluginRegistry.Entry.class);
        Multibinder.newSetBinder(binder(), PluginRegistry.BackendEntry.class);
        plugins.forEach(p -> install(new PackModule(p)));
    }

    @Provides
    @Singleton
    PluginRegistry registry(Set<PluginRegistry.Entry> entries, Set<PluginRegistry.BackendEntry> backends) {
        return new PluginRegistry(List.copyOf(entries), List.copyOf(backends));
    }
}
