package io.spikeforge.core.network;

import io.spikeforge.core.config.ModelRef;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.config.ParamValues;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.InputModel;
import io.spikeforge.spi.NeuronModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.ParamType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Makes the cost of a network follow its neurons, not the number of groups that describe it: small
 * populations of one neuron model and one parameter layout become slices of one storage population,
 * updated by one kernel call over concatenated arrays, and the current inputs onto them that are alike
 * and adjacent in the config become one input over the union of their slices. The user's populations
 * stay groups of their own, whose spike buffers one task fills from the storage's spikes each step, so
 * that projections from them, spike monitors, summaries and spike counts see exactly what they saw.
 *
 * <p>What makes results identical, and so what fuses:
 * <ul>
 *   <li>a population of at most {@link #MAX_MEMBER_SIZE} neurons that is no projection's post side (a
 *       post side needs the population's own current and V), in a class of at least {@link #MIN_MEMBERS};</li>
 *   <li>a model that draws no random numbers of its own (it never asks its context for a seed, checked by
 *       building it once on scratch arrays), since its draws are seeded by its owner's name;</li>
 *   <li>parameters that are equal across the class stay one value; a parameter that differs becomes one
 *       value per neuron only where the model takes it per element and every value is exact in float
 *       (the per-element kernel then reads the same float the uniform one computed with); otherwise the
 *       populations fall into different classes;</li>
 *   <li>initializers are drawn per user population, with its own seed, into its slice;</li>
 *   <li>inputs merge only when they are consecutive current inputs of one model with equal parameters,
 *       allocate no state and draw no numbers, onto adjacent slices of one storage: each neuron then
 *       receives its currents in the config's order.</li>
 * </ul>
 * Only the JVM backend fuses (the member-split task is a JVM task).
 */
final class Fusion {

    /** Populations larger than this pay their own task overhead only once per many neurons: left alone. */
    static final int MAX_MEMBER_SIZE = 256;
    /** Fewer small populations than this cost too little to be worth a storage of their own. */
    static final int MIN_MEMBERS = 4;

    /**
     * A user population living as a slice of a storage population.
     *
     * @param population the user's population as the config gives it
     * @param storage    the storage population's name
     * @param from       its first neuron in the storage
     */
    record Member(NetworkSpec.Population population, String storage, int from) {

        int size() {
            return population.size();
        }
    }

    private final List<NetworkSpec.Population> populations;
    private final List<NetworkSpec.Input> inputs;
    private final Map<String, Member> members;
    private final Map<String, List<Member>> byStorage;

    private Fusion(List<NetworkSpec.Population> populations, List<NetworkSpec.Input> inputs,
                   Map<String, Member> members, Map<String, List<Member>> byStorage) {
        this.populations = populations;
        this.inputs = inputs;
        this.members = members;
        this.byStorage = byStorage;
    }

    /** @return the populations to build: storage populations in place of their first members */
    List<NetworkSpec.Population> populations() {
        return populations;
    }

    /** @return the inputs to build: onto members' slices of their storages, alike ones merged */
    List<NetworkSpec.Input> inputs() {
        return inputs;
    }

    /** @return the member with that user name, or null */
    Member member(String name) {
        return members.get(name);
    }

    /** @return the members of a storage population, in config order; null for any other population */
    List<Member> membersOf(String storage) {
        return byStorage.get(storage);
    }

    /** @return the spec's populations and inputs as they are, nothing fused */
    static Fusion none(NetworkSpec spec) {
        return new Fusion(spec.populations(), spec.inputs(), Map.of(), Map.of());
    }

    /**
     * @param spec a validated spec
     * @return what to build instead of the spec's populations and inputs
     */
    static Fusion plan(NetworkSpec spec) {
        if (spec.backend() != null && !"jvm".equals(spec.backend())) {
            return none(spec);
        }
        Set<String> posts = new HashSet<>();
        spec.projections().forEach(p -> posts.add(p.post()));
        Map<List<Object>, List<NetworkSpec.Population>> classes = new LinkedHashMap<>();
        for (NetworkSpec.Population p : spec.populations()) {
            if (p.size() <= MAX_MEMBER_SIZE && !posts.contains(p.name()) && p.neuron().params() instanceof ParamValues) {
                classes.computeIfAbsent(key(p.neuron()), k -> new ArrayList<>()).add(p);
            }
        }
        // Only classes large enough to fuse run their models' code here, each population once.
        classes.values().removeIf(c -> c.size() < MIN_MEMBERS);
        for (List<NetworkSpec.Population> c : classes.values()) {
            c.removeIf(p -> !drawsNothing(p, spec.dt()));
        }
        Set<String> names = new HashSet<>();
        spec.populations().forEach(p -> names.add(p.name()));
        spec.inputs().forEach(i -> names.add(i.name()));
        spec.projections().forEach(p -> names.add(p.name()));
        Map<String, Member> members = new LinkedHashMap<>();
        Map<String, List<Member>> byStorage = new LinkedHashMap<>();
        Map<String, NetworkSpec.Population> storageAt = new LinkedHashMap<>();
        for (List<NetworkSpec.Population> c : classes.values()) {
            if (c.size() < MIN_MEMBERS) {
                continue;
            }
            String storage = c.getFirst().name() + "+" + (c.size() - 1);
            while (names.contains(storage)) {
                storage += "'";
            }
            names.add(storage);
            List<Member> list = new ArrayList<>();
            int from = 0;
            for (NetworkSpec.Population p : c) {
                Member m = new Member(p, storage, from);
                from += p.size();
                list.add(m);
                members.put(p.name(), m);
            }
            byStorage.put(storage, List.copyOf(list));
            storageAt.put(c.getFirst().name(), new NetworkSpec.Population(storage, from, joined(c, from), Map.of()));
        }
        if (members.isEmpty()) {
            return none(spec);
        }
        List<NetworkSpec.Population> pops = new ArrayList<>();
        for (NetworkSpec.Population p : spec.populations()) {
            if (storageAt.containsKey(p.name())) {
                pops.add(storageAt.get(p.name()));
            } else if (!members.containsKey(p.name())) {
                pops.add(p);
            }
        }
        return new Fusion(List.copyOf(pops), inputs(spec.inputs(), members, spec.dt()), Map.copyOf(members),
                Map.copyOf(byStorage));
    }

    /** A class of populations: one model, and per parameter its value or that it may differ. */
    private static List<Object> key(ModelRef neuron) {
        List<Object> key = new ArrayList<>();
        key.add(neuron.factory());
        Map<String, Object> values = ((ParamValues) neuron.params()).asMap();
        for (ParamSpec ps : neuron.factory().parameters()) {
            Object v = values.get(ps.name());
            boolean perElement = neuron.factory().perElement().contains(ps.name());
            if (perElement && (v instanceof float[] || exactFloat(ps, v))) {
                key.add(ps.name() + " may differ");
            } else {
                key.add(ps.name() + "=" + text(v));
            }
        }
        return key;
    }

    private static boolean exactFloat(ParamSpec ps, Object v) {
        return ps.type() == ParamType.REAL && v instanceof Number n && (double) (float) n.doubleValue() == n.doubleValue();
    }

    private static String text(Object v) {
        return switch (v) {
            case null -> "none";
            case double[] d -> Arrays.toString(d);
            case float[] f -> Arrays.toString(f);
            default -> String.valueOf(v);
        };
    }

    /** The storage's neuron model: equal values kept, differing ones concatenated per neuron. */
    private static ModelRef joined(List<NetworkSpec.Population> c, int size) {
        ModelRef first = c.getFirst().neuron();
        Map<String, Object> firstValues = ((ParamValues) first.params()).asMap();
        Map<String, Object> configured = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : firstValues.entrySet()) {
            String name = e.getKey();
            boolean same = c.stream().allMatch(p -> Objects.deepEquals(((ParamValues) p.neuron().params()).asMap()
                    .get(name), e.getValue()));
            if (same) {
                configured.put(name, e.getValue());
                continue;
            }
            float[] all = new float[size];
            int at = 0;
            for (NetworkSpec.Population p : c) {
                float[] mine = p.neuron().params().values(name, p.size());
                System.arraycopy(mine, 0, all, at, p.size());
                at += p.size();
            }
            configured.put(name, all);
        }
        return new ModelRef(first.factory(), new ParamValues(first.factory().parameters(), configured), first.path(),
                first.pack());
    }

    /** Inputs onto members retargeted to their slices; consecutive alike ones onto adjacent slices merged. */
    private static List<NetworkSpec.Input> inputs(List<NetworkSpec.Input> given, Map<String, Member> members,
                                                  double dt) {
        List<NetworkSpec.Input> out = new ArrayList<>();
        NetworkSpec.Input open = null;
        for (NetworkSpec.Input in : given) {
            Member m = in.target() == null ? null : members.get(in.target());
            if (m == null) {
                if (in.target() != null && open != null) {
                    // Another current in between: merging across it would reorder the sums.
                    out.add(finish(open, members));
                    open = null;
                }
                out.add(in);
                continue;
            }
            NetworkSpec.NeuronRange r = in.range() == null ? new NetworkSpec.NeuronRange(0, m.size()) : in.range();
            NetworkSpec.Input moved = new NetworkSpec.Input(in.name(), in.model(), m.storage(), r.size(),
                    new NetworkSpec.NeuronRange(m.from() + r.from(), m.from() + r.to()), in.var());
            if (open != null && mergeable(open, moved, dt)) {
                open = new NetworkSpec.Input(open.name(), open.model(), open.target(), open.size() + moved.size(),
                        new NetworkSpec.NeuronRange(open.range().from(), moved.range().to()), open.var());
                continue;
            }
            if (open != null) {
                out.add(finish(open, members));
            }
            open = moved;
        }
        if (open != null) {
            out.add(finish(open, members));
        }
        return List.copyOf(out);
    }

    /** @return the input, over its whole storage without a range when it covers it */
    private static NetworkSpec.Input finish(NetworkSpec.Input in, Map<String, Member> members) {
        int storageSize = members.values().stream().filter(m -> m.storage().equals(in.target()))
                .mapToInt(Member::size).sum();
        if (in.range().from() == 0 && in.range().to() == storageSize) {
            return new NetworkSpec.Input(in.name(), in.model(), in.target(), storageSize, null, in.var());
        }
        return in;
    }

    private static boolean mergeable(NetworkSpec.Input open, NetworkSpec.Input next, double dt) {
        return open.target().equals(next.target()) && open.range().to() == next.range().from()
                && Objects.equals(open.var(), next.var())
                && open.model().factory() == next.model().factory()
                && open.model().params() instanceof ParamValues a && next.model().params() instanceof ParamValues b
                && sameValues(a.asMap(), b.asMap()) && drawsNothing(open.model(), dt) && drawsNothing(next.model(), dt);
    }

    private static boolean sameValues(Map<String, Object> a, Map<String, Object> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> e : a.entrySet()) {
            if (!Objects.deepEquals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** @return whether the population's neuron model builds without asking for a seed */
    private static boolean drawsNothing(NetworkSpec.Population p, double dt) {
        Probe probe = new Probe(dt);
        try {
            ((NeuronModel) p.neuron().factory()).create(p.neuron().params(), probe, p.size(), new float[p.size()],
                    new int[p.size()]);
        } catch (Throwable e) {
            // Whatever it refuses or fails at (an Error or running out of heap included), the normal build
            // meets again and reports with the model's path: leave the population as it is.
            return false;
        }
        return !probe.seeded;
    }

    /** @return whether a current input builds without a seed and without state of its own */
    private static boolean drawsNothing(ModelRef input, double dt) {
        Probe probe = new Probe(dt);
        try {
            ((InputModel) input.factory()).create(input.params(), probe, 1, new float[1], null);
        } catch (Throwable e) {
            return false;
        }
        return !probe.seeded && !probe.allocated;
    }

    /** A context over scratch arrays that notes whether the model asks for a seed or allocates state. */
    private static final class Probe implements BuildContext {

        private final double dt;
        boolean seeded;
        boolean allocated;

        Probe(double dt) {
            this.dt = dt;
        }

        @Override
        public double dt() {
            return dt;
        }

        @Override
        public String owner() {
            return "fusion-probe";
        }

        @Override
        public long seed() {
            seeded = true;
            return 0;
        }

        @Override
        public int[] clock() {
            return new int[1];
        }

        @Override
        public float[] floats(String variable, int size, float initial) {
            allocated = true;
            float[] a = new float[size];
            Arrays.fill(a, initial);
            return a;
        }

        @Override
        public int[] ints(String variable, int size, int initial) {
            allocated = true;
            int[] a = new int[size];
            Arrays.fill(a, initial);
            return a;
        }
    }
}
