package io.spikeforge.core.equations;

import io.spikeforge.core.config.ConfigError;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.Params;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every kind of model written as equations shares: its name, description and parameters come
 * from the definition, and its kernels from one generated class.
 */
abstract class EquationFactory implements EquationDefined {

    final EquationModel model;
    final List<ParamSpec> parameters;
    private GeneratedClass generated;

    EquationFactory(EquationModel model) {
        this.model = model;
        this.parameters = ModelSpecs.parameters(model);
    }

    /** Sets the generated class, once the kind's kernels are written. */
    final void generated(GeneratedClass g) {
        this.generated = g;
    }

    @Override
    public final GeneratedClass generated() {
        return generated;
    }

    /** {@return the kind's word, for the default description} */
    abstract String kindWord();

    public final String name() {
        return model.def.name();
    }

    public final String description() {
        String d = model.def.field("description");
        return d != null ? d : kindWord() + " written as equations (" + model.def.path() + ")";
    }

    public final List<ParamSpec> parameters() {
        return parameters;
    }

    /** The variants in which some shared parameters are per-element variables, by those parameters. */
    private final Map<Set<String>, Object> variants = new ConcurrentHashMap<>();
    private volatile Set<String> perElement;

    /**
     * {@return the parameters that may take one value per element}: those the equations declare per
     * element already ({@code tau : second}, whose parameter is the default), and each shared one whose
     * model still checks with it declared per element (a variant, generated when a config varies it)
     */
    public final Set<String> perElement() {
        if (this instanceof EquationPlasticity rule) {
            // Traces per neuron: a variant with per-synapse variables would keep its state per synapse instead.
            return rule.perSynapse();
        }
        Set<String> p = perElement;
        if (p == null) {
            Set<String> out = new TreeSet<>();
            for (ParamSpec s : parameters) {
                if (model.elements.contains(s.name()) || variant(Set.of(s.name())) instanceof EquationFactory) {
                    out.add(s.name());
                }
            }
            perElement = p = Set.copyOf(out);
        }
        return p;
    }

    /**
     * {@return why the equations cannot take {@code parameter} per element, or null}: the first problem of
     * the variant that declares it per element
     */
    final String variantProblem(String parameter) {
        if (!model.parameters.containsKey(parameter) || model.elements.contains(parameter)) {
            return null;
        }
        return variant(Set.of(parameter)) instanceof String why ? why : null;
    }

    /**
     * {@return the model to build for {@code p}: this one when no shared parameter varies, else the variant
     * whose generated kernels read an array for each parameter that does}
     *
     * @throws IllegalArgumentException when the equations cannot take those parameters per element
     */
    final EquationFactory forParams(Params p) {
        Set<String> varying = new TreeSet<>();
        for (ParamSpec s : parameters) {
            if (p.varies(s.name()) && !model.elements.contains(s.name())) {
                varying.add(s.name());
            }
        }
        if (varying.isEmpty()) {
            return this;
        }
        Object v = variant(varying);
        if (v instanceof EquationFactory f) {
            return f;
        }
        throw new IllegalArgumentException("its equations cannot take " + String.join(", ", varying)
                + " per element: " + v);
    }

    /**
     * {@return the model with {@code names} declared per element ({@code name : unit} added to its
     * equations, the parameter its default), or why it is none}
     */
    private Object variant(Set<String> names) {
        return variants.computeIfAbsent(Set.copyOf(names), key -> {
            StringBuilder eqs = new StringBuilder(model.def.field("equations").stripTrailing());
            for (String n : new TreeSet<>(key)) {
                eqs.append('\n').append(n).append(" : ").append(unitText(model.parameters.get(n).dimension()));
            }
            Map<String, String> fields = new LinkedHashMap<>(model.def.fields());
            fields.put("equations", eqs.append('\n').toString());
            fields.put(EquationModel.VARIED, String.join(",", new TreeSet<>(key)));
            ModelDefinition def = new ModelDefinition(model.def.name(), model.def.kind(), fields,
                    model.def.parameters(), model.def.initial(), model.def.path());
            List<ConfigError> problems = new ArrayList<>();
            Object made = EquationModels.model(def, problems);
            return made instanceof EquationFactory f ? f : problems.isEmpty() ? "no model" : problems.get(0).message();
        });
    }

    /** The variants whose listed variables hold out their inputs while refractory ({@link EquationModel#HELD}). */
    private final Map<Set<String>, Object> heldVariants = new ConcurrentHashMap<>();

    /**
     * {@return this model with {@code names} listed as {@link EquationModel#HELD} (this model when it lists
     * them already), or null when the equations then do not check}
     */
    final EquationFactory holding(Set<String> names) {
        if (model.held.equals(names)) {
            return this;
        }
        Object v = heldVariants.computeIfAbsent(Set.copyOf(names), key -> {
            Map<String, String> fields = new LinkedHashMap<>(model.def.fields());
            fields.put(EquationModel.HELD, String.join(",", new TreeSet<>(key)));
            ModelDefinition def = new ModelDefinition(model.def.name(), model.def.kind(), fields,
                    model.def.parameters(), model.def.initial(), model.def.path());
            Object made = EquationModels.model(def, new ArrayList<>());
            return made instanceof EquationFactory f ? f : "no model";
        });
        return v instanceof EquationFactory f ? f : null;
    }

    /** {@return a dimension as a unit expression the equations read: {@code mV}, {@code metre**2*second**-1}} */
    private static String unitText(Dimension d) {
        String engine = Units.engineUnitText(d);
        return !engine.contains(" ") ? engine : d.siText().replace("^", "**").replace(" ", "*");
    }

    /**
     * {@return the values of the parameters that vary per element and that the equations declare per
     * element}, by name, for the arrays of those variables
     */
    final Map<String, float[]> elementValues(Params p) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (String e : model.elements) {
            if (p.varies(e)) {
                out.put(e, p.values(e));
            }
        }
        return out;
    }
}
