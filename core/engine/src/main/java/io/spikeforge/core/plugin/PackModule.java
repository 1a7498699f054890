package io.spikeforge.core.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.spikeforge.spi.BackendProvider;
import io.spikeforge.spi.ModelFactory;

/** The Guice module a pack contributes: each of its models and backends bound into the registry's sets. */
final class PackModule extends AbstractModule {

    private final PluginLoader.Found found;

    PackModule(PluginLoader.Found found) {
        this.found = found;
    }

    @Override
    protected void configure() {
        Multibinder<PluginRegistry.Entry> models = Multibinder.newSetBinder(binder(), PluginRegistry.Entry.class);
        for (ModelFactory f : found.models()) {
            models.addBinding().toInstance(new PluginRegistry.Entry(f, found.pack()));
        }
        Multibinder<PluginRegistry.BackendEntry> backends = Multibinder.newSetBinder(binder(),
                PluginRegistry.BackendEntry.class);
        for (BackendProvider b : found.backends()) {
            backends.addBinding().toInstance(new PluginRegistry.BackendEntry(b, found.pack()));
        }
    }
}
