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
}
