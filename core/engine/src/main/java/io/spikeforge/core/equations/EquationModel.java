package io.spikeforge.core.equations;

import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.Suggestions;
import io.spikeforge.spi.ModelKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model definition, checked: every line parsed, every name known, every dimension consistent, and
 * the subexpressions inlined, so that the code generators see plain expressions of variables,
 * parameters, units and built-ins. Problems are reported with the config path of the field they are
 * in, and the check goes on past them, so that a config's problems are all reported at once.
 */
final class EquationModel {

    /** Time, as {@code t}, {@code dt} and {@code lastspike} have it. */
    static final Dimension TIME = Units.named("second").dimension();
    static final Dimension VOLTAGE = Units.named("volt").dimension();
    static final Dimension CURRENT = Units.named("amp").dimension();

    final ModelDefinition def;
    final ModelScope scope = new ModelScope();
    /** The variables with a differential equation, in order, and their right-hand sides, subexpressions inlined. */
    final Map<String, Expr> derivatives = new LinkedHashMap<>();
    /** Variables without an equation: one value per element (per-neuron parameters, inputs, weights). */
    final List<String> elements = new ArrayList<>();
    final Map<String, Dimension> dimensions = new LinkedHashMap<>();
    /**
     * A plasticity rule's declarations of the neurons' variables it reads ({@code v_post : volt}): Brian2's
     * {@code _pre} and {@code _post} names, with the dimension the rule expects, bound when it is built.
     */
    final Map<String, Dimension> sides = new LinkedHashMap<>();
    final Map<String, Set<String>> flags = new LinkedHashMap<>();
    /** The model's parameters, shared by all elements unless the equations declare them per element. */
    final Map<String, ModelParameters.Parameter> parameters;
    /** Each subexpression, inlined, by name. */
    final Map<String, Expr> subexpressions = new LinkedHashMap<>();
    final Map<String, Expr> initial = new LinkedHashMap<>();
    /**
     * The shared parameters that a variant of the model declares per element ({@link EquationFactory}),
     * one value per element from the config; nothing assigns them, so whatever is made of them and of
     * parameters alone (a propagator, a refractory period) is computed per element when the model is built.
     */
    final Set<String> varied;
    /**
     * A plasticity rule's names that are none of its own and that its neurons may have ({@code ge}, as
     * Brian2's {@code on_pre='ge += w'} writes the post neurons' {@code ge}): without the neurons' variables
     * (a rule read before a projection binds it) they are left for {@link #NEURONS} to resolve.
     */
    final Set<String> deferred = new LinkedHashSet<>();
    /** A bound rule's names of its neurons' variables ({@code ge}, {@code ge_post}, {@code v_pre}), all of them. */
    final Set<String> neuronNames = new LinkedHashSet<>();
    private final List<ConfigError> problems;
    private final Set<String> builtins = new HashSet<>();

    private EquationModel(ModelDefinition def, List<ConfigError> problems) {
        this.def = def;
        this.problems = problems;
        this.parameters = new LinkedHashMap<>();
        String v = def.field(VARIED);
        this.varied = v == null || v.isBlank() ? Set.of() : Set.of(v.split(","));
        String h = def.field(HELD);
        this.held = h == null || h.isBlank() ? Set.of() : Set.of(h.split(","));
    }

    /**
     * The field of a neuron's variant whose listed variables (comma-separated) a synapse's on_pre writes to
     * from outside the update: while the neuron is refractory such a variable marked {@code (unless
     * refractory)} takes no input, as Brian2 makes every write to it conditional on {@code not_refractory}
     * (its refractoriness makes the variable read-only); no config sets it.
     */
    static final String HELD = "held inputs";
    /** The variables of {@link #HELD}. */
    final Set<String> held;

    /** The field of a variant's definition that names its varied parameters, comma-separated; no config sets it. */
    static final String VARIED = "per element";

    /**
     * The field of a plasticity rule's variant bound to a projection's neurons: one line per neuron
     * variable, {@code pre v mV} or {@code post ge 1}; no config sets it.
     */
    static final String NEURONS = "neuron variables";

    /**
     * {@return the checked model, or null when it has a problem} (each is added to {@code problems})
     */
    static EquationModel check(ModelDefinition def, List<ConfigError> problems) {
        EquationModel m = new EquationModel(def, problems);
        int before = problems.size();
        m.read();
        return problems.size() == before ? m : null;
    }

    void problem(String key, String message) {
        problems.add(new ConfigError(def.at(key), message));
    }

    /** {@return how many problems are reported so far}, for {@link #withdrawProblems} */
    int problemCount() {
        return problems.size();
    }

    /** Takes back the problems reported since {@code mark}: a form was tried and another one will do. */
    void withdrawProblems(int mark) {
        problems.subList(mark, problems.size()).clear();
    }

    private void read() {
        builtin("t", TIME);
        builtin("dt", TIME);
        builtin("i", Dimension.ONE);
        builtin("N", Dimension.ONE);
        if (def.kind() == ModelKind.PLASTICITY) {
            builtin("lastupdate", TIME);
        }
        if (def.kind() == ModelKind.NEURON) {
            builtin("lastspike", TIME);
            builtin("not_refractory", Dimension.ONE);
        }
        String text = def.field("equations");
        if (text == null || text.isBlank()) {
            problem("equations", "a model needs its equations, one per line, in Brian2's notation: 'dv/dt = (El - v)"
                    + " / tau : volt', 'I_syn = g * (E - v) : amp', 'w : 1'");
            return;
        }
        List<String> syntax = new ArrayList<>();
        Equations eqs = Equations.parse(text, syntax);
        syntax.forEach(s -> problem("equations", s));
        Set<String> declared = new LinkedHashSet<>();
        for (Equations.Line line : eqs.lines()) {
            if (!declared.add(line.variable())) {
                problem("equations", "line " + line.number() + ": '" + line.variable() + "' is declared twice in '"
                        + line.text().strip() + "'");
            }
            if (builtins.contains(line.variable())) {
                problem("equations", "line " + line.number() + ": '" + line.variable() + "' is a built-in name ("
                        + String.join(", ", new java.util.TreeSet<>(builtins)) + "); choose another in '"
                        + line.text().strip() + "'");
            }
        }
        scope.allowNoise();
        parameters.putAll(ModelParameters.read(def, declared, problems));
        def.parameters().keySet().stream().filter(p -> !parameters.containsKey(p)).forEach(scope::refuse);
        parameters.values().stream().filter(p -> !declared.contains(p.name())).forEach(p ->
                scope.add(p.name(), new Symbol(Symbol.Kind.SHARED, p.dimension(), p.value(), null)));
        if (def.kind() == ModelKind.PLASTICITY) {
            neurons(eqs, declared);
        }
        for (Equations.Line line : eqs.lines()) {
            Dimension d = unit(line.unit(), "equations", "line " + line.number() + ": ");
            if (d == null) {
                continue;
            }
            dimensions.put(line.variable(), d);
            flags.put(line.variable(), line.flags());
            ModelParameters.Parameter p = parameters.get(line.variable());
            switch (line.kind()) {
                case DIFFERENTIAL -> scope.add(line.variable(), new Symbol(Symbol.Kind.STATE, d, Double.NaN, null));
                case PARAMETER -> {
                    scope.add(line.variable(), new Symbol(Symbol.Kind.ELEMENT, d, Double.NaN, null));
                    if (def.kind() == ModelKind.PLASTICITY && line.variable().matches(".+_(pre|post)")) {
                        sides.put(line.variable(), d);
                    } else {
                        elements.add(line.variable());
                    }
                }
                case SUBEXPRESSION -> scope.subexpression(line.variable(), d, line.expr(), line.text());
            }
            if (p != null && line.kind() != Equations.Kind.PARAMETER) {
                problem("parameters." + p.name(), "'" + p.name() + "' has an equation, so it is no parameter; give its"
                        + " value at the start under initial");
            } else if (p != null && !p.dimension().equals(d)) {
                problem("parameters." + p.name(), "'" + p.text() + "' is " + p.dimension() + " but the equations"
                        + " declare '" + p.name() + " : " + line.unit() + "', " + d);
            }
        }
        for (Equations.Line line : eqs.lines()) {
            if (line.expr() == null || !dimensions.containsKey(line.variable())) {
                continue;
            }
            Dimension want = line.kind() == Equations.Kind.DIFFERENTIAL
                    ? dimensions.get(line.variable()).over(TIME) : dimensions.get(line.variable());
            Dimension got = dimension(line.expr(), "equations", "line " + line.number() + ": ", line.text().strip(),
                    leading(line.text()));
            if (got != null && !got.equals(want)) {
                problem("equations", "line " + line.number() + ": the right-hand side is " + got + " but "
                        + (line.kind() == Equations.Kind.DIFFERENTIAL ? "d" + line.variable() + "/dt" : line.variable())
                        + " is " + want + ", from ': " + line.unit() + "'" + (line.kind() == Equations.Kind.DIFFERENTIAL
                        ? " per time" : "") + ", in '" + line.text().strip() + "'");
            }
        }
        for (Equations.Line line : eqs.lines()) {
            if (line.kind() == Equations.Kind.SUBEXPRESSION) {
                Expr e = inline(line.expr(), new LinkedHashSet<>(List.of(line.variable())), line);
                if (e != null) {
                    subexpressions.put(line.variable(), e);
                }
            }
        }
        for (Equations.Line line : eqs.lines()) {
            if (line.kind() == Equations.Kind.DIFFERENTIAL) {
                Expr e = inline(line.expr(), new LinkedHashSet<>(), line);
                if (e != null) {
                    derivatives.put(line.variable(), e);
                }
            }
        }
        for (Map.Entry<String, String> e : def.initial().entrySet()) {
            String key = "initial." + e.getKey();
            if (!derivatives.containsKey(e.getKey()) && !elements.contains(e.getKey())) {
                problem(key, "'" + e.getKey() + "' is no variable of the equations." + Suggestions.didYouMean(e.getKey(),
                        dimensions.keySet()));
                continue;
            }
            Expr x = expression(e.getValue(), key, dimensions.get(e.getKey()));
            if (x != null) {
                initial.put(e.getKey(), x);
            }
        }
    }

    /**
     * Binds a plasticity rule's names to its neurons' variables as Brian2's {@code Synapses} does: {@code
     * x_pre} and {@code x_post} name the pre and post neurons' {@code x} (no declaration needed), and a
     * name that is none of the rule's own variables names the post neurons' variable of that name, ahead
     * of the rule's parameters and the units (Brian2's internal variables hide its namespace). A rule
     * variable named as a neuron variable is refused, with Brian2's message. Without the neurons'
     * variables ({@link #NEURONS}: the rule is read before a projection binds it), the names that are not
     * the rule's own are {@link #deferred}.
     */
    private void neurons(Equations eqs, Set<String> declared) {
        Set<String> assigned = new LinkedHashSet<>();
        Set<String> mentioned = mentioned(eqs, assigned);
        String bound = def.field(NEURONS);
        if (bound == null) {
            for (String n : mentioned) {
                if (!declared.contains(n) && scope.find(n) == null && !Functions.ALL.containsKey(n)) {
                    deferred.add(n);
                    scope.refuse(n);
                }
            }
            // A parameter or unit assigned can only be a neuron variable that hides it.
            assigned.stream().filter(n -> !declared.contains(n) && !builtins.contains(n)).forEach(deferred::add);
            return;
        }
        Map<String, Dimension> pre = new LinkedHashMap<>();
        Map<String, Dimension> post = new LinkedHashMap<>();
        for (String line : bound.split("\n")) {
            String[] f = line.split(" ", 3);
            if (f.length == 3) {
                (f[0].equals("pre") ? pre : post).put(f[1], Units.dimensionOf(f[2]));
            }
        }
        for (Equations.Line line : eqs.lines()) {
            String x = line.variable();
            if (line.flags().contains("summed")) {
                continue;
            }
            for (String side : List.of("pre", "post")) {
                if ((side.equals("pre") ? pre : post).containsKey(x)) {
                    problem("equations", "line " + line.number() + ": the " + side + "-synaptic variable '" + x
                            + "' has the same name as a synaptic variable; rename the synaptic variable (for example"
                            + " to '" + x + "_syn') to avoid confusion, as Brian2 asks, in '" + line.text().strip() + "'");
                }
            }
        }
        Map<String, Dimension> names = new LinkedHashMap<>();
        pre.forEach((x, d) -> names.put(x + "_pre", d));
        post.forEach((x, d) -> names.put(x + "_post", d));
        post.forEach((x, d) -> {
            if (!x.endsWith("_pre") && !x.endsWith("_post") && !builtins.contains(x)) {
                names.put(x, d);
            }
        });
        names.forEach((x, d) -> {
            if (d != null && !declared.contains(x)) {
                neuronNames.add(x);
                scope.add(x, new Symbol(Symbol.Kind.ELEMENT, d, Double.NaN, null));
                if (mentioned.contains(x)) {
                    sides.put(x, d);
                    dimensions.put(x, d);
                }
            }
        });
    }

    /** {@return every name the equations and the rule's statements mention, assigned or read} */
    private Set<String> mentioned(Equations eqs, Set<String> assigned) {
        Set<String> out = new LinkedHashSet<>();
        for (Equations.Line line : eqs.lines()) {
            if (line.expr() != null) {
                out.addAll(Algebra.names(line.expr()));
            }
        }
        for (String key : List.of("on_pre", "on_post")) {
            String text = def.field(key);
            if (text != null) {
                for (Statements.Statement s : Statements.parse(text, new ArrayList<>())) {
                    out.add(s.target());
                    assigned.add(s.target());
                    out.addAll(Algebra.names(s.expr()));
                }
            }
        }
        return out;
    }

    private void builtin(String name, Dimension d) {
        builtins.add(name);
        scope.add(name, new Symbol(Symbol.Kind.BUILTIN, d, Double.NaN, null));
    }

    private static int leading(String s) {
        int k = 0;
        while (k < s.length() && Character.isWhitespace(s.charAt(k))) {
            k++;
        }
        return k;
    }

    /** Replaces every subexpression by its expression, recursively; a subexpression defined through itself is refused. */
    private Expr inline(Expr e, Set<String> open, Equations.Line line) {
        boolean[] bad = {false};
        Expr out = Algebra.substitute(e, name -> {
            Expr sub = scope.subexpression(name);
            if (sub == null || bad[0]) {
                return null;
            }
            if (!open.add(name)) {
                problem("equations", "line " + line.number() + ": the subexpression '" + name + "' is defined through"
                        + " itself (" + String.join(" -> ", open) + " -> " + name + ") in '" + line.text().strip() + "'");
                bad[0] = true;
                return null;
            }
            Expr inner = inline(sub, open, line);
            open.remove(name);
            if (inner == null) {
                bad[0] = true;
                return null;
            }
            return inner;
        });
        return bad[0] ? null : out;
    }

    /** {@return the dimension of a unit as written after ':' ({@code volt}, {@code mV/ms}, {@code 1}), or null} */
    Dimension unit(String text, String key, String where) {
        Expr e;
        try {
            e = ExprParser.parse(text);
        } catch (EquationSyntaxException x) {
            problem(key, where + "the unit '" + text + "' does not parse: " + x.getMessage());
            return null;
        }
        List<String> unknown = new ArrayList<>();
        for (String n : Algebra.names(e)) {
            if (Units.named(n) == null) {
                unknown.add(n);
            }
        }
        if (!unknown.isEmpty()) {
            String u = unknown.get(0);
            problem(key, where + "unknown unit '" + u + "' in ': " + text + "'." + Suggestions.didYouMeanExactCase(u, Units.names())
                    + " Units are SI (volt, amp, siemens, ohm, farad, second, hertz, metre, mole, molar) with a prefix"
                    + " (mV, nS, pF, Mohm, umetre, ...), or 1");
            return null;
        }
        ModelScope units = new ModelScope();
        Checker c = new Checker(units);
        Dimension d = c.dimension(e);
        if (d == null) {
            problem(key, where + c.problems().get(0).message() + " in the unit '" + text + "'");
        }
        return d;
    }

    /**
     * {@return the dimension of an expression, or null after reporting why there is none}
     *
     * @param offset where the expression's text starts within {@code text}, for the column
     */
    Dimension dimension(Expr e, String key, String where, String text, int offset) {
        Checker c = new Checker(scope);
        Dimension d = c.dimension(e);
        for (ExprProblem p : c.problems()) {
            problem(key, where + p.message() + " in " + EquationSyntaxException.caret(text, p.position() - offset));
        }
        return c.problems().isEmpty() ? d : null;
    }

    /**
     * Parses and checks a field holding one expression, of the dimension {@code want} (null: any).
     *
     * @return the expression, subexpressions inlined, or null after reporting a problem
     */
    Expr expression(String text, String key, Dimension want) {
        Expr e;
        try {
            e = ModelParameters.parse(text);
        } catch (EquationSyntaxException x) {
            problem(key, x.getMessage() + " in " + EquationSyntaxException.caret(text, x.position()));
            return null;
        }
        Dimension d = dimension(e, key, "", text, 0);
        if (d == null) {
            return null;
        }
        if (want != null && !d.equals(want)) {
            problem(key, "'" + text + "' is " + d + ", expected " + want);
            return null;
        }
        return inline(e, new LinkedHashSet<>(), new Equations.Line(Equations.Kind.SUBEXPRESSION, key, e, "1", Set.of(),
                text, 0, 1));
    }

    /**
     * Parses and checks statements ({@code reset}, {@code on_pre}, {@code on_post}): each assigns a
     * variable in {@code assignable} a value of its dimension.
     *
     * @return the statements with their values inlined; those with a problem are reported and left out
     */
    List<Statements.Statement> statements(String text, String key, Set<String> assignable) {
        List<String> syntax = new ArrayList<>();
        List<Statements.Statement> parsed = Statements.parse(text, syntax);
        syntax.forEach(s -> problem(key, s));
        List<Statements.Statement> out = new ArrayList<>();
        for (Statements.Statement s : parsed) {
            if (deferred.contains(s.target())) {
                continue;
            }
            if (!assignable.contains(s.target())) {
                String what = scope.find(s.target()) == null ? "the model has no variable '" + s.target() + "'"
                        : "'" + s.target() + "' cannot be assigned here";
                List<String> own = assignable.stream().filter(x -> !neuronNames.contains(x)).toList();
                List<String> post = neuronNames.stream().filter(x -> !x.endsWith("_pre") && !x.endsWith("_post"))
                        .toList();
                String neurons = neuronNames.isEmpty() ? "" : (own.isEmpty() ? "" : ", or ") + "the neurons' "
                        + (post.isEmpty() ? "variables" : String.join(", ", post)) + " (x or x_post: the post neurons'"
                        + " x; x_pre: the pre neurons')";
                problem(key, what + " in " + EquationSyntaxException.caret(s.text(), 0) + "; it may assign "
                        + (assignable.isEmpty() ? "nothing" : String.join(", ", own) + neurons) + "."
                        + Suggestions.didYouMean(s.target(), assignable));
                continue;
            }
            Dimension d = dimension(s.value(), key, "", s.text(), 0);
            Dimension want = dimensions.get(s.target());
            if (d == null) {
                continue;
            }
            if (!d.equals(want) && !(s.op().equals("*=") || s.op().equals("/=")) && !Checker.isZero(s.expr())) {
                problem(key, "'" + s.target() + "' is " + want + " but the value is " + d + " in "
                        + EquationSyntaxException.caret(s.text(), s.expr().at()));
                continue;
            }
            if ((s.op().equals("*=") || s.op().equals("/=")) && dimension(s.expr(), key, "", s.text(), 0) != null
                    && !dimension(s.expr(), key, "", s.text(), 0).dimensionless()) {
                problem(key, "'" + s.op() + "' needs a value without a dimension in " + EquationSyntaxException.caret(
                        s.text(), s.expr().at()));
                continue;
            }
            Expr value = inline(s.expr(), new LinkedHashSet<>(), new Equations.Line(Equations.Kind.SUBEXPRESSION,
                    s.target(), s.expr(), "1", Set.of(), s.text(), 0, 1));
            if (value != null) {
                out.add(new Statements.Statement(s.target(), s.op(), value, s.text()));
            }
        }
        return out;
    }

    /** {@return whether {@code variable} carries the flag} */
    boolean flagged(String variable, String flag) {
        return flags.getOrDefault(variable, Set.of()).contains(flag);
    }

    /** {@return the value of every shared parameter and unit, for evaluation when the model is built} */
    Double constant(String name, Map<String, Double> values) {
        Double v = values.get(name);
        if (v != null) {
            return v;
        }
        Symbol s = scope.find(name);
        return s != null && s.kind() == Symbol.Kind.CONSTANT ? s.value() : null;
    }

    /** {@return whether e is made of numbers, units, shared parameters and dt alone: known when the model is built} */
    boolean isConstant(Expr e) {
        for (String n : Algebra.names(e)) {
            Symbol s = scope.find(n);
            if (s == null || !(s.kind() == Symbol.Kind.SHARED || s.kind() == Symbol.Kind.CONSTANT || n.equals("dt"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return whether e is known per element when the model is built}: made of numbers, units, shared
     * parameters, dt and the parameters a variant declares per element
     */
    boolean isConstantPerElement(Expr e) {
        for (String n : Algebra.names(e)) {
            Symbol s = scope.find(n);
            boolean known = s != null && (s.kind() == Symbol.Kind.SHARED || s.kind() == Symbol.Kind.CONSTANT
                    || n.equals("dt") || s.kind() == Symbol.Kind.ELEMENT && varied.contains(n));
            if (!known) {
                return false;
            }
        }
        return true;
    }

    /** {@return the names of the shared parameters, in order} */
    List<String> shared() {
        return scope.names(Symbol.Kind.SHARED);
    }
}
