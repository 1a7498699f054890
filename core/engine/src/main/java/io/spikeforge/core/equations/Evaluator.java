package io.spikeforge.core.equations;

import java.util.function.Function;

/**
 * Computes an expression in double, when a model is built: parameter values ({@code Vcut = VT + 5*DeltaT}),
 * refractory periods, propagators. Names are looked up through the caller; every value is in the
 * engine's units, so no conversion is needed on the way.
 */
final class Evaluator {

    private Evaluator() {
    }

    /**
     * {@return the value of {@code e}}
     *
     * @param values the value of each name, or null for one that has none now
     * @throws IllegalArgumentException naming the first name without a value
     */
    static double value(Expr e, Function<String, Double> values) {
        return value(e, values, null);
    }

    /**
     * {@return the value of {@code e}}, with some calls computed by {@code calls} ({@code rand()} when
     * initial values are drawn per element); null from it means "not handled"
     */
    static double value(Expr e, Function<String, Double> values, Function<Expr.Call, Double> calls) {
        return switch (e) {
            case Expr.Num n -> n.value();
            case Expr.Name n -> {
                Double v = values.apply(n.name());
                if (v == null) {
                    throw new IllegalArgumentException("'" + n.name() + "' has no value when the model is built");
                }
                yield v;
            }
            case Expr.Unary u -> {
                double v = value(u.operand(), values, calls);
                yield switch (u.op()) {
                    case "-" -> -v;
                    case "+" -> v;
                    default -> v == 0 ? 1 : 0;
                };
            }
            case Expr.Binary b -> apply(b.op(), value(b.left(), values, calls), value(b.right(), values, calls));
            case Expr.Call c -> {
                Double v = calls == null ? null : calls.apply(c);
                yield v != null ? v : call(c, values, calls);
            }
        };
    }

    private static double call(Expr.Call c, Function<String, Double> values, Function<Expr.Call, Double> calls) {
        double[] a = new double[c.args().size()];
        for (int k = 0; k < a.length; k++) {
            a[k] = value(c.args().get(k), values, calls);
        }
        return switch (c.function()) {
            case "exp" -> Math.exp(a[0]);
            case "log" -> Math.log(a[0]);
            case "log10" -> Math.log10(a[0]);
            case "sqrt" -> Math.sqrt(a[0]);
            case "abs" -> Math.abs(a[0]);
            case "sin" -> Math.sin(a[0]);
            case "cos" -> Math.cos(a[0]);
            case "tan" -> Math.tan(a[0]);
            case "tanh" -> Math.tanh(a[0]);
            case "sinh" -> Math.sinh(a[0]);
            case "cosh" -> Math.cosh(a[0]);
            case "arctan" -> Math.atan(a[0]);
            case "floor" -> Math.floor(a[0]);
            case "ceil" -> Math.ceil(a[0]);
            case "sign" -> Math.signum(a[0]);
            case "clip" -> Math.min(Math.max(a[0], a[1]), a[2]);
            case "exprel" -> a[0] == 0 ? 1 : Math.expm1(a[0]) / a[0];
            case "int" -> (double) (long) a[0];
            default -> throw new IllegalArgumentException(c.function() + "() has no value when the model is built");
        };
    }

    /** {@return {@code l op r}}: comparisons and logic give 1 or 0 */
    static double apply(String op, double l, double r) {
        return switch (op) {
            case "+" -> l + r;
            case "-" -> l - r;
            case "*" -> l * r;
            case "/" -> l / r;
            case "**" -> Math.pow(l, r);
            case "<" -> l < r ? 1 : 0;
            case "<=" -> l <= r ? 1 : 0;
            case ">" -> l > r ? 1 : 0;
            case ">=" -> l >= r ? 1 : 0;
            case "==" -> l == r ? 1 : 0;
            case "!=" -> l != r ? 1 : 0;
            case "and" -> l != 0 && r != 0 ? 1 : 0;
            case "or" -> l != 0 || r != 0 ? 1 : 0;
            default -> throw new IllegalArgumentException("operator " + op);
        };
    }
}
