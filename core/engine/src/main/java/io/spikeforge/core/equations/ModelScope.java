package io.spikeforge.core.equations;

import io.spikeforge.core.config.Suggestions;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The names a model's expressions may use: its variables, parameters and subexpressions, the
 * built-ins ({@code t}, {@code dt}, {@code i}, {@code N}, {@code xi}, ...), and every unit by name
 * ({@code mV} stands for one millivolt).
 */
final class ModelScope {

    private final Map<String, Symbol> symbols = new LinkedHashMap<>();
    private final Map<String, Expr> subexpressions = new LinkedHashMap<>();
    private final Map<String, String> subexpressionText = new LinkedHashMap<>();
    private final java.util.Set<String> refused = new java.util.HashSet<>();

    /** Brian2's default constants, which a model's own names hide. */
    private static final Map<String, Double> CONSTANTS = Map.of("pi", Math.PI, "e", Math.E, "inf",
            Double.POSITIVE_INFINITY);

    /** White noise, {@code xi} or {@code xi_name}: dimension second^-0.5. */
    static final Dimension NOISE = Units.named("second").dimension().power(-0.5);
    private boolean noise;

    /** Lets the expressions use white noise, {@code xi} and {@code xi_*}. */
    void allowNoise() {
        noise = true;
    }

    /** Marks a name whose definition was refused: its uses are not reported a second time. */
    void refuse(String name) {
        refused.add(name);
    }

    /** {@return whether {@code name}'s definition was refused} */
    boolean refused(String name) {
        return refused.contains(name);
    }

    /** Adds a name; a later one of the same name replaces it. */
    void add(String name, Symbol symbol) {
        symbols.put(name, symbol);
    }

    /** Adds a subexpression, with its expression and the line it came from. */
    void subexpression(String name, Dimension dimension, Expr expr, String line) {
        symbols.put(name, new Symbol(Symbol.Kind.SUBEXPRESSION, dimension, Double.NaN, null));
        subexpressions.put(name, expr);
        subexpressionText.put(name, line);
    }

    /** {@return what the name stands for: a declared name, else a unit, else null} */
    Symbol find(String name) {
        Symbol s = symbols.get(name);
        if (s != null) {
            return s;
        }
        if (noise && (name.equals("xi") || name.startsWith("xi_"))) {
            return new Symbol(Symbol.Kind.BUILTIN, NOISE, Double.NaN, null);
        }
        Double constant = CONSTANTS.get(name);
        if (constant != null) {
            return new Symbol(Symbol.Kind.CONSTANT, Dimension.ONE, constant, null);
        }
        Units.Unit u = Units.named(name);
        return u == null ? null : new Symbol(Symbol.Kind.CONSTANT, u.dimension(), Units.internal(u), null);
    }

    /** {@return the expression of a subexpression} */
    Expr subexpression(String name) {
        return subexpressions.get(name);
    }

    /** {@return the line of a subexpression, for messages} */
    String subexpressionLine(String name) {
        return subexpressionText.get(name);
    }

    /** {@return the declared names (not the units)} */
    Collection<String> names() {
        return symbols.keySet();
    }

    /** {@return the declared names of one kind} */
    java.util.List<String> names(Symbol.Kind kind) {
        return symbols.entrySet().stream().filter(e -> e.getValue().kind() == kind).map(Map.Entry::getKey).toList();
    }

    /** {@return " Did you mean 'x'?" for a misspelt name, from the declared names and the functions} */
    String didYouMean(String name, boolean function) {
        Collection<String> known = new TreeSet<>(function ? Functions.names() : symbols.keySet());
        return Suggestions.didYouMean(name, known);
    }
}
