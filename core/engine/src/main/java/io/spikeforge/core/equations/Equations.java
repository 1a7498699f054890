package io.spikeforge.core.equations;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code equations} of a model in Brian2's notation, one per line: differential equations
 * ({@code dv/dt = (El - v) / tau : volt (unless refractory)}), named subexpressions
 * ({@code I_syn = g * (E - v) : amp}) and variables without an equation, per-neuron or per-synapse
 * ({@code V_th : volt (constant)}, {@code w : 1}). Blank lines and {@code #} comments are skipped.
 */
public final class Equations {

    /** What a line declares. */
    public enum Kind {
        /** {@code dx/dt = expr : unit}. */
        DIFFERENTIAL,
        /** {@code x = expr : unit}: recomputed wherever it is used. */
        SUBEXPRESSION,
        /** {@code x : unit}: a variable with a value of its own per element, set by the config or by statements. */
        PARAMETER
    }

    /**
     * One line.
     *
     * @param kind     what it declares
     * @param variable the variable's name
     * @param expr     the right-hand side, or null for a parameter
     * @param unit     the unit as written, {@code volt}
     * @param flags    the flags in parentheses: {@code constant}, {@code unless refractory}, {@code event-driven},
     *                 {@code summed}, {@code shared}
     * @param text     the line as written
     * @param exprAt   where the right-hand side starts in the line (for positions)
     * @param number   the line's number in the equations, from 1
     */
    public record Line(Kind kind, String variable, Expr expr, String unit, Set<String> flags, String text, int exprAt,
                       int number) {
    }

    /** The flags Brian2 defines that SpikeForge takes. */
    public static final Set<String> FLAGS = Set.of("constant", "unless refractory", "event-driven", "summed",
            "shared", "clock-driven");

    private static final Pattern DIFFERENTIAL = Pattern.compile("^\\s*d\\s*([A-Za-z_]\\w*)\\s*/\\s*dt\\s*=(.*)$");
    private static final Pattern ASSIGN = Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*=(.*)$");
    private static final Pattern DECLARE = Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*$");

    private final List<Line> lines;

    private Equations(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    /** {@return the lines, in order} */
    public List<Line> lines() {
        return lines;
    }

    /**
     * Reads equations text.
     *
     * @param problems receives one message per line that does not parse: {@code line 2: ...}
     * @return the lines that parsed
     */
    public static Equations parse(String text, List<String> problems) {
        List<Line> out = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        StringBuilder pending = new StringBuilder();
        int first = 0;
        for (int n = 0; n < raw.length; n++) {
            String line = raw[n];
            int hash = line.indexOf('#');
            String code = (hash >= 0 ? line.substring(0, hash) : line).stripTrailing();
            if (code.isBlank()) {
                continue;
            }
            if (pending.isEmpty()) {
                first = n + 1;
            } else {
                code = pending + " " + code.strip();
                pending.setLength(0);
            }
            // Brian2 lets an equation run over several lines: a line without its ': unit' goes on in the next.
            if (code.indexOf(':') < 0 && n + 1 < raw.length && !restBlank(raw, n + 1)) {
                pending.append(code);
                continue;
            }
            try {
                out.add(line(code, first));
            } catch (EquationSyntaxException e) {
                problems.add("line " + first + ": " + e.getMessage() + " in "
                        + EquationSyntaxException.caret(code.strip(), e.position() - leading(code)));
            }
        }
        return new Equations(out);
    }

    private static boolean restBlank(String[] raw, int from) {
        for (int k = from; k < raw.length; k++) {
            int hash = raw[k].indexOf('#');
            if (!(hash >= 0 ? raw[k].substring(0, hash) : raw[k]).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static int leading(String s) {
        int k = 0;
        while (k < s.length() && Character.isWhitespace(s.charAt(k))) {
            k++;
        }
        return k;
    }

    private static Line line(String code, int number) {
        int colon = code.lastIndexOf(':');
        if (colon < 0) {
            throw new EquationSyntaxException("a unit is missing: write ': unit' at the end (': 1' for none)",
                    code.length());
        }
        String left = code.substring(0, colon);
        String right = code.substring(colon + 1).strip();
        Set<String> flags = new LinkedHashSet<>();
        int open = right.indexOf('(');
        String unit = right;
        if (open >= 0) {
            int close = right.lastIndexOf(')');
            if (close < open) {
                throw new EquationSyntaxException("')' expected after the flags", code.length());
            }
            for (String f : right.substring(open + 1, close).split(",")) {
                String flag = f.strip().replaceAll("\\s+", " ");
                if (!FLAGS.contains(flag)) {
                    throw new EquationSyntaxException("unknown flag '" + flag + "'; flags: " + String.join(", ",
                            new java.util.TreeSet<>(FLAGS)), colon + 1 + right.length() - right.substring(open).length());
                }
                flags.add(flag);
            }
            unit = right.substring(0, open).strip();
        }
        if (unit.isEmpty()) {
            throw new EquationSyntaxException("a unit is missing after ':' (write 1 for none)", colon + 1);
        }
        Matcher d = DIFFERENTIAL.matcher(left);
        if (d.matches()) {
            int at = d.start(2);
            return new Line(Kind.DIFFERENTIAL, d.group(1), parseAt(d.group(2), at), unit, flags, code, at, number);
        }
        Matcher a = ASSIGN.matcher(left);
        if (a.matches()) {
            int at = a.start(2);
            return new Line(Kind.SUBEXPRESSION, a.group(1), parseAt(a.group(2), at), unit, flags, code, at, number);
        }
        Matcher v = DECLARE.matcher(left);
        if (v.matches()) {
            return new Line(Kind.PARAMETER, v.group(1), null, unit, flags, code, 0, number);
        }
        throw new EquationSyntaxException("expected 'dx/dt = ...', 'x = ...' or 'x' before ':'", leading(left));
    }

    /** Parses a part of a line that starts at {@code at}: positions, in the result and in errors, are the line's. */
    static Expr parseAt(String text, int at) {
        try {
            return shift(ExprParser.parse(text), at);
        } catch (EquationSyntaxException e) {
            throw new EquationSyntaxException(e.getMessage(), e.position() + at);
        }
    }

    private static Expr shift(Expr e, int by) {
        return switch (e) {
            case Expr.Num n -> new Expr.Num(n.value(), n.at() + by);
            case Expr.Name n -> new Expr.Name(n.name(), n.at() + by);
            case Expr.Unary u -> new Expr.Unary(u.op(), shift(u.operand(), by), u.at() + by);
            case Expr.Binary b -> new Expr.Binary(b.op(), shift(b.left(), by), shift(b.right(), by), b.at() + by);
            case Expr.Call c -> new Expr.Call(c.function(), c.args().stream().map(x -> shift(x, by)).toList(),
                    c.at() + by);
        };
    }
}
