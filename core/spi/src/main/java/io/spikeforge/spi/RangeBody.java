package io.spikeforge.spi;

/**
 * The body of a {@link StepTask}: processes the work items {@code [from, to)} of one step. It must
 * not allocate, and items must be independent, so that any split of the range gives the same result.
 */
@FunctionalInterface
public interface RangeBody {

    /**
     * Processes the items {@code [from, to)}.
     *
     * @param from first item, inclusive
     * @param to   last item, exclusive
     */
    void run(int from, int to);
}
