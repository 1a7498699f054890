package io.spikeforge.core.equations;

import java.util.ArrayList;
import java.util.List;

/**
 * Infers the dimension of an expression and checks it on the way: names must be declared, the terms
 * of a sum and both sides of a comparison must share a dimension (a literal 0 fits any), functions get
 * the dimensions they take, powers of dimensioned values are constant. Problems are collected, each
 * with its position; the result is null when there was one.
 */
final class Checker {

    private final ModelScope scope;
    private final List<ExprProblem> problems = new ArrayList<>();

    Checker(ModelScope scope) {
        this.scope = scope;
    }

    /** {@return the problems found so far} */
    List<ExprProblem> problems() {
        return problems;
    }

    /** {@return the dimension of {@code e}, or null after recording why there is none} */
    Dimension dimension(Expr e) {
        return switch (e) {
            case Expr.Num n -> Dimension.ONE;
            case Expr.Name n -> name(n);
            case Expr.Unary u -> {
                Dimension d = dimension(u.operand());
                if (d == null) {
                    yield null;
                }
                yield u.op().equals("not") ? Dimension.ONE : d;
            }
            case Expr.Binary b -> binary(b);
            case Expr.Call c -> call(c);
        };
    }

    private Dimension name(Expr.Name n) {
        Symbol s = scope.find(n.name());
        if (s == null && scope.refused(n.name())) {
            return null;
        }
        if (s == null) {
            problems.add(new ExprProblem("unknown identifier '" + n.name() + "'." + scope.didYouMean(n.name(), false),
                    n.at()));
            return null;
        }
        return s.dimension();
    }

    private Dimension binary(Expr.Binary b) {
        Dimension l = dimension(b.left());
        Dimension r = dimension(b.right());
        if (l == null || r == null) {
            return null;
        }
        switch (b.op()) {
            case "+", "-", "<", "<=", ">", ">=", "==", "!=" -> {
                if (!l.equals(r) && !isZero(b.left()) && !isZero(b.right())) {
                    String what = b.op().equals("+") || b.op().equals("-") ? "the terms of '" + b.op() + "'"
                            : "the sides of '" + b.op() + "'";
                    problems.add(new ExprProblem(what + " have different dimensions: " + l + " and " + r, b.at()));
                    return null;
                }
                return b.op().equals("+") || b.op().equals("-") ? (isZero(b.left()) ? r : l) : Dimension.ONE;
            }
            case "*" -> {
                return l.times(r);
            }
            case "/" -> {
                return l.over(r);
            }
            case "**" -> {
                if (!r.dimensionless()) {
                    problems.add(new ExprProblem("an exponent has no dimension; this one is " + r, b.right().at()));
                    return null;
                }
                if (l.dimensionless()) {
                    return l;
                }
                Double p = constant(b.right());
                if (p == null) {
                    problems.add(new ExprProblem("a value with a dimension (" + l + ") needs a constant exponent",
                            b.right().at()));
                    return null;
                }
                Dimension d = l.power(p);
                if (d == null) {
                    problems.add(new ExprProblem(l + " to the power " + p + " is no dimension", b.at()));
                }
                return d;
            }
            case "and", "or" -> {
                return Dimension.ONE;
            }
            default -> {
                problems.add(new ExprProblem("unknown operator '" + b.op() + "'", b.at()));
                return null;
            }
        }
    }

    private Dimension call(Expr.Call c) {
        Functions.Function f = Functions.ALL.get(c.function());
        if (f == null) {
            problems.add(new ExprProblem("unknown function '" + c.function() + "'." + scope.didYouMean(c.function(), true)
                    + " Functions: " + String.join(", ", Functions.names()), c.at()));
            return null;
        }
        if (f.arity() >= 0 && c.args().size() != f.arity()) {
            problems.add(new ExprProblem(c.function() + " takes " + f.arity() + " argument" + (f.arity() == 1 ? "" : "s")
                    + ", got " + c.args().size(), c.at()));
            return null;
        }
        List<Dimension> dims = new ArrayList<>();
        for (Expr a : c.args()) {
            Dimension d = dimension(a);
            if (d == null) {
                return null;
            }
            dims.add(d);
        }
        return switch (f.rule()) {
            case RANDOM -> Dimension.ONE;
            case DIMENSIONLESS -> {
                if (!dims.get(0).dimensionless()) {
                    problems.add(new ExprProblem(c.function() + " takes a value without a dimension; this one is "
                            + dims.get(0), c.args().get(0).at()));
                    yield null;
                }
                yield Dimension.ONE;
            }
            case SAME -> dims.get(0);
            case SQRT -> {
                Dimension d = dims.get(0).power(0.5);
                if (d == null) {
                    problems.add(new ExprProblem("sqrt of " + dims.get(0) + " has no dimension", c.at()));
                }
                yield d;
            }
            case ALL_SAME -> {
                for (int k = 1; k < dims.size(); k++) {
                    if (!dims.get(k).equals(dims.get(0)) && !isZero(c.args().get(k))) {
                        problems.add(new ExprProblem("the arguments of " + c.function() + " have different dimensions: "
                                + dims.get(0) + " and " + dims.get(k), c.args().get(k).at()));
                        yield null;
                    }
                }
                yield dims.get(0);
            }
        };
    }

    static boolean isZero(Expr e) {
        return e instanceof Expr.Num n && n.value() == 0;
    }

    /** {@return the value of a number, or of a negated number; null for anything else} */
    static Double constant(Expr e) {
        if (e instanceof Expr.Num n) {
            return n.value();
        }
        if (e instanceof Expr.Unary u && u.op().equals("-") && u.operand() instanceof Expr.Num n) {
            return -n.value();
        }
        if (e instanceof Expr.Unary u && u.op().equals("+") && u.operand() instanceof Expr.Num n) {
            return n.value();
        }
        if (e instanceof Expr.Binary b && b.op().equals("/") && constant(b.left()) != null && constant(b.right()) != null) {
            return constant(b.left()) / constant(b.right());
        }
        return null;
    }
}
