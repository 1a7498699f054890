package io.spikeforge.core.equations;

import io.spikeforge.core.config.ConfigError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code parameters} of a model: each value is a quantity ({@code 10 ms}, {@code -60*mV},
 * {@code 6 nS}), a number (no dimension), or an expression of other parameters
 * ({@code Vcut: VT + 5*DeltaT}), as a Brian2 namespace holds them. Each gets its dimension from its
 * value and is stored in the engine's unit of that dimension ({@code 6 nS} is 0.006 uS).
 */
final class ModelParameters {

    /**
     * A parameter.
     *
     * @param name      its name
     * @param value     its value in the engine's unit
     * @param dimension its dimension
     * @param text      the value as written
     */
    record Parameter(String name, double value, Dimension dimension, String text) {
    }

    /** {@code 10 ms}, {@code -0.5 mV/ms}: a number, blanks, and a unit expression. */
    private static final Pattern QUANTITY = Pattern.compile(
            "^\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s+([A-Za-z(][\\w*/()\\s.+-]*)$");

    private ModelParameters() {
    }

    /** {@return {@code text} as an expression: {@code 10 ms} reads as {@code 10 * (ms)}} */
    static Expr parse(String text) {
        Matcher q = QUANTITY.matcher(text);
        if (q.matches()) {
            return new Expr.Binary("*", Equations.parseAt(q.group(1), q.start(1)),
                    Equations.parseAt(q.group(2), q.start(2)), q.start(2));
        }
        return ExprParser.parse(text);
    }

    /**
     * {@return the parameters of {@code def}, in the order written}; those that refer to one another are
     * evaluated after what they refer to
     *
     * @param reserved names the equations declare, which a parameter may give a default for
     */
    static Map<String, Parameter> read(ModelDefinition def, Set<String> reserved, List<ConfigError> problems) {
        Map<String, Expr> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : def.parameters().entrySet()) {
            String path = def.at("parameters." + e.getKey());
            if (!e.getKey().matches("[A-Za-z_]\\w*")) {
                problems.add(new ConfigError(path, "a parameter's name is a letter or _ and then letters, digits or _,"
                        + " got '" + e.getKey() + "'"));
                continue;
            }
            try {
                parsed.put(e.getKey(), parse(e.getValue()));
            } catch (EquationSyntaxException x) {
                problems.add(new ConfigError(path, x.getMessage() + " in "
                        + EquationSyntaxException.caret(e.getValue(), x.position())));
            }
        }
        Map<String, Parameter> out = new LinkedHashMap<>();
        ModelScope scope = new ModelScope();
        List<String> pending = new ArrayList<>(parsed.keySet());
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (String name : List.copyOf(pending)) {
                Expr e = parsed.get(name);
                boolean ready = Algebra.names(e).stream().allMatch(n -> out.containsKey(n) || !parsed.containsKey(n)
                        || n.equals(name));
                if (!ready) {
                    continue;
                }
                pending.remove(name);
                progress = true;
                String path = def.at("parameters." + name);
                String text = def.parameters().get(name);
                Checker checker = new Checker(scope);
                Dimension d = checker.dimension(e);
                if (d == null) {
                    if (checker.problems().isEmpty()) {
                        continue;
                    }
                    ExprProblem p = checker.problems().get(0);
                    String message = p.message();
                    if (message.startsWith("unknown identifier")) {
                        String unknown = message.substring(message.indexOf('\'') + 1, message.indexOf('\'', 20));
                        java.util.Set<String> known = new java.util.TreeSet<>(Units.names());
                        known.addAll(parsed.keySet());
                        message = "'" + unknown + "' is neither a unit nor another parameter."
                                + io.spikeforge.core.config.Suggestions.didYouMeanExactCase(unknown, known);
                    }
                    problems.add(new ConfigError(path, message + " in " + EquationSyntaxException.caret(text,
                            p.position())));
                    scope.refuse(name);
                    continue;
                }
                double v;
                try {
                    v = Evaluator.value(e, n -> {
                        Parameter p = out.get(n);
                        if (p != null) {
                            return p.value();
                        }
                        Units.Unit u = Units.named(n);
                        return u == null ? null : Units.internal(u);
                    });
                } catch (IllegalArgumentException x) {
                    problems.add(new ConfigError(path, x.getMessage() + " in '" + text + "'"));
                    scope.refuse(name);
                    continue;
                }
                if (!Double.isFinite(v)) {
                    problems.add(new ConfigError(path, "'" + text + "' is " + v + "; a parameter must be finite"));
                    continue;
                }
                out.put(name, new Parameter(name, v, d, text));
                scope.add(name, new Symbol(Symbol.Kind.SHARED, d, v, null));
            }
        }
        for (String name : pending) {
            problems.add(new ConfigError(def.at("parameters." + name), "'" + name + ": " + def.parameters().get(name)
                    + "' is defined through itself, by way of " + String.join(", ", Algebra.names(parsed.get(name))
                    .stream().filter(pending::contains).toList()) + "; give one of them a value"));
        }
        return out;
    }
}
