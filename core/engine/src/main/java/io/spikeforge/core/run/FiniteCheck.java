package io.spikeforge.core.run;

import io.spikeforge.core.sim.StateRegistry;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.sim.Network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Scans the float state arrays of a network for NaN and infinity, in registration order (populations,
 * inputs, projections), and names the first bad value. The first scan reads every array; later scans
 * read only the arrays some step task declares it writes, since no other array can change (the weights
 * of a projection without plasticity are the bulk of many networks). A scan costs one pass over those
 * floats, about 0.25 ns each, so the engine runs it every few steps rather than every step.
 */
public final class FiniteCheck {

    private final float[][] arrays;
    private final StateRegistry.State[] states;
    /** Indices into {@link #arrays} of the arrays a task writes. */
    private final int[] written;
    private boolean scannedAll;
    private final Map<String, String> kinds = new HashMap<>();
    private final double dt;
    private final StateRegistry registry;

    /** @param network the network whose registered float arrays are scanned */
    public FiniteCheck(Network network) {
        List<StateRegistry.State> floats = new ArrayList<>();
        for (StateRegistry.State s : network.states().all()) {
            if (s.array() instanceof float[]) {
                floats.add(s);
            }
        }
        this.states = floats.toArray(StateRegistry.State[]::new);
        this.arrays = floats.stream().map(s -> (float[]) s.array()).toArray(float[][]::new);
        Set<Object> writes = Collections.newSetFromMap(new IdentityHashMap<>());
        network.tasks().forEach(t -> writes.addAll(t.writes()));
        this.written = IntStream.range(0, arrays.length).filter(a -> writes.contains(arrays[a])).toArray();
        NetworkSpec spec = network.spec();
        spec.populations().forEach(p -> kinds.put(p.name(), "population"));
        spec.inputs().forEach(i -> kinds.put(i.name(), "input"));
        spec.projections().forEach(p -> kinds.put(p.name(), "projection"));
        this.dt = spec.dt();
        this.registry = network.states();
    }

    /**
     * @param done       the steps done (the network's clock)
     * @param lastFinite the steps done at the previous clean scan, or -1
     * @return the first non-finite value, or null when every value is finite
     */
    public NumericalFault scan(long done, long lastFinite) {
        boolean all = !scannedAll;
        scannedAll = true;
        int n = all ? arrays.length : written.length;
        for (int k = 0; k < n; k++) {
            int a = all ? k : written[k];
            int bad = firstNonFinite(arrays[a]);
            if (bad >= 0) {
                StateRegistry.State s = states[a];
                String owner = s.owner().contains(".") ? s.owner().substring(0, s.owner().indexOf('.')) : s.owner();
                // A small population fused into a storage one is named as the user wrote it, with its own index.
                var slice = registry.sliceOf(owner, bad);
                if (slice.isPresent()) {
                    return new NumericalFault("population", slice.get().member(), s.variable(), bad - slice.get().from(),
                            arrays[a][bad], Math.max(0, lastFinite), done - 1, dt);
                }
                return new NumericalFault(kinds.getOrDefault(owner, "model"), owner, s.variable(), bad, arrays[a][bad],
                        Math.max(0, lastFinite), done - 1, dt);
            }
        }
        return null;
    }

    /** @return the first index holding NaN or an infinity, or -1 */
    static int firstNonFinite(float[] a) {
        // x - x is 0 for every finite x and NaN for NaN and both infinities: one test per element, no branches
        // taken on the common path, and no float reduction (the JIT would not reorder one).
        for (int i = 0; i < a.length; i++) {
            float x = a[i];
            if (x - x != 0f) {
                return i;
            }
        }
        return -1;
    }
}
