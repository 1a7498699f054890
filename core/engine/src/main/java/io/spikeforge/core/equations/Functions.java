package io.spikeforge.core.equations;

import java.util.List;
import java.util.Map;

/**
 * The functions a model's expressions may call, as Brian2 names them, with what each asks of its
 * arguments' dimensions and how generated code computes it (in float, through double where the JDK's
 * {@code Math} is).
 */
final class Functions {

    /**
     * A function.
     *
     * @param arity     how many arguments, or -1 for any
     * @param rule      what dimensions it takes and gives
     * @param java      the Java text, with {@code $0}, {@code $1} ... for the arguments
     */
    record Function(int arity, Rule rule, String java) {
    }

    /** What a function does with dimensions. */
    enum Rule {
        /** Takes a pure number, gives a pure number ({@code exp}). */
        DIMENSIONLESS,
        /** Gives its argument's dimension ({@code abs}). */
        SAME,
        /** All arguments share one dimension, which it gives ({@code clip}). */
        ALL_SAME,
        /** Gives the square root of its argument's dimension. */
        SQRT,
        /** Takes nothing, gives a pure number ({@code rand}). */
        RANDOM
    }

    static final Map<String, Function> ALL = Map.ofEntries(
            Map.entry("exp", new Function(1, Rule.DIMENSIONLESS, "(float) Math.exp($0)")),
            Map.entry("log", new Function(1, Rule.DIMENSIONLESS, "(float) Math.log($0)")),
            Map.entry("log10", new Function(1, Rule.DIMENSIONLESS, "(float) Math.log10($0)")),
            Map.entry("sqrt", new Function(1, Rule.SQRT, "(float) Math.sqrt($0)")),
            Map.entry("abs", new Function(1, Rule.SAME, "Math.abs($0)")),
            Map.entry("sin", new Function(1, Rule.DIMENSIONLESS, "(float) Math.sin($0)")),
            Map.entry("cos", new Function(1, Rule.DIMENSIONLESS, "(float) Math.cos($0)")),
            Map.entry("tan", new Function(1, Rule.DIMENSIONLESS, "(float) Math.tan($0)")),
            Map.entry("tanh", new Function(1, Rule.DIMENSIONLESS, "(float) Math.tanh($0)")),
            // Written with exp (EquationMath): TornadoVM compiles neither the JDK's cosh nor its sinh.
            Map.entry("sinh", new Function(1, Rule.DIMENSIONLESS, "EquationMath.sinh($0)")),
            Map.entry("cosh", new Function(1, Rule.DIMENSIONLESS, "EquationMath.cosh($0)")),
            Map.entry("arctan", new Function(1, Rule.DIMENSIONLESS, "(float) Math.atan($0)")),
            Map.entry("floor", new Function(1, Rule.SAME, "(float) Math.floor($0)")),
            Map.entry("ceil", new Function(1, Rule.SAME, "(float) Math.ceil($0)")),
            Map.entry("sign", new Function(1, Rule.SAME, "Math.signum($0)")),
            Map.entry("clip", new Function(3, Rule.ALL_SAME, "Math.min(Math.max($0, $1), $2)")),
            Map.entry("exprel", new Function(1, Rule.DIMENSIONLESS, "EquationMath.exprel($0)")),
            Map.entry("int", new Function(1, Rule.DIMENSIONLESS, "(float) (int) ($0)")),
            Map.entry("rand", new Function(0, Rule.RANDOM, "EquationMath.rand(seed, step, item, $draw)")),
            Map.entry("randn", new Function(0, Rule.RANDOM, "EquationMath.randn(seed, step, item, $draw)")));

    private Functions() {
    }

    /** {@return the names, for suggestions} */
    static List<String> names() {
        return ALL.keySet().stream().sorted().toList();
    }
}
