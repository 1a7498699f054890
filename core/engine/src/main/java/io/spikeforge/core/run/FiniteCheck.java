package io.spikeforge.core.run;

import io.spikeforge.core.build.StateRegistry;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.sim.Network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scans every float state array of a network for NaN and infinity, in registration order (populations,
 * inputs, projections), and names the first bad value. One scan reads each float once: its cost is
 * that of one pass over the network's float state, so the engine runs it every few steps rather than
 * every step.
 */
public final class FiniteCheck {

    private final float[][] arrays;
    private final StateRegistry.State[] states;
    private final Map<String, String> kinds = new HashMap<>();
    private final double dt;

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
        NetworkSpec spec = network.spec();
        spec.populations().forEach(p -> kinds.put(p.name(), "population"));
        spec.inputs().forEach(i -> kinds.put(i.name(), "input"));
        spec.projections().forEach(p -> kinds.put(p.name(), "projection"));
        this.dt = spec.dt();
    }

    /**
     * @param done       the steps done (the network's clock)
     * @param lastFinite the steps done at the previous clean scan, or -1
     * @return the first non-finite value, or null when every value is finite
     */
    public NumericalFault scan(long done, long lastFinite) {
        for (int a = 0; a < arrays.length; a++) {
            int bad = firstNonFinite(arrays[a]);
            if (bad >= 0) {
                StateRegistry.State s = states[a];
                String owner = s.owner().contains(".") ? s.owner().substring(0, s.owner().indexOf('.')) : s.owner();
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
