package io.spikeforge.core.equations;

import java.util.List;

/**
 * An expression of an equation, a threshold, a reset or a synaptic statement, as Brian2 writes them:
 * numbers, names, {@code + - * / **}, comparisons, {@code and or not}, and calls of functions. Every
 * node keeps the position of its text, so that an error can point at it.
 */
public sealed interface Expr {

    /** {@return where the node starts in its text, 0-based} */
    int at();

    /** A number. */
    record Num(double value, int at) implements Expr {
    }

    /** A name: a variable, a parameter, {@code t}, {@code dt}, {@code xi}, or a unit such as {@code mV}. */
    record Name(String name, int at) implements Expr {
    }

    /** {@code -x}, {@code +x}, {@code not x}. */
    record Unary(String op, Expr operand, int at) implements Expr {
    }

    /** {@code a + b}, {@code a ** b}, {@code a < b}, {@code a and b}, ... */
    record Binary(String op, Expr left, Expr right, int at) implements Expr {
    }

    /** {@code f(a, b, ...)}. */
    record Call(String function, List<Expr> args, int at) implements Expr {
    }
}
