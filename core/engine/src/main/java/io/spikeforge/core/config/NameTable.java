package io.spikeforge.core.config;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every name a config declares, in declaration order, with what it names: the one place the sections of
 * {@link ConfigReader} record names and look them up. A name is claimed when its entry is read, so that a
 * second use is refused, and declared once its kind (and size) is known. Entries that failed validation
 * stay in the table: a reference to one then finds it and adds no second error, but it has no size and
 * no variables.
 */
final class NameTable {

    /** What a declared name stands for. */
    enum Kind {
        /** A neuron group. */
        POPULATION,
        /**
         * An input that emits spikes, and so may be a projection's pre. An input whose model is unknown is
         * declared as one too, without a size: it may have been one, and its references add no second error.
         */
        SPIKE_SOURCE,
        /** An input that is a current into a population. */
        INPUT,
        /** A projection. */
        PROJECTION
    }

    /**
     * What a reference may name, as a set of kinds, and how messages call it.
     *
     * @param words for example "population or spike source"
     * @param kinds the kinds it may name
     */
    record Referent(String words, Set<Kind> kinds) {
    }

    /** A projection's pre: any group of neurons. */
    static final Referent GROUP = new Referent("population or spike source",
            EnumSet.of(Kind.POPULATION, Kind.SPIKE_SOURCE));
    /** A projection's post or a current's target. */
    static final Referent POPULATION = new Referent("population", EnumSet.of(Kind.POPULATION));
    /** What a monitor may record. */
    static final Referent RECORDABLE = new Referent("population, spike source or projection",
            EnumSet.of(Kind.POPULATION, Kind.SPIKE_SOURCE, Kind.PROJECTION));

    /** One declared name; kind is null between its claim and its declaration. */
    private static final class Entry {
        final String path;
        Kind kind;
        Integer size;
        List<String> variables;

        Entry(String path) {
            this.path = path;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, ModelRef> neurons = new LinkedHashMap<>();

    /** Records the neuron model of a population that passed validation. */
    void neuron(String name, ModelRef model) {
        neurons.put(name, model);
    }

    /** @return the neuron model of a population that passed validation, or null */
    ModelRef neuron(String name) {
        return neurons.get(name);
    }

    /**
     * Claims a name for the entry at {@code path}.
     *
     * @return null when the name was free and is now the entry's; else the path of the entry that has it
     */
    String claim(String name, String path) {
        Entry first = entries.putIfAbsent(name, new Entry(path));
        return first == null ? null : first.path;
    }

    /**
     * Says what a claimed name stands for.
     *
     * @param size its number of neurons; 0 or less when it has none or the config's is wrong
     */
    void declare(String name, Kind kind, int size) {
        Entry e = entries.get(name);
        e.kind = kind;
        e.size = size > 0 ? size : null;
    }

    /** Records that the entry passed validation, and what a monitor may record of it. */
    void validated(String name, List<String> variables) {
        entries.get(name).variables = List.copyOf(variables);
    }

    /** @return whether {@code name} is declared as one of the referent's kinds */
    boolean declares(String name, Referent referent) {
        Entry e = entries.get(name);
        return e != null && referent.kinds().contains(e.kind);
    }

    /** @return the names declared as one of the referent's kinds, in declaration order */
    Set<String> all(Referent referent) {
        Set<String> out = new LinkedHashSet<>();
        entries.forEach((name, e) -> {
            if (referent.kinds().contains(e.kind)) {
                out.add(name);
            }
        });
        return out;
    }

    /** @return " Did you mean 'x'?" for the closest name of the referent's kinds, or an empty string */
    String didYouMean(String name, Referent referent) {
        return Suggestions.didYouMean(name, all(referent));
    }

    /** @return whether {@code name} is a spike source that passed validation, so it has a size */
    boolean isSpikeSource(String name) {
        Entry e = entries.get(name);
        return e != null && e.kind == Kind.SPIKE_SOURCE && e.size != null;
    }

    /** @return the number of neurons of a group, or null when it has none (or a wrong one, reported) */
    Integer size(String name) {
        Entry e = entries.get(name);
        return e == null ? null : e.size;
    }

    /** @return what a monitor may record of {@code name}, or null when it is unknown or failed validation */
    List<String> variables(String name) {
        Entry e = entries.get(name);
        return e == null ? null : e.variables;
    }
}
