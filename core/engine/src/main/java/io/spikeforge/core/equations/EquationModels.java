package io.spikeforge.core.equations;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.ConfigModels;
import io.spikeforge.core.config.Suggestions;
import io.spikeforge.core.plugin.PluginRegistry;
import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.ModelKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads models written as equations, from a config's {@code models} section or a pack's model
 * files, and makes each one a model of its kind ({@link EquationNeuron}, ...), registered as the
 * built-in and Java-pack models are.
 */
public final class EquationModels implements ConfigModels {

    @Override
    public Map<String, PluginRegistry.Entry> read(JsonNode section, String source, List<ConfigError> problems,
                                                  List<String> refused) {
        Map<String, PluginRegistry.Entry> out = new LinkedHashMap<>();
        if (!section.isArray()) {
            problems.add(new ConfigError("models", "expected a list of models, each a mapping with name, kind and"
                    + " equations"));
            return out;
        }
        for (int k = 0; k < section.size(); k++) {
            String path = "models[" + k + "]";
            ModelFactory f = model(section.get(k), path, problems);
            if (f instanceof EquationDefined e) {
                // The config's own models are almost always built: compile them while the rest is read.
                e.generated().prepare();
                out.put(path, new PluginRegistry.Entry(f, "config " + source));
            } else if (f != null) {
                out.put(path, new PluginRegistry.Entry(f, "config " + source));
            } else if (section.get(k).isObject() && section.get(k).path("name").isTextual()) {
                refused.add(section.get(k).get("name").textValue());
            }
        }
        return out;
    }

    /** Brian2's constants, which a parameter's expression per element may use besides i and N. */
    private static final Map<String, Double> ELEMENT_CONSTANTS = Map.of("pi", Math.PI, "e", Math.E);

    @Override
    public ElementFormula formula(String text, String path, String unit, List<ConfigError> problems) {
        String expected = "expected a number in " + unit + " or an expression of i (the element's index, from 0) and N"
                + " (the number of elements) in " + unit + ", got '" + text + "'";
        Expr e;
        try {
            e = ExprParser.parse(text);
        } catch (EquationSyntaxException x) {
            problems.add(new ConfigError(path, expected + ": " + x.getMessage() + " in "
                    + EquationSyntaxException.caret(text, x.position())));
            return null;
        }
        for (String n : Algebra.names(e)) {
            if (!n.equals("i") && !n.equals("N") && !ELEMENT_CONSTANTS.containsKey(n)) {
                problems.add(new ConfigError(path, expected + ": it may name i, N, pi and e, not '" + n + "'"
                        + (Units.named(n) != null ? " (write the value in " + unit + " without a unit)" : "")));
                return null;
            }
        }
        for (Expr.Call c : calls(e)) {
            if (c.function().equals("rand") || c.function().equals("randn")) {
                problems.add(new ConfigError(path, expected + ": draw random values with an initializer, {type: Uniform,"
                        + " min_val: ..., max_val: ...} or {type: Normal, mean: ..., scale: ...}, not " + c.function()
                        + "()"));
                return null;
            }
            Functions.Function known = Functions.ALL.get(c.function());
            if (known != null && known.arity() != c.args().size()) {
                problems.add(new ConfigError(path, expected + ": " + c.function() + "() takes " + known.arity()
                        + " argument" + (known.arity() == 1 ? "" : "s") + ", got " + c.args().size()));
                return null;
            }
        }
        ElementFormula f = (i, n) -> Evaluator.value(e, name -> switch (name) {
            case "i" -> (double) i;
            case "N" -> (double) n;
            default -> ELEMENT_CONSTANTS.get(name);
        });
        try {
            f.at(0, 1);
        } catch (IllegalArgumentException x) {
            // An unknown function: the evaluator names it.
            problems.add(new ConfigError(path, expected + ": " + x.getMessage().replace(" when the model is built", "")));
            return null;
        }
        return f;
    }

    /** {@return the calls in {@code e}, outermost first} */
    private static List<Expr.Call> calls(Expr e) {
        List<Expr.Call> out = new ArrayList<>();
        switch (e) {
            case Expr.Call c -> {
                out.add(c);
                c.args().forEach(a -> out.addAll(calls(a)));
            }
            case Expr.Unary u -> out.addAll(calls(u.operand()));
            case Expr.Binary b -> {
                out.addAll(calls(b.left()));
                out.addAll(calls(b.right()));
            }
            default -> {
            }
        }
        return out;
    }

    @Override
    public Delta onPre(String text, String path, List<io.spikeforge.spi.VariableSpec> post,
                       List<ConfigError> problems) {
        List<String> syntax = new ArrayList<>();
        List<Statements.Statement> statements = Statements.parse(text, syntax);
        syntax.forEach(s -> problems.add(new ConfigError(path, s)));
        if (!syntax.isEmpty()) {
            return null;
        }
        if (statements.size() != 1 || !statements.get(0).op().matches("[+-]=")) {
            problems.add(new ConfigError(path, "a projection's on_pre adds to one post variable: 'ge += w' (the comm's"
                    + " weights) or 'ge += 1.62*mV' (one weight for all), got '" + text.strip() + "'"));
            return null;
        }
        Statements.Statement s = statements.get(0);
        String target = s.target().endsWith("_post") ? s.target().substring(0, s.target().length() - 5) : s.target();
        io.spikeforge.spi.VariableSpec var = post.stream().filter(v -> v.name().equals(target)).findFirst().orElse(null);
        List<String> names = post.stream().map(io.spikeforge.spi.VariableSpec::name).toList();
        if (var == null) {
            problems.add(new ConfigError(path, "the post neurons have no variable '" + target + "' in '" + s.text()
                    + "'; they have " + String.join(", ", names) + "." + Suggestions.didYouMean(target, names)));
            return null;
        }
        boolean minus = s.op().equals("-=");
        if (s.expr() instanceof Expr.Name n && n.name().equals("w")) {
            if (minus) {
                problems.add(new ConfigError(path, "write 'ge += w' with negative weights rather than '-= w'"));
                return null;
            }
            return new Delta(target, null);
        }
        ModelScope units = new ModelScope();
        Checker c = new Checker(units);
        Dimension d = c.dimension(s.expr());
        if (d == null) {
            ExprProblem p = c.problems().get(0);
            problems.add(new ConfigError(path, p.message() + " in " + EquationSyntaxException.caret(s.text(),
                    p.position()) + "; the weight is 'w' (the comm's) or a quantity such as 1.62*mV"));
            return null;
        }
        Units.Unit unit = unitOf(var.unit());
        if (unit != null && !unit.dimension().equals(d)) {
            problems.add(new ConfigError(path, "'" + target + "' is " + unit.dimension() + " (" + var.unit()
                    + ") but the weight is " + d + " in '" + s.text() + "'"));
            return null;
        }
        double v = Evaluator.value(s.expr(), n -> {
            Units.Unit u = Units.named(n);
            return u == null ? null : Units.internal(u);
        });
        return new Delta(target, minus ? -v : v);
    }

    @Override
    public ModelFactory bind(ModelFactory rule, List<io.spikeforge.spi.VariableSpec> pre,
                             List<io.spikeforge.spi.VariableSpec> post, String path, List<ConfigError> problems) {
        ModelDefinition def = rule instanceof OpenRule o ? o.model.def
                : rule instanceof EquationFactory f && f.model.def.kind() == ModelKind.PLASTICITY ? f.model.def : null;
        if (def == null) {
            return rule;
        }
        Set<String> own = new LinkedHashSet<>(rule instanceof OpenRule o ? o.model.dimensions.keySet()
                : ((EquationFactory) rule).model.dimensions.keySet());
        own.addAll(def.parameters().keySet());
        boolean meets = post.stream().anyMatch(v -> own.contains(v.name()))
                || pre.stream().anyMatch(v -> own.contains(v.name()));
        if (!(rule instanceof OpenRule) && !meets) {
            return rule;
        }
        StringBuilder text = new StringBuilder();
        pre.forEach(v -> text.append("pre ").append(v.name()).append(' ').append(v.unit()).append('\n'));
        post.forEach(v -> text.append("post ").append(v.name()).append(' ').append(v.unit()).append('\n'));
        Object made = BOUND.computeIfAbsent(def, d -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(text.toString(), t -> {
                    Map<String, String> fields = new LinkedHashMap<>(def.fields());
                    fields.put(EquationModel.NEURONS, t);
                    List<ConfigError> found = new ArrayList<>();
                    ModelFactory f = model(new ModelDefinition(def.name(), def.kind(), fields, def.parameters(),
                            def.initial(), def.path()), found);
                    return f != null ? f : List.copyOf(found);
                });
        if (made instanceof ModelFactory f) {
            return f;
        }
        @SuppressWarnings("unchecked")
        List<ConfigError> found = (List<ConfigError>) made;
        for (ConfigError e : found) {
            ConfigError bound = new ConfigError(e.path(), e.message() + " (the rule as " + path + " binds it)");
            if (!problems.contains(bound)) {
                problems.add(bound);
            }
        }
        return null;
    }

    /** A plasticity rule's variants bound to neurons, by the neurons' variables: each is checked and compiled once. */
    private static final Map<ModelDefinition, Map<String, Object>> BOUND =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** {@return the unit of a variable as the engine names it ({@code mV}, {@code 1}), or null} */
    private static Units.Unit unitOf(String text) {
        if (text == null || text.equals("1")) {
            return new Units.Unit(1, Dimension.ONE);
        }
        return Units.named(text);
    }

    /**
     * Loads the JDK compiler's classes by compiling one empty class, for the launcher's training of the
     * JVM's ahead-of-time cache: a model then compiles cold in about half the time. Only the classes
     * are wanted; a real model's compile would also make the compiler's methods hot in the training's
     * profiles, and every later start would spend its optimizing compiler on them before the
     * network's kernels (BENCHMARKS.md).
     */
    public static void loadTheCompiler() {
        ModelCompiler.loadTheCompiler();
    }

    /**
     * {@return the model written at {@code path}, or null after reporting its problems}
     *
     * @param node the model's mapping
     */
    public static ModelFactory model(JsonNode node, String path, List<ConfigError> problems) {
        ModelDefinition def = definition(node, path, problems);
        return def == null ? null : model(def, problems);
    }

    /**
     * {@return {@code model}, or for a neuron written as equations the variant whose variables among
     * {@code targets} marked {@code (unless refractory)} take no input from synapses while refractory, as in
     * Brian2 ({@link EquationNeuron#holdingInputs})}
     *
     * @param targets the post variables that the network's synapses write to ({@code on_pre: v += w})
     */
    public static io.spikeforge.spi.NeuronModel holdingInputs(io.spikeforge.spi.NeuronModel model, Set<String> targets) {
        return model instanceof EquationNeuron n && !targets.isEmpty() ? n.holdingInputs(targets) : model;
    }

    /** {@return the model of a definition, or null after reporting its problems} */
    public static ModelFactory model(ModelDefinition def, List<ConfigError> problems) {
        EquationModel m = EquationModel.check(def, problems);
        if (m == null) {
            return null;
        }
        if (!m.deferred.isEmpty()) {
            return new OpenRule(m);
        }
        try {
            return switch (def.kind()) {
                case NEURON -> {
                    NeuronPlan plan = NeuronPlan.of(m);
                    yield plan == null ? null : new EquationNeuron(plan);
                }
                case SYNAPSE -> EquationSynapse.of(m);
                case OUTPUT -> EquationOutput.of(m);
                case PLASTICITY -> EquationPlasticity.of(m);
                default -> throw new IllegalStateException("no equations for " + def.kind());
            };
        } catch (IllegalStateException e) {
            problems.add(new ConfigError(def.path(), e.getMessage()));
            return null;
        }
    }

    /** {@return the definition a model mapping gives, or null after reporting its problems} */
    public static ModelDefinition definition(JsonNode node, String path, List<ConfigError> problems) {
        if (node == null || !node.isObject()) {
            problems.add(new ConfigError(path, "a model is a mapping with name, kind, equations and parameters"));
            return null;
        }
        int before = problems.size();
        String name = text(node, "name", path, problems);
        if (name != null && !name.matches("[A-Za-z_][\\w.-]*")) {
            problems.add(new ConfigError(path + ".name", "a model's name starts with a letter or _ and holds letters,"
                    + " digits, _, . and -; got '" + name + "'"));
        }
        String kindText = text(node, "kind", path, problems);
        ModelKind kind = null;
        if (kindText != null) {
            for (ModelKind k : ModelDefinition.KINDS) {
                if (k.word().equals(kindText)) {
                    kind = k;
                }
            }
            if (kind == null) {
                List<String> words = ModelDefinition.KINDS.stream().map(ModelKind::word).toList();
                problems.add(new ConfigError(path + ".kind", "'" + kindText + "' is no kind of model that equations"
                        + " define; kinds: " + String.join(", ", words) + "." + Suggestions.didYouMean(kindText, words)));
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Set<String> allowed = new LinkedHashSet<>(ModelDefinition.STRUCTURE);
        if (kind != null) {
            allowed.addAll(ModelDefinition.FIELDS.get(kind));
        }
        var it = node.fields();
        while (it.hasNext()) {
            var e = it.next();
            String key = e.getKey();
            if (ModelDefinition.STRUCTURE.contains(key)) {
                continue;
            }
            if (kind != null && !allowed.contains(key)) {
                problems.add(new ConfigError(path + "." + key, "unknown key for a " + kind.word() + " model."
                        + Suggestions.didYouMean(key, allowed) + " Keys: " + String.join(", ", allowed)));
                continue;
            }
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                problems.add(new ConfigError(path + "." + key, "expected text, got " + shape(e.getValue())));
                continue;
            }
            fields.put(key, e.getValue().asText());
        }
        Map<String, String> parameters = scalars(node.get("parameters"), path + ".parameters", problems);
        Map<String, String> initial = scalars(node.get("initial"), path + ".initial", problems);
        if (problems.size() != before || name == null || kind == null) {
            return null;
        }
        return new ModelDefinition(name, kind, fields, parameters, initial, path);
    }

    private static Map<String, String> scalars(JsonNode node, String path, List<ConfigError> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!node.isObject()) {
            problems.add(new ConfigError(path, "expected a mapping of names to values ('tau: 10 ms'), got "
                    + shape(node)));
            return out;
        }
        var it = node.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull() || e.getValue().isBoolean()) {
                problems.add(new ConfigError(path + "." + e.getKey(), "expected a value such as 10 ms, -60*mV or 0.5,"
                        + " got " + shape(e.getValue())));
                continue;
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static String text(JsonNode node, String key, String path, List<ConfigError> problems) {
        JsonNode v = node.get(key);
        if (v == null) {
            problems.add(new ConfigError(path + "." + key, "missing; a model needs its " + key));
            return null;
        }
        if (!v.isTextual()) {
            problems.add(new ConfigError(path + "." + key, "expected text, got " + shape(v)));
            return null;
        }
        return v.textValue();
    }

    private static String shape(JsonNode n) {
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isArray()) {
            return "a list";
        }
        return n.isNull() ? "null" : "'" + n.asText() + "'";
    }
}
