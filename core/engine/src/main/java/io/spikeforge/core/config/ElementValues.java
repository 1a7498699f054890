package io.spikeforge.core.config;

import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.SynapseModel;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Makes the values of every parameter given per element, once the sections are read: one per neuron
 * of a population's neuron model, one per state slot of a projection's synapse model (post neurons,
 * or pre neurons when aligned pre), one per post neuron of its output. Drawn values come from the
 * counter-based generator with a seed derived from the run's seed and {@code owner.param.name}
 * ({@code E.param.V_th}, {@code E2E.syn.param.tau}), so they do not depend on the thread count. A
 * plasticity rule's values per synapse, and those of a synapse model's {@link SynapseModel#perSynapse}
 * parameters, are made when the projection is built ({@link SynapseParams}).
 */
final class ElementValues {

    private ElementValues() {
    }

    static void make(List<NetworkSpec.Population> populations, List<NetworkSpec.Input> inputs,
                     List<NetworkSpec.Projection> projections, long seed, String source, Problems problems) {
        Path baseDir = baseDir(source);
        Map<String, Integer> sizes = new HashMap<>();
        for (NetworkSpec.Population p : populations) {
            sizes.put(p.name(), p.size());
            make(p.neuron(), p.size(), p.name(), seed, baseDir, problems, Set.of());
        }
        for (NetworkSpec.Input in : inputs) {
            if (in.target() == null) {
                sizes.put(in.name(), in.size());
            }
        }
        for (NetworkSpec.Projection p : projections) {
            Integer post = sizes.get(p.post());
            Integer slots = p.alignPre() ? sizes.get(p.pre()) : post;
            if (p.syn() != null && slots != null) {
                Set<String> perSynapse = perSynapse(p.syn());
                make(p.syn(), slots, p.name() + ".syn", seed, baseDir, problems, perSynapse);
                load(p.syn(), baseDir, problems, perSynapse::contains);
            }
            if (p.out() != null && post != null) {
                make(p.out(), post, p.name() + ".out", seed, baseDir, problems, Set.of());
            }
            if (p.plasticity() != null) {
                load(p.plasticity(), baseDir, problems, name -> true);
            }
        }
    }

    /** @return the synapse model's parameters whose values are made per synapse, when the projection is built */
    static Set<String> perSynapse(ModelRef syn) {
        return syn.factory() instanceof SynapseModel m ? m.perSynapse(syn.params()) : Set.of();
    }

    /** Makes the values of the parameters given per element, but those in {@code later} (made per synapse). */
    private static void make(ModelRef model, int size, String owner, long seed, Path baseDir, Problems problems,
                             Set<String> later) {
        if (!(model.params() instanceof ParamValues values)) {
            return;
        }
        values.elementForms().forEach((name, form) -> {
            if (later.contains(name)) {
                return;
            }
            String path = model.path() + "." + name;
            float[] made = form.values(size, Seeds.derive(seed, owner + ".param." + name), baseDir, path, problems);
            ParamSpec spec = ParamChecker.find(model.factory().parameters(), name);
            if (made != null && ElementForm.check(spec, form, made, path, problems)) {
                values.made(name, made);
            }
        });
    }

    /**
     * Reads the files of a model's parameters given per synapse (those {@code perSynapse} accepts): their
     * values are made when the projection is built and its synapses are known ({@link SynapseParams}), but a
     * file is read, and blamed, with the config.
     */
    private static void load(ModelRef model, Path baseDir, Problems problems, Predicate<String> perSynapse) {
        if (!(model.params() instanceof ParamValues values)) {
            return;
        }
        values.elementForms().forEach((name, form) -> {
            if (perSynapse.test(name) && form instanceof ElementForm.FromFile f) {
                float[] all = f.values(-1, 0, baseDir, model.path() + "." + name, problems);
                if (all != null) {
                    values.loaded(name, new ElementForm.Loaded(f.text(), all));
                }
            }
        });
    }

    /** @return the folder of the config file, where a relative {@code .npy} name is looked up; null: the working folder */
    private static Path baseDir(String source) {
        try {
            Path p = Path.of(source);
            return Files.isRegularFile(p) ? p.toAbsolutePath().getParent() : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
