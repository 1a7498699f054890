package io.spikeforge.core.plugin;

import io.spikeforge.spi.BackendProvider;
import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.ModelKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every registered model by kind and config name, with the pack each came from. */
public final class PluginRegistry {

    /**
     * A registered model.
     *
     * @param factory the model
     * @param pack    the pack (jar or directory) that contributed it
     */
    public record Entry(ModelFactory factory, String pack) {

        /**
         * {@return the model}, made now if it was registered as a {@link DeferredModel}
         *
         * @throws PackException when a deferred model cannot be made
         */
        @Override
        public ModelFactory factory() {
            return factory instanceof DeferredModel d ? d.model() : factory;
        }

        /** {@return the model's name}, without making a deferred model */
        public String name() {
            return factory.name();
        }

        /** {@return the model's kind}, without making a deferred model */
        public ModelKind kind() {
            return factory.kind();
        }
    }

    /**
     * A registered backend.
     *
     * @param provider the backend
     * @param pack     the pack (jar or directory) that contributed it
     */
    public record BackendEntry(BackendProvider provider, String pack) {
    }

    private final Map<ModelKind, Map<String, Entry>> byKind = new EnumMap<>(ModelKind.class);
    private final Map<String, BackendEntry> backends = new TreeMap<>();
    private final java.util.Set<String> refused = new java.util.HashSet<>();

    /**
     * @param entries every contributed model
     * @throws PackException naming both packs when two models share a kind and name
     */
    public PluginRegistry(List<Entry> entries) {
        this(entries, List.of());
    }

    /**
     * @param entries  every contributed model
     * @param backends every contributed backend that can run here
     * @throws PackException naming both packs when two models share a kind and name, or two backends a name
     */
    public PluginRegistry(List<Entry> entries, List<BackendEntry> backends) {
        for (ModelKind kind : ModelKind.values()) {
            byKind.put(kind, new TreeMap<>());
        }
        List<String> clashes = new ArrayList<>();
        for (Entry e : entries) {
            Entry old = byKind.get(e.kind()).putIfAbsent(e.name(), e);
            if (old != null) {
                clashes.add(e.kind().word() + " model '" + e.name() + "' is registered by both "
                        + old.pack() + " and " + e.pack());
            }
        }
        for (BackendEntry b : backends) {
            BackendEntry old = this.backends.putIfAbsent(b.provider().name(), b);
            if (old != null) {
                clashes.add("backend '" + b.provider().name() + "' is registered by both " + old.pack() + " and "
                        + b.pack());
            }
        }
        if (!clashes.isEmpty()) {
            throw new PackException("two packs register the same model name, so a config could not tell them apart: "
                    + String.join("; ", clashes) + ". Remove one of the packs");
        }
    }

    /**
     * {@return this registry with more models, for one config's own}: one whose kind and name are
     * taken is left out and reported to {@code clash} with why
     */
    public PluginRegistry with(List<Entry> more, java.util.function.BiConsumer<Entry, String> clash) {
        return with(more, List.of(), clash);
    }

    /**
     * {@return this registry with more models, for one config's own}, and the names of the config's models
     * that were refused ({@link #refused}); one whose kind and name are taken is left out and reported to
     * {@code clash}
     */
    public PluginRegistry with(List<Entry> more, List<String> refusedNames,
                               java.util.function.BiConsumer<Entry, String> clash) {
        List<Entry> all = new ArrayList<>();
        byKind.values().forEach(m -> all.addAll(m.values()));
        Map<String, Entry> seen = new java.util.HashMap<>();
        for (Entry e : more) {
            Optional<Entry> old = find(e.kind(), e.name());
            Entry before = seen.putIfAbsent(e.kind() + " " + e.name(), e);
            if (old.isPresent()) {
                clash.accept(e, "'" + e.name() + "' is already a " + e.kind().word() + " model, from "
                        + old.get().pack() + "; give this one another name");
            } else if (before != null) {
                clash.accept(e, "'" + e.name() + "' is defined twice in the models section");
            } else {
                all.add(e);
            }
        }
        PluginRegistry out = new PluginRegistry(all, new ArrayList<>(backends.values()));
        out.refused.addAll(refusedNames);
        return out;
    }

    /**
     * {@return whether {@code name} is one of the config's own models that was refused}: a reference to
     * it needs no second message
     */
    public boolean refused(String name) {
        return refused.contains(name);
    }

    /** @return the model of that kind and name */
    public Optional<Entry> find(ModelKind kind, String name) {
        return Optional.ofNullable(byKind.get(kind).get(name));
    }

    /** @return the registered names of a kind, sorted */
    public List<String> names(ModelKind kind) {
        return List.copyOf(byKind.get(kind).keySet());
    }

    /** @return the backends by name, sorted */
    public Map<String, BackendEntry> backends() {
        return Collections.unmodifiableMap(backends);
    }

    /** @return the entries of a kind, sorted by name */
    public List<Entry> entries(ModelKind kind) {
        return Collections.unmodifiableList(new ArrayList<>(byKind.get(kind).values()));
    }
}
