package io.spikeforge.core.equations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The symbolic steps integration needs: substituting names, simplifying what substitution leaves
 * ({@code -(-x)}, {@code 1*x}, {@code x/1}), finding whether an expression mentions a set of names, and
 * splitting an expression that is linear in some variables into their coefficients and the rest. The
 * simplifications keep the float evaluation order of what remains, so that generated code computes
 * what a hand-written kernel of the same equation computes, bit for bit.
 */
final class Algebra {

    private Algebra() {
    }

    /** {@return {@code e} with each name that {@code by} maps replaced by its expression} */
    static Expr substitute(Expr e, Function<String, Expr> by) {
        return switch (e) {
            case Expr.Num n -> n;
            case Expr.Name n -> {
                Expr r = by.apply(n.name());
                yield r == null ? n : r;
            }
            case Expr.Unary u -> new Expr.Unary(u.op(), substitute(u.operand(), by), u.at());
            case Expr.Binary b -> new Expr.Binary(b.op(), substitute(b.left(), by), substitute(b.right(), by), b.at());
            case Expr.Call c -> new Expr.Call(c.function(), c.args().stream().map(a -> substitute(a, by)).toList(), c.at());
        };
    }

    /** {@return whether {@code e} mentions one of {@code names}} */
    static boolean mentions(Expr e, Set<String> names) {
        return switch (e) {
            case Expr.Num n -> false;
            case Expr.Name n -> names.contains(n.name());
            case Expr.Unary u -> mentions(u.operand(), names);
            case Expr.Binary b -> mentions(b.left(), names) || mentions(b.right(), names);
            case Expr.Call c -> c.args().stream().anyMatch(a -> mentions(a, names));
        };
    }

    /** {@return whether {@code e} calls a function of this name} */
    static boolean calls(Expr e, Set<String> functions) {
        return switch (e) {
            case Expr.Num n -> false;
            case Expr.Name n -> false;
            case Expr.Unary u -> calls(u.operand(), functions);
            case Expr.Binary b -> calls(b.left(), functions) || calls(b.right(), functions);
            case Expr.Call c -> functions.contains(c.function()) || c.args().stream().anyMatch(a -> calls(a, functions));
        };
    }

    static Expr num(double v) {
        return new Expr.Num(v, 0);
    }

    static Expr neg(Expr e) {
        if (e instanceof Expr.Unary u && u.op().equals("-")) {
            return u.operand();
        }
        if (e instanceof Expr.Num n) {
            return num(-n.value());
        }
        return new Expr.Unary("-", e, e.at());
    }

    static Expr plus(Expr a, Expr b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (b instanceof Expr.Unary u && u.op().equals("-")) {
            return new Expr.Binary("-", a, u.operand(), a.at());
        }
        return new Expr.Binary("+", a, b, a.at());
    }

    static Expr minus(Expr a, Expr b) {
        if (b == null) {
            return a;
        }
        if (a == null) {
            return neg(b);
        }
        if (b instanceof Expr.Unary u && u.op().equals("-")) {
            return new Expr.Binary("+", a, u.operand(), a.at());
        }
        return new Expr.Binary("-", a, b, a.at());
    }

    static Expr times(Expr a, Expr b) {
        if (isNum(a, 1)) {
            return b;
        }
        if (isNum(b, 1)) {
            return a;
        }
        if (isNum(a, -1)) {
            return neg(b);
        }
        if (isNum(b, -1)) {
            return neg(a);
        }
        return new Expr.Binary("*", a, b, a.at());
    }

    static Expr over(Expr a, Expr b) {
        if (isNum(b, 1)) {
            return a;
        }
        if (isNum(b, -1)) {
            return neg(a);
        }
        return new Expr.Binary("/", a, b, a.at());
    }

    static boolean isNum(Expr e, double v) {
        return e instanceof Expr.Num n && n.value() == v;
    }

    /**
     * An expression split as {@code sum_k coefficient_k * x_k + rest}, over some variables x_k; a
     * coefficient or the rest may be null for none.
     *
     * @param coefficients the coefficient of each variable that occurs
     * @param rest         what does not multiply a variable, or null
     */
    record Linear(Map<String, Expr> coefficients, Expr rest) {

        Expr coefficient(String x) {
            return coefficients.get(x);
        }
    }

    /**
     * {@return {@code e} split into coefficients of {@code vars} and a rest, or null when it is not
     * linear in them (a product of two of them, one inside a function, one in a denominator)}
     */
    static Linear linear(Expr e, Set<String> vars) {
        if (!mentions(e, vars)) {
            return new Linear(Map.of(), e);
        }
        return switch (e) {
            case Expr.Num n -> new Linear(Map.of(), n);
            case Expr.Name n -> new Linear(Map.of(n.name(), num(1)), null);
            case Expr.Unary u -> {
                Linear l = linear(u.operand(), vars);
                if (l == null || u.op().equals("not")) {
                    yield null;
                }
                yield u.op().equals("+") ? l : map(l, Algebra::neg);
            }
            case Expr.Binary b -> binary(b, vars);
            case Expr.Call c -> null;
        };
    }

    private static Linear binary(Expr.Binary b, Set<String> vars) {
        switch (b.op()) {
            case "+", "-" -> {
                Linear l = linear(b.left(), vars);
                Linear r = linear(b.right(), vars);
                if (l == null || r == null) {
                    return null;
                }
                boolean plus = b.op().equals("+");
                Map<String, Expr> c = new LinkedHashMap<>(l.coefficients());
                r.coefficients().forEach((x, k) -> c.merge(x, k, (p, q) -> plus ? plus(p, q) : minus(p, q)));
                for (String x : r.coefficients().keySet()) {
                    if (!l.coefficients().containsKey(x) && !plus) {
                        c.put(x, neg(r.coefficient(x)));
                    }
                }
                return new Linear(c, plus ? plus(l.rest(), r.rest()) : minus(l.rest(), r.rest()));
            }
            case "*" -> {
                boolean leftFree = !mentions(b.left(), vars);
                boolean rightFree = !mentions(b.right(), vars);
                if (leftFree) {
                    Linear r = linear(b.right(), vars);
                    return r == null ? null : map(r, k -> times(b.left(), k));
                }
                if (rightFree) {
                    Linear l = linear(b.left(), vars);
                    return l == null ? null : map(l, k -> times(k, b.right()));
                }
                return null;
            }
            case "/" -> {
                if (mentions(b.right(), vars)) {
                    return null;
                }
                Linear l = linear(b.left(), vars);
                return l == null ? null : map(l, k -> over(k, b.right()));
            }
            default -> {
                return null;
            }
        }
    }

    private static Linear map(Linear l, java.util.function.UnaryOperator<Expr> f) {
        Map<String, Expr> c = new LinkedHashMap<>();
        l.coefficients().forEach((x, k) -> c.put(x, f.apply(k)));
        return new Linear(c, l.rest() == null ? null : f.apply(l.rest()));
    }

    /** {@return the names {@code e} mentions, in order of first mention} */
    static Set<String> names(Expr e) {
        Set<String> out = new java.util.LinkedHashSet<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, Set<String> out) {
        switch (e) {
            case Expr.Num n -> {
            }
            case Expr.Name n -> out.add(n.name());
            case Expr.Unary u -> collect(u.operand(), out);
            case Expr.Binary b -> {
                collect(b.left(), out);
                collect(b.right(), out);
            }
            case Expr.Call c -> c.args().forEach(a -> collect(a, out));
        }
    }

    /** {@return the terms of a sum, with their signs: {@code a - b + c} is [a, -b, c]} */
    static List<Expr> terms(Expr e) {
        List<Expr> out = new java.util.ArrayList<>();
        terms(e, false, out);
        return out;
    }

    private static void terms(Expr e, boolean negate, List<Expr> out) {
        if (e instanceof Expr.Binary b && (b.op().equals("+") || b.op().equals("-"))) {
            terms(b.left(), negate, out);
            terms(b.right(), negate ^ b.op().equals("-"), out);
        } else if (e instanceof Expr.Unary u && u.op().equals("-")) {
            terms(u.operand(), !negate, out);
        } else {
            out.add(negate ? neg(e) : e);
        }
    }
}
