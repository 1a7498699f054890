package io.spikeforge.core.equations;

/**
 * A problem in the text of an equation, a threshold, a reset or a statement, at a position: the
 * message says what is wrong; {@link #caret} shows where.
 */
public final class EquationSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int position;

    /**
     * @param message  what is wrong
     * @param position where, 0-based in the text
     */
    public EquationSyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** {@return where the problem is, 0-based} */
    public int position() {
        return position;
    }

    /** {@return the text with a caret under the position: {@code 'dv/dt = (v - ) / tau' at column 13}} */
    public static String caret(String text, int position) {
        return "'" + text + "' at column " + (position + 1);
    }
}
