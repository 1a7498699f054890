package io.spikeforge.it;

import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import io.spikeforge.spi.ModelKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The networks of {@code src/test/resources/device-contract}: between them they use every registered
 * model, built-in and sample pack, and through them every built-in kernel.
 */
final class DeviceContract {

    static final Path DIR = Sims.root().resolve("integration-tests/src/test/resources/device-contract");

    private DeviceContract() {
    }

    /** @return the contract networks' file names, sorted */
    static Stream<String> configs() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
        }
    }

    /** @return the network of a contract file, built with the sample pack loaded */
    static Network build(String file, Overrides overrides) {
        return Packs.ENGINE.build(Packs.ENGINE.load(DIR.resolve(file), overrides));
    }

    /** @return the names of the models the contract networks use, by kind */
    static Map<ModelKind, Set<String>> modelsUsed() throws IOException {
        Map<ModelKind, Set<String>> used = new TreeMap<>();
        for (ModelKind k : ModelKind.values()) {
            used.put(k, new TreeSet<>());
        }
        for (String file : configs().toList()) {
            NetworkSpec spec = Packs.ENGINE.load(DIR.resolve(file), Overrides.NONE);
            spec.populations().forEach(p -> used.get(ModelKind.NEURON).add(p.neuron().name()));
            spec.inputs().forEach(i -> used.get(ModelKind.INPUT).add(i.model().name()));
            for (NetworkSpec.Projection p : spec.projections()) {
                used.get(ModelKind.COMM).add(p.comm().name());
                if (p.syn() != null) {          // a delta projection (on_pre) has neither syn nor out
                    used.get(ModelKind.SYNAPSE).add(p.syn().name());
                }
                if (p.out() != null) {          // a coupling (Delta, GapJunction) has no out
                    used.get(ModelKind.OUTPUT).add(p.out().name());
                }
                if (p.plasticity() != null) {
                    used.get(ModelKind.PLASTICITY).add(p.plasticity().name());
                }
            }
        }
        return used;
    }

    /** The kinds whose models make step tasks (connectors and initializers run only while building). */
    static final List<ModelKind> KINDS_WITH_TASKS = List.of(ModelKind.NEURON, ModelKind.SYNAPSE, ModelKind.OUTPUT,
            ModelKind.COMM, ModelKind.PLASTICITY, ModelKind.INPUT);
}
