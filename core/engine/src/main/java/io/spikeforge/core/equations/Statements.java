package io.spikeforge.core.equations;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statements as Brian2's {@code reset}, {@code on_pre} and {@code on_post} write them, one per line
 * or separated by {@code ;}: {@code v = v_reset}, {@code w += b}, {@code Apre += dApre},
 * {@code w = clip(w + Apost, 0, wmax)}. They run in order; each sees what the ones before it wrote.
 */
public final class Statements {

    /**
     * One statement.
     *
     * @param target the variable assigned
     * @param op     {@code =}, {@code +=}, {@code -=}, {@code *=} or {@code /=}
     * @param expr   the right-hand side
     * @param text   the statement as written
     */
    public record Statement(String target, String op, Expr expr, String text) {

        /** {@return the value assigned, as one expression: {@code x += e} is {@code x + e}} */
        Expr value() {
            return op.equals("=") ? expr
                    : new Expr.Binary(op.substring(0, 1), new Expr.Name(target, 0), expr, expr.at());
        }
    }

    private static final Pattern STATEMENT = Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*([-+*/]?=)(?!=)(.*)$");

    private Statements() {
    }

    /**
     * {@return the statements of {@code text}}
     *
     * @param problems receives one message per statement that does not parse
     */
    public static List<Statement> parse(String text, List<String> problems) {
        List<Statement> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("[\\n;]")) {
            int hash = line.indexOf('#');
            String code = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (code.isEmpty()) {
                continue;
            }
            Matcher m = STATEMENT.matcher(code);
            if (!m.matches()) {
                problems.add("expected 'variable = expression' (or +=, -=, *=, /=) in "
                        + EquationSyntaxException.caret(code, 0));
                continue;
            }
            try {
                out.add(new Statement(m.group(1), m.group(2), Equations.parseAt(m.group(3), m.start(3)), code));
            } catch (EquationSyntaxException e) {
                problems.add(e.getMessage() + " in " + EquationSyntaxException.caret(code, e.position()));
            }
        }
        return out;
    }
}
