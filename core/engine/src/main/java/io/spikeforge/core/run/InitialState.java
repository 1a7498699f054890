package io.spikeforge.core.run;

import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.sim.Network;
import io.spikeforge.core.sim.StateRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds NaN and infinity in a network's state before it runs. There they are bad input, not a fault of
 * the run: a weight of -1e39 is a double the config may hold, but a float state cannot (it becomes
 * -Infinity), and an initializer or model parameter can make NaN. Each array holding one is blamed on
 * the config path that made it: a projection's {@code comm.weight}, a population's {@code init.V}, else
 * the model whose state it is.
 */
public final class InitialState {

    private InitialState() {
    }

    /** @return one error per float state array that holds a non-finite value, in build order */
    public static List<ConfigError> problems(Network network) {
        Map<String, ConfigError> found = new LinkedHashMap<>();
        for (StateRegistry.State s : network.states().all()) {
            if (s.array() instanceof float[] values) {
                int bad = FiniteCheck.firstNonFinite(values);
                if (bad >= 0) {
                    String path = path(network.spec(), owner(s.owner()), s.variable());
                    found.putIfAbsent(path, new ConfigError(path, "the initial state holds " + values[bad] + " in '"
                            + s.name() + "' at element " + bad + "; every value must be finite and within a float's"
                            + " range (about 3.4e38 either side of 0)"));
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /** @return the population, input or projection an array belongs to: its owner, less ".part" and "#block" */
    private static String owner(String owner) {
        int cut = owner.length();
        for (char c : new char[] {'.', '#'}) {
            int at = owner.indexOf(c);
            cut = at >= 0 ? Math.min(cut, at) : cut;
        }
        return owner.substring(0, cut);
    }

    /** @return the config path that made {@code owner}'s {@code variable} */
    private static String path(NetworkSpec spec, String owner, String variable) {
        for (int i = 0; i < spec.populations().size(); i++) {
            NetworkSpec.Population p = spec.populations().get(i);
            if (p.name().equals(owner)) {
                return p.init().containsKey(variable) ? "populations[" + i + "].init." + variable
                        : "populations[" + i + "].neuron";
            }
        }
        for (int i = 0; i < spec.inputs().size(); i++) {
            if (spec.inputs().get(i).name().equals(owner)) {
                return "inputs[" + i + "]";
            }
        }
        for (int i = 0; i < spec.projections().size(); i++) {
            NetworkSpec.Projection p = spec.projections().get(i);
            if (p.name().equals(owner)) {
                String at = "projections[" + i + "]";
                // A comm's own copies of the weights (Dense's weight_matrix) come from the same initializer.
                if (variable.startsWith("weight")) {
                    return at + ".comm.weight";
                }
                if (p.syn() != null && p.syn().factory().variables().stream().anyMatch(v -> v.name().equals(variable))) {
                    return at + ".syn";
                }
                return p.plasticity() != null ? at + ".plasticity" : at;
            }
        }
        return owner;
    }
}
