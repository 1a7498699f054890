package io.spikeforge.core.equations;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses Brian2's expression syntax (Python's, for arithmetic): {@code or}, {@code and}, {@code not},
 * comparisons ({@code < <= > >= == !=}), {@code + -}, {@code * /}, unary {@code + -}, {@code **}
 * (right-associative, binding tighter than unary minus on its left), calls, names and numbers
 * ({@code 1}, {@code 0.5}, {@code 1e-3}). {@code &} and {@code |} are accepted for {@code and} and
 * {@code or}, as Brian2 does.
 */
public final class ExprParser {

    private final String text;
    private int pos;

    private ExprParser(String text) {
        this.text = text;
    }

    /**
     * {@return the expression of the whole text}
     *
     * @throws EquationSyntaxException at the first position that does not parse
     */
    public static Expr parse(String text) {
        ExprParser p = new ExprParser(text);
        Expr e = p.or();
        p.skip();
        if (p.pos < text.length()) {
            throw new EquationSyntaxException("unexpected '" + text.charAt(p.pos) + "'", p.pos);
        }
        return e;
    }

    private void skip() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean word(String w) {
        skip();
        if (text.startsWith(w, pos) && (pos + w.length() == text.length()
                || !Character.isJavaIdentifierPart(text.charAt(pos + w.length())))) {
            pos += w.length();
            return true;
        }
        return false;
    }

    private boolean symbol(String s) {
        skip();
        if (text.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    private Expr or() {
        Expr left = and();
        while (true) {
            int at = here();
            if (word("or") || symbolNot("|", "||")) {
                left = new Expr.Binary("or", left, and(), at);
            } else {
                return left;
            }
        }
    }

    private Expr and() {
        Expr left = not();
        while (true) {
            int at = here();
            if (word("and") || symbolNot("&", "&&")) {
                left = new Expr.Binary("and", left, not(), at);
            } else {
                return left;
            }
        }
    }

    /** A single-character symbol that is not the start of a longer one. */
    private boolean symbolNot(String s, String longer) {
        skip();
        if (text.startsWith(longer, pos)) {
            pos += longer.length();
            return true;
        }
        return symbol(s);
    }

    private Expr not() {
        int at = here();
        if (word("not")) {
            return new Expr.Unary("not", not(), at);
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = sum();
        while (true) {
            int at = here();
            String op = null;
            for (String candidate : new String[] {"<=", ">=", "==", "!=", "<", ">"}) {
                if (symbol(candidate)) {
                    op = candidate;
                    break;
                }
            }
            if (op == null) {
                return left;
            }
            left = new Expr.Binary(op, left, sum(), at);
        }
    }

    private Expr sum() {
        Expr left = product();
        while (true) {
            int at = here();
            if (symbol("+")) {
                left = new Expr.Binary("+", left, product(), at);
            } else if (peek('-')) {
                pos++;
                left = new Expr.Binary("-", left, product(), at);
            } else {
                return left;
            }
        }
    }

    private Expr product() {
        Expr left = unary();
        while (true) {
            int at = here();
            if (symbolOnly('*')) {
                left = new Expr.Binary("*", left, unary(), at);
            } else if (symbol("/")) {
                left = new Expr.Binary("/", left, unary(), at);
            } else {
                return left;
            }
        }
    }

    /** A '*' that is not the start of '**'. */
    private boolean symbolOnly(char c) {
        skip();
        if (pos < text.length() && text.charAt(pos) == c && !(pos + 1 < text.length() && text.charAt(pos + 1) == c)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean peek(char c) {
        skip();
        return pos < text.length() && text.charAt(pos) == c;
    }

    private Expr unary() {
        int at = here();
        if (peek('-')) {
            pos++;
            return new Expr.Unary("-", unary(), at);
        }
        if (peek('+')) {
            pos++;
            return new Expr.Unary("+", unary(), at);
        }
        return power();
    }

    private Expr power() {
        Expr base = atom();
        int at = here();
        if (symbol("**")) {
            return new Expr.Binary("**", base, unary(), at);
        }
        return base;
    }

    private int here() {
        skip();
        return pos;
    }

    private Expr atom() {
        skip();
        int at = pos;
        if (pos >= text.length()) {
            throw new EquationSyntaxException(text.isBlank() ? "nothing to read" : "the expression ends too early",
                    pos);
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Expr inner = or();
            if (!symbol(")")) {
                throw new EquationSyntaxException("')' expected", here());
            }
            return inner;
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return number();
        }
        if (Character.isJavaIdentifierStart(c)) {
            int start = pos;
            while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
                pos++;
            }
            String name = text.substring(start, pos);
            if (symbol("(")) {
                List<Expr> args = new ArrayList<>();
                if (!symbol(")")) {
                    do {
                        args.add(or());
                    } while (symbol(","));
                    if (!symbol(")")) {
                        throw new EquationSyntaxException("')' or ',' expected in the call of " + name, here());
                    }
                }
                return new Expr.Call(name, List.copyOf(args), at);
            }
            return new Expr.Name(name, at);
        }
        throw new EquationSyntaxException("unexpected '" + c + "'", pos);
    }

    private Expr number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        String s = text.substring(start, pos);
        try {
            return new Expr.Num(Double.parseDouble(s), start);
        } catch (NumberFormatException e) {
            throw new EquationSyntaxException("'" + s + "' is not a number", start);
        }
    }
}
