package io.spikeforge.spi;

/**
 * A comm layer, for example {@code EventCSRLinear}: stores a projection's weights and propagates
 * spikes through them. One that supports plasticity also gives row (pre) and column (post) access
 * to the weights.
 */
public interface CommModel extends ModelFactory {

    @Override
    default ModelKind kind() {
        return ModelKind.COMM;
    }

    /** {@return whether {@link Comm#updateRows} and {@link Comm#updateColumns} are supported} */
    boolean supportsPlasticity();

    /** {@return the connector used when the config names none, or null when one is required} */
    default String defaultConnector() {
        return null;
    }

    /**
     * Creates the comm layer of one projection.
     *
     * @param params       validated parameters
     * @param context      allocation and seed
     * @param connectivity the connected pairs
     * @param weights      initial weight per synapse in connectivity order (uS or nA); the comm
     *                     keeps or copies it
     * @return the comm
     */
    Comm create(Params params, BuildContext context, Connectivity connectivity, float[] weights);

    /** A created comm layer. Weights are addressed in {@link Connectivity} order. */
    interface Comm {

        /** {@return number of synapses} */
        int synapses();

        /**
         * Copies the current weights, in connectivity order, into {@code out}.
         *
         * @param out an array of at least {@link #synapses()} elements
         */
        void copyWeights(float[] out);

        /**
         * {@return the weight of synapse {@code k} now (uS or nA)}
         *
         * @param k a synapse index in connectivity order
         */
        float weight(int k);

        /**
         * {@return a task that adds, for each spiking pre neuron, the weight of each of its synapses
         * into {@code target[post]}}
         *
         * @param name   the task's name, for listings
         * @param pre    the pre spikes that arrive this step
         * @param target one value per post neuron, added to
         */
        StepTask propagateSpikes(String name, SpikeBuffer pre, float[] target);

        /**
         * {@return a task computing {@code target[j] += sum_i w_ij * values[i]}}
         *
         * @param name   the task's name, for listings
         * @param values one value per pre neuron
         * @param target one value per post neuron, added to
         */
        StepTask propagateValues(String name, float[] values, float[] target);

        /**
         * For plasticity on pre spikes: for each spiking pre neuron i and each synapse (i, j),
         * {@code w += factor * postValues[j]}, then clip to [wMin, wMax].
         *
         * @param name       the task's name, for listings
         * @param pre        the pre spikes that arrive this step
         * @param postValues one value per post neuron, such as a post trace
         * @param factor     the scale of the change (weight unit per value unit)
         * @param wMin       the lower weight bound, or negative infinity
         * @param wMax       the upper weight bound, or positive infinity
         * @return the task
         * @throws UnsupportedOperationException when {@link CommModel#supportsPlasticity()} is false
         */
        default StepTask updateRows(String name, SpikeBuffer pre, float[] postValues, float factor,
                                    float wMin, float wMax) {
            throw new UnsupportedOperationException("this comm does not support plasticity");
        }

        /**
         * For plasticity on post spikes: for each spiking post neuron j and each synapse (i, j),
         * {@code w += factor * preValues[i]}, then clip to [wMin, wMax].
         *
         * @param name      the task's name, for listings
         * @param post      the post spikes of the last post update
         * @param preValues one value per pre neuron, such as a pre trace
         * @param factor    the scale of the change (weight unit per value unit)
         * @param wMin      the lower weight bound, or negative infinity
         * @param wMax      the upper weight bound, or positive infinity
         * @return the task
         * @throws UnsupportedOperationException when {@link CommModel#supportsPlasticity()} is false
         */
        default StepTask updateColumns(String name, SpikeBuffer post, float[] preValues, float factor,
                                       float wMin, float wMax) {
            throw new UnsupportedOperationException("this comm does not support plasticity");
        }
    }
}
