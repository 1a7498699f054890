package io.spikeforge.spi;

/** A connector, for example {@code FixedProb}: decides which pairs are connected. */
public interface ConnectorModel extends ModelFactory {

    @Override
    default ModelKind kind() {
        return ModelKind.CONNECTOR;
    }

    /**
     * Estimates how many synapses {@link #connect} will make, so that the engine can refuse a
     * projection that cannot fit in memory before it generates anything.
     *
     * @param params         validated parameters
     * @param preSize        number of pre neurons
     * @param postSize       number of post neurons
     * @param samePopulation whether pre and post are the same group
     * @return the expected number of synapses; the default, {@code preSize * postSize}, is an upper
     *         bound
     */
    default long estimateSynapses(Params params, int preSize, int postSize, boolean samePopulation) {
        return (long) preSize * postSize;
    }

    /**
     * Generates connectivity. The result must depend only on the parameters, the sizes and
     * {@link BuildContext#seed()}.
     *
     * @param params         validated parameters
     * @param context        seed and dt
     * @param preSize        number of pre neurons
     * @param postSize       number of post neurons
     * @param samePopulation whether pre and post are the same group (self-connections possible)
     * @return the pairs
     */
    Connectivity connect(Params params, BuildContext context, int preSize, int postSize, boolean samePopulation);
}
