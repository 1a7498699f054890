package io.spikeforge.core.build;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every state array of a network by its qualified name ({@code owner.variable}, for example
 * {@code post.V} or {@code stdp.A_pre}), so that monitors, initializers, task listings and backends
 * can find and name them.
 */
public final class StateRegistry {

    /**
     * A registered array.
     *
     * @param name  qualified name
     * @param unit  unit, "1" if dimensionless
     * @param array a float[] or int[]
     */
    public record State(String name, String unit, Object array) {

        /** @return the number of elements */
        public int length() {
            return array instanceof float[] f ? f.length : ((int[]) array).length;
        }
    }

    private final Map<String, State> byName = new LinkedHashMap<>();
    private final Map<Object, String> names = new IdentityHashMap<>();

    /** Registers an array; the name must be new. */
    public void register(String name, String unit, Object array) {
        if (byName.containsKey(name)) {
            throw new IllegalStateException("state '" + name + "' is allocated twice");
        }
        byName.put(name, new State(name, unit, array));
        names.putIfAbsent(array, name);
    }

    /** @return the state with that qualified name */
    public Optional<State> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** @return the name of an array, or a placeholder for engine-internal scratch arrays */
    public String nameOf(Object array) {
        String n = names.get(array);
        return n != null ? n : "scratch@" + Integer.toHexString(System.identityHashCode(array));
    }

    /** @return all states in allocation order */
    public Iterable<State> all() {
        return byName.values();
    }
}
