package io.spikeforge.core.equations;

/**
 * What a name in a model's expressions stands for.
 *
 * @param kind      what sort of name it is
 * @param dimension its dimension
 * @param value     for a constant (a unit, a folded parameter), its value in the engine's units
 * @param java      how generated code reads it: an array element, a kernel argument, a literal
 */
public record Symbol(Kind kind, Dimension dimension, double value, String java) {

    /** The sorts of name. */
    public enum Kind {
        /** A variable with an equation: one value per element, integrated each step. */
        STATE,
        /** A variable without an equation, one value per element: a per-neuron parameter, an input. */
        ELEMENT,
        /** A subexpression: its expression stands wherever it is used. */
        SUBEXPRESSION,
        /** A value shared by all elements: a parameter of the model. */
        SHARED,
        /** A unit ({@code mV}) or a number known when the model is defined. */
        CONSTANT,
        /** Time, the step, the element's index, the element count, white noise and the like. */
        BUILTIN,
        /** A boolean: {@code not_refractory}. */
        BOOLEAN
    }
}
