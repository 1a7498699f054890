package io.spikeforge.core.sim;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every state array of a network by its qualified name ({@code owner.variable}, for example
 * {@code post.V} or {@code stdp.A_pre}), so that monitors, initializers, task listings, checkpoints
 * and the NaN check can find and name them. The models' arrays come through their
 * {@link io.spikeforge.spi.BuildContext}; the engine registers its own (spike lists, delay rings,
 * weights handed to comms, spike totals) here too, so that the registry holds everything that
 * carries over from one step to the next.
 */
public final class StateRegistry {

    /**
     * A registered array.
     *
     * @param owner    the population, input or projection it belongs to
     * @param variable the variable name within the owner
     * @param unit     unit, "1" if dimensionless
     * @param array    a float[], int[] or long[]
     */
    public record State(String owner, String variable, String unit, Object array) {

        /** @return the qualified name, {@code owner.variable} */
        public String name() {
            return owner + "." + variable;
        }

        /** @return the number of elements */
        public int length() {
            return switch (array) {
                case float[] f -> f.length;
                case int[] i -> i.length;
                case long[] l -> l.length;
                default -> throw new IllegalStateException("not a state array: " + array.getClass());
            };
        }
    }

    /**
     * A user population that lives as neurons {@code [from, from + size)} of a storage population (the
     * engine's fusion of small populations of one model).
     *
     * @param member the user population's name
     * @param from   its first neuron in the storage
     * @param size   its number of neurons
     */
    public record Slice(String member, int from, int size) {
    }

    private final Map<String, State> byName = new LinkedHashMap<>();
    private final Map<String, java.util.List<Slice>> slices = new java.util.HashMap<>();
    private final Map<Object, String> names = new IdentityHashMap<>();

    /**
     * Registers an array.
     *
     * @throws IllegalArgumentException if the owner already registered that variable
     */
    public void register(String owner, String variable, String unit, Object array) {
        if (!(array instanceof float[] || array instanceof int[] || array instanceof long[])) {
            throw new IllegalArgumentException("state '" + owner + "." + variable + "' must be a float[], int[] or long[]");
        }
        State state = new State(owner, variable, unit, array);
        if (byName.putIfAbsent(state.name(), state) != null) {
            throw new IllegalArgumentException("variable '" + variable + "' of '" + owner + "' is allocated twice");
        }
        names.putIfAbsent(array, state.name());
    }

    /**
     * Names a scratch array for task listings: it carries nothing from one step to the next, so it is
     * not state (not checkpointed, compared or monitored).
     */
    public void nameScratch(String owner, String variable, Object array) {
        names.putIfAbsent(array, owner + "." + variable + " (scratch)");
    }

    /** Records that user population {@code member} lives as neurons [from, from + size) of {@code storage}. */
    public void slice(String storage, String member, int from, int size) {
        slices.computeIfAbsent(storage, k -> new java.util.ArrayList<>()).add(new Slice(member, from, size));
    }

    /**
     * @return the user population whose neuron is element {@code index} of a per-neuron array of
     *         {@code owner}, when {@code owner} is a storage population; empty otherwise
     */
    public Optional<Slice> sliceOf(String owner, int index) {
        return slices.getOrDefault(owner, java.util.List.of()).stream()
                .filter(sl -> index >= sl.from() && index < sl.from() + sl.size()).findFirst();
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

    /** @return the number of registered states */
    public int size() {
        return byName.size();
    }
}
