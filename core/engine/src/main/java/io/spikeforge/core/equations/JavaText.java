package io.spikeforge.core.equations;

import java.util.List;
import java.util.function.Function;

/**
 * Writes an expression as Java float arithmetic, for generated kernels. Names become what the
 * caller's resolver says (an array element, a local, a kernel argument) or, for units and numbers, a
 * literal; a part made only of literals is folded into one (in double, then rounded to float once).
 * Comparisons, {@code and}, {@code or} and {@code not} become 0/1 float flags computed without a
 * branch, as the hand-written kernels compute their thresholds, so that loops stay vectorizable:
 * {@code a >= b} is {@code min(1, max(0, (a - b) * 2^200 + 1))}, exact for every finite difference.
 */
final class JavaText {

    /** What a name stands for in generated code: Java text, or a number known when the code is generated. */
    record Ref(String java, double constant) {

        static Ref code(String java) {
            return new Ref(java, Double.NaN);
        }

        static Ref number(double v) {
            return new Ref(null, v);
        }

        boolean isConstant() {
            return java == null;
        }
    }

    private final Function<String, Ref> names;
    private final Function<Expr.Call, String> special;

    /**
     * @param names   what each name stands for; never null for a name the checker accepted
     * @param special Java text for a call it handles itself ({@code rand()} with its draw), or null
     */
    JavaText(Function<String, Ref> names, Function<Expr.Call, String> special) {
        this.names = names;
        this.special = special;
    }

    /** {@return the Java text of {@code e}} */
    String of(Expr e) {
        Double c = constant(e);
        if (c != null) {
            return literal(c);
        }
        return switch (e) {
            case Expr.Num n -> literal(n.value());
            case Expr.Name n -> {
                Ref r = names.apply(n.name());
                if (r == null) {
                    throw new IllegalStateException("no Java for the name " + n.name());
                }
                yield r.isConstant() ? literal(r.constant()) : r.java();
            }
            case Expr.Unary u -> switch (u.op()) {
                case "-" -> "(-" + of(u.operand()) + ")";
                case "+" -> of(u.operand());
                default -> "(1f - " + of(u.operand()) + ")";
            };
            case Expr.Binary b -> binary(b);
            case Expr.Call call -> call(call);
        };
    }

    private String binary(Expr.Binary b) {
        String l = of(b.left());
        Double r = constant(b.right());
        if (r != null && r == 1 && (b.op().equals("*") || b.op().equals("/"))) {
            return l;
        }
        return switch (b.op()) {
            case "+", "-", "*", "/" -> "(" + l + " " + b.op() + " " + of(b.right()) + ")";
            case "**" -> power(b);
            case ">=" -> atLeast(l, of(b.right()));
            case "<=" -> atLeast(of(b.right()), l);
            case ">" -> "(1f - " + atLeast(of(b.right()), l) + ")";
            case "<" -> "(1f - " + atLeast(l, of(b.right())) + ")";
            case "==" -> "(" + l + " == " + of(b.right()) + " ? 1f : 0f)";
            case "!=" -> "(" + l + " != " + of(b.right()) + " ? 1f : 0f)";
            case "and" -> "Math.min(" + l + ", " + of(b.right()) + ")";
            case "or" -> "Math.max(" + l + ", " + of(b.right()) + ")";
            default -> throw new IllegalStateException("operator " + b.op());
        };
    }

    /** {@return the 0/1 flag of {@code a >= b}} */
    static String atLeast(String a, String b) {
        return "Math.min(1f, Math.max(0f, (" + a + " - " + b + ") * 0x1p100f * 0x1p100f + 1f))";
    }

    private String power(Expr.Binary b) {
        Double p = constant(b.right());
        String base = of(b.left());
        if (p != null) {
            if (p == 1) {
                return base;
            }
            if (p == 2 || p == 3 || p == 4) {
                String x = base;
                StringBuilder sb = new StringBuilder("(").append(x);
                for (int k = 1; k < p; k++) {
                    sb.append(" * ").append(x);
                }
                return sb.append(")").toString();
            }
            if (p == -1) {
                return "(1f / " + base + ")";
            }
            if (p == 0.5) {
                return "((float) Math.sqrt(" + base + "))";
            }
        }
        return "((float) Math.pow(" + base + ", " + of(b.right()) + "))";
    }

    private String call(Expr.Call c) {
        if (special != null) {
            String s = special.apply(c);
            if (s != null) {
                return s;
            }
        }
        Functions.Function f = Functions.ALL.get(c.function());
        String java = f.java();
        List<Expr> args = c.args();
        for (int k = args.size() - 1; k >= 0; k--) {
            java = java.replace("$" + k, of(args.get(k)));
        }
        return "(" + java + ")";
    }

    /** {@return the value of {@code e} when it is made of numbers and constant names only, else null} */
    Double constant(Expr e) {
        return switch (e) {
            case Expr.Num n -> n.value();
            case Expr.Name n -> {
                Ref r = names.apply(n.name());
                yield r != null && r.isConstant() ? r.constant() : null;
            }
            case Expr.Unary u -> {
                Double v = constant(u.operand());
                yield v == null ? null : switch (u.op()) {
                    case "-" -> -v;
                    case "+" -> v;
                    default -> v == 0 ? 1.0 : 0.0;
                };
            }
            case Expr.Binary b -> {
                Double l = constant(b.left());
                Double r = l == null ? null : constant(b.right());
                yield r == null ? null : Evaluator.apply(b.op(), l, r);
            }
            case Expr.Call c -> null;
        };
    }

    /** {@return a float literal for {@code v}} */
    static String literal(double v) {
        float f = (float) v;
        if (Float.isNaN(f)) {
            return "Float.NaN";
        }
        if (Float.isInfinite(f)) {
            return f > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY";
        }
        String s = Float.toString(f) + "f";
        return f < 0 ? "(" + s + ")" : s;
    }
}
