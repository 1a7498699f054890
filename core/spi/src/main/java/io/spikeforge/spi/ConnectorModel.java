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
     * @param samePopulation whether pre neuron i and post neuron i are one neuron, as in
     *                       {@link #connect}
     * @return the expected number of synapses; the default, {@code preSize * postSize}, is an upper
     *         bound
     */
    default long estimateSynapses(Params params, int preSize, int postSize, boolean samePopulation) {
        return (long) preSize * postSize;
    }

    /**
     * Tells whether {@link #connect}, given {@code samePopulation}, leaves out the pairs (i, i), each a
     * neuron's synapse onto itself, and which parameter makes it do so, as the built-in connectors'
     * {@code allow_self: false} does (BrainPy's {@code include_self}). The engine asks before it builds
     * anything: a projection between two slices of one group that overlap but start at different neurons
     * ({@code P[1:]} onto {@code P}) is not {@code samePopulation}, since pair (i, i) there is two
     * different neurons, so the connector could not leave out the self-connections it was asked to. The
     * engine refuses such a projection, naming the parameter and its value at the parameter's config path.
     *
     * @param params validated parameters
     * @return the name of the parameter (one of {@link #parameters()}) whose value in {@code params} makes
     *         the connector leave out the pairs (i, i) of one population; null when, with these
     *         parameters, it leaves none out. The default, for connectors without such a switch, is null
     */
    default String selfConnectionsLeftOutBy(Params params) {
        return null;
    }

    /**
     * Generates connectivity. The result must depend only on the parameters, the sizes and
     * {@link BuildContext#seed()}.
     *
     * @param params         validated parameters
     * @param context        seed and dt
     * @param preSize        number of pre neurons
     * @param postSize       number of post neurons
     * @param samePopulation whether pre neuron i and post neuron i are one neuron, so that pair (i, i) is
     *                       a self-connection: the same group, whole or sliced from the same first neuron.
     *                       A projection between slices ({@code P[:3200]}) gives the slices' sizes, and
     *                       indices count from each slice's first neuron, as Brian2's i and j do
     * @return the pairs
     */
    Connectivity connect(Params params, BuildContext context, int preSize, int postSize, boolean samePopulation);

    /**
     * Generates the synapses of pre neurons {@code rowFrom .. rowTo-1} only: the pairs that
     * {@link #connect} makes in those rows, with every other row empty. The engine calls it for a
     * projection with more synapses than one int-indexed block holds (2^31 - 9, or a smaller limit set
     * through the engine's Java API), once per block of rows, and never otherwise. The default refuses, and the engine then
     * asks the user to split the projection.
     *
     * @param params         validated parameters
     * @param context        seed and dt, the same as {@link #connect} gets
     * @param preSize        number of pre neurons, all rows included
     * @param postSize       number of post neurons
     * @param samePopulation whether pre neuron i and post neuron i are one neuron, as in {@link #connect}
     * @param rowFrom        first pre neuron of the block
     * @param rowTo          one past the last pre neuron of the block
     * @return connectivity with {@code preSize} rows, of which only the block's have synapses
     * @throws UnsupportedOperationException when the connector cannot generate part of its rows
     */
    default Connectivity connectRows(Params params, BuildContext context, int preSize, int postSize,
                                     boolean samePopulation, int rowFrom, int rowTo) {
        throw new UnsupportedOperationException(name() + " cannot generate a block of rows");
    }
}
