package io.spikeforge.core.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.spikeforge.spi.BackendProvider;
import io.spikeforge.spi.ModelFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The Guice module a pack contributes: its models and backends, bound into the registry's set as one
 * {@link Contribution}. One binding per pack rather than one per model: Guice's cost is per binding (its
 * source, key and checks), and the built-in packs alone hold some two hundred models, which as bindings of
 * their own took a share of every start-up.
 */
final class PackModule extends AbstractModule {

    /**
     * What one pack registers.
     *
     * @param models   its models, each with the pack's name
     * @param backends its backends, each with the pack's name
     */
    record Contribution(List<PluginRegistry.Entry> models, List<PluginRegistry.BackendEntry> backends) {
    }

    private final PluginLoader.Found found;

    PackModule(PluginLoader.Found found) {
        this.found = found;
    }

    @Override
    protected void configure() {
        List<PluginRegistry.Entry> models = new ArrayList<>();
        for (ModelFactory f : found.models()) {
            models.add(new PluginRegistry.Entry(f, found.pack()));
        }
        List<PluginRegistry.BackendEntry> backends = new ArrayList<>();
        for (BackendProvider b : found.backends()) {
            backends.add(new PluginRegistry.BackendEntry(b, found.pack()));
        }
        Multibinder.newSetBinder(binder(), Contribution.class).addBinding()
                .toInstance(new Contribution(List.copyOf(models), List.copyOf(backends)));
    }
}
