package io.spikeforge.spi;

/**
 * An initializer, for example {@code Uniform}: fills weights (uS or nA) or initial state values
 * (in the variable's unit).
 */
public interface InitializerModel extends ModelFactory {

    @Override
    default ModelKind kind() {
        return ModelKind.INITIALIZER;
    }

    /**
     * Fills {@code out}. Element {@code k} must depend only on the parameters, {@code seed} and
     * {@code k}, so that filling in parallel chunks gives the same values.
     *
     * @param params validated parameters
     * @param out    the array to fill
     * @param seed   the seed
     */
    void fill(Params params, float[] out, long seed);

    /**
     * Fills {@code out} with elements {@code first .. first + out.length - 1} of the sequence that
     * {@link #fill(Params, float[], long)} writes from element 0, so that the weights of a projection
     * split into blocks are those it would have whole. The default handles {@code first == 0} only.
     *
     * @param params validated parameters
     * @param out    the array to fill
     * @param seed   the seed
     * @param first  the index of {@code out[0]} in the whole sequence
     * @throws UnsupportedOperationException when {@code first > 0} and the initializer cannot start there
     */
    default void fill(Params params, float[] out, long seed, long first) {
        if (first != 0) {
            throw new UnsupportedOperationException(name() + " cannot start at element " + first);
        }
        fill(params, out, seed);
    }

    /**
     * Fills the weights of a projection's synapses, knowing which pre and post neuron each joins: synapse
     * {@code first + k} of the projection is {@code out[k]}, the k-th pair of {@code block} in its row-major
     * order. Distance-based initializers ({@code GaussianDecay}) override it; the default ignores the pairs and
     * calls {@link #fill(Params, float[], long, long)} (or {@link #fill(Params, float[], long)} when
     * {@code first} is 0).
     *
     * @param params validated parameters
     * @param out    the weights to fill, one per synapse of {@code block}
     * @param seed   the seed
     * @param first  the index of {@code out[0]} among the projection's synapses
     * @param block  the pairs, as neuron indices of the pre and post groups (whole groups, also for a
     *               projection between slices of them), with only this block's rows filled
     */
    default void fillSynapses(Params params, float[] out, long seed, long first, Connectivity block) {
        if (first == 0) {
            fill(params, out, seed);
        } else {
            fill(params, out, seed, first);
        }
    }
}
