package io.spikeforge.core.api;

/**
 * What one side of a projection connects: a whole {@link Population} (or spike source), or a
 * {@link Subgroup} of one, as Brian2's {@code P} and {@code P[:3200]}.
 */
public sealed interface Neurons permits Population, Subgroup {

    /** @return how a config names these neurons: {@code P}, or {@code P[from:to]} */
    String reference();
}
