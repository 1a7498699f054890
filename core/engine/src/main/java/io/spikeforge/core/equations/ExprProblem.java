package io.spikeforge.core.equations;

/**
 * What is wrong with an expression, and where.
 *
 * @param message  the problem, starting lower case
 * @param position where, 0-based in the text the expression came from
 */
record ExprProblem(String message, int position) {
}
