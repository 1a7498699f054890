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

    /**
     * {@return whether the weight updates ({@link Comm#updateRows}, {@link Comm#updateColumns},
     * {@link Comm#updateSynapses} and the soft-bound forms, every form) are supported}
     */
    boolean supportsPlasticity();

    /**
     * {@return whether the comm delivers through synapses that each have their own axonal delay
     * ({@link Comm#propagateSpikes(String, SynapseDelays, float[])} and, with plasticity, the delayed
     * {@link Comm#updateRows(String, SynapseDelays, float[], float, float, float)} and
     * {@link Comm#updateColumns(String, SpikeBuffer, SynapseDelays, float[], float, float, float)})}
     */
    default boolean supportsSynapseDelays() {
        return false;
    }

    /** {@return the connector used when the config names none, or null when one is required} */
    default String defaultConnector() {
        return null;
    }

    /**
     * Estimates the memory {@link #create} will allocate for a projection, so that the engine can
     * refuse a network that cannot fit before it allocates anything. The engine adds its own share
     * (the connectivity and one float per synapse for the initial weights).
     *
     * @param params   validated parameters
     * @param preSize  number of pre neurons
     * @param postSize number of post neurons
     * @param synapses the connector's estimate of the number of synapses
     * @return bytes the comm allocates beyond the weights array it is handed (0 when it keeps it)
     * @throws IllegalArgumentException if the comm cannot hold such a projection at all, for example
     *                                  when one of its arrays would exceed the largest Java array;
     *                                  the message is shown to the user at the comm's config path
     */
    default long estimateBytes(Params params, int preSize, int postSize, long synapses) {
        return 0;
    }

    /**
     * {@return whether this comm's {@link Comm#weightCells()} give each synapse a cell of their own (a dense
     * matrix), so that a synapse model walking the synapses reads its values per synapse} For the memory
     * check before a build ({@link SynapseModel#deliveryBytesPerSynapse}); false by default.
     */
    default boolean weightsInCells() {
        return false;
    }

    /**
     * Creates the comm layer of one projection.
     *
     * @param params       validated parameters
     * @param context      allocation and seed
     * @param connectivity the connected pairs
     * @param weights      initial weight per synapse in connectivity order (uS or nA); the comm
     *                     either keeps this array as its live weights or copies the values into
     *                     arrays it allocates through {@code context}, so that checkpoints see them
     * @return the comm
     */
    Comm create(Params params, BuildContext context, Connectivity connectivity, float[] weights);

    /**
     * A created comm layer. Weights are addressed in {@link Connectivity} order.
     *
     * <p>Every weight update has the same float semantics in every comm, so that swapping one comm
     * for another gives bit-identical weights: {@code w = clip(w + s * v, wMin, wMax)} where
     * {@code s} is computed first as {@code factor} (or {@code factor * scale[i]}) and {@code v} is
     * the per-neuron or per-synapse value. Clipping with infinite bounds leaves the value unchanged.
     */
    interface Comm {

        /** {@return number of synapses} */
        int synapses();

        /**
         * {@return the connected pairs, in the order in which weights are addressed}; rules that keep
         * state per synapse (an eligibility trace) walk it
         */
        Connectivity connectivity();

        /**
         * {@return the array that holds the live weights in connectivity order, when the comm keeps
         * one (then a device backend can record them there), or null}. It is for reading: rules change
         * weights through the update tasks below, which tell the comm that its weights will change (a
         * comm may skip its weight array while they are all the same).
         */
        default float[] liveWeights() {
            return null;
        }

        /**
         * {@return the live weights as the comm lays them out and where each synapse's lies, for a synapse
         * model that walks the synapses itself (TsodyksMarkram), or null when the comm keeps no weight per
         * synapse} By default {@link #liveWeights()} in connectivity order.
         */
        default WeightCells weightCells() {
            float[] w = liveWeights();
            return w == null ? null : new WeightCells(w, null);
        }

        /**
         * {@return with per-synapse delays, the index the comm delivers through (each row's synapses by
         * delay), for a synapse model that walks the synapses itself, or null when the comm has none}
         *
         * @param arrival the projection's delays, as given to {@link #propagateSpikes(String, SynapseDelays,
         *                float[])}
         */
        default DelayedRows delayedRows(SynapseDelays arrival) {
            return null;
        }

        /**
         * {@return the live weights in connectivity order, for a rule that changes each synapse's weight
         * itself (a rule written as equations with state per synapse), or null when the comm keeps no such
         * array}. Asking for them tells the comm that its weights will change, as making an update task
         * does; the rule writes only the weights of the synapses its tasks touch.
         */
        default float[] writableWeights() {
            return null;
        }

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

        /**
         * For rules whose change on a pre spike is a product of a pre and a post quantity (the triplet
         * rule's {@code o1[j] * (A2- + A3- r2[i])}): for each spiking pre neuron i and each synapse
         * (i, j), {@code w += (factor * preScale[i]) * postValues[j]}, then clip to [wMin, wMax].
         *
         * @param name       the task's name, for listings
         * @param factor     the scale of the change
         * @param wMin       the lower weight bound, or negative infinity
         * @param wMax       the upper weight bound, or positive infinity
         * @return the task
         * @param pre        the pre spikes arriving this step
         * @param preScale   one scale per pre neuron
         * @param postValues one value per post neuron
         */
        default StepTask updateRows(String name, SpikeBuffer pre, float[] preScale, float[] postValues,
                                    float factor, float wMin, float wMax) {
            throw new UnsupportedOperationException("this comm does not support plasticity");
        }

        /**
         * The column form of the scaled update: for each spiking post neuron j and each synapse
         * (i, j), {@code w += (factor * postScale[j]) * preValues[i]}, then clip to [wMin, wMax].
         *
         * @param name       the task's name, for listings
         * @param factor     the scale of the change
         * @param wMin       the lower weight bound, or negative infinity
         * @param wMax       the upper weight bound, or positive infinity
         * @return the task
         * @param post       the post spikes of the last post update
         * @param preValues  one value per pre neuron
         * @param postScale  one scale per post neuron
         */
        default StepTask updateColumns(String name, SpikeBuffer post, float[] preValues, float[] postScale,
                                       float factor, float wMin, float wMax) {
            throw new UnsupportedOperationException("this comm does not support plasticity");
        }

        /**
         * {@link #updateRows(String, SpikeBuffer, float[], float, float, float)} with the factor and the bounds
         * given per synapse, for a rule whose parameters vary per synapse (STDP's A2 or W_max drawn from an
         * initializer): for each spiking pre neuron i and each synapse k = (i, j),
         * {@code w_k = clip(w_k + factor[k] * postValues[j], wMin[k], wMax[k])}. With every factor and bound the
         * same it gives the scalar form's floats. The comm may copy the arrays into its own layout when the
         * task is made.
         *
         * @param name       the task's name, for listings
         * @param pre        the pre spikes that arrive this step
         * @param postValues one value per post neuron, such as a post trace
         * @param factor     one scale per synapse, in connectivity order (weight unit per value unit)
         * @param wMin       one lower bound per synapse, in connectivity order, or negative infinity
         * @param wMax       one upper bound per synapse, in connectivity order, or positive infinity
         * @return the task
         * @throws UnsupportedOperationException when {@link CommModel#supportsPlasticity()} is false
         */
        default StepTask updateRowsPerSynapse(String name, SpikeBuffer pre, float[] postValues, float[] factor,
                                              float[] wMin, float[] wMax) {
            throw new UnsupportedOperationException("this comm does not support plasticity with values per synapse");
        }

        /**
         * The column form of {@link #updateRowsPerSynapse}: for each spiking post neuron j and each synapse
         * k = (i, j), {@code w_k = clip(w_k + factor[k] * preValues[i], wMin[k], wMax[k])}.
         *
         * @param name      the task's name, for listings
         * @param post      the post spikes of the last post update
         * @param preValues one value per pre neuron, such as a pre trace
         * @param factor    one scale per synapse, in connectivity order
         * @param wMin      one lower bound per synapse, in connectivity order
         * @param wMax      one upper bound per synapse, in connectivity order
         * @return the task
         * @throws UnsupportedOperationException when {@link CommModel#supportsPlasticity()} is false
         */
        default StepTask updateColumnsPerSynapse(String name, SpikeBuffer post, float[] preValues, float[] factor,
                                                 float[] wMin, float[] wMax) {
            throw new UnsupportedOperationException("this comm does not support plasticity with values per synapse");
        }

        /**
         * {@link #updateRowsPerSynapse(String, SpikeBuffer, float[], float[], float[], float[])} with an offset per
         * synapse taken from the post value, for a change such as inhibitory STDP's {@code eta * (x_post - alpha)}
         * with alpha given per synapse: for each spiking pre neuron i and each synapse k = (i, j),
         * {@code w_k = clip(w_k + factor[k] * (postValues[j] - offset[k]), wMin[k], wMax[k])}, in float, so that
         * equal offsets give the floats of the post factor {@code postValues[j] - offset} computed once per neuron.
         *
         * @param name       the task's name, for listings
         * @param pre        the pre spikes that arrive this step
         * @param postValues one value per post neuron, such as a post trace
         * @param offset     one value per synapse, in connectivity order, in the unit of postValues
         * @param factor     one scale per synapse, in connectivity order (weight unit per value unit)
         * @param wMin       one lower bound per synapse, in connectivity order, or negative infinity
         * @param wMax       one upper bound per synapse, in connectivity order, or positive infinity
         * @return the task
         * @throws UnsupportedOperationException when the comm has no such update
         */
        default StepTask updateRowsOffsetPerSynapse(String name, SpikeBuffer pre, float[] postValues, float[] offset,
                                                    float[] factor, float[] wMin, float[] wMax) {
            throw new UnsupportedOperationException("this comm does not support plasticity with offsets per synapse");
        }

        /**
         * The column form of {@link #updateRowsOffsetPerSynapse}: for each spiking post neuron j and each synapse
         * k = (i, j), {@code w_k = clip(w_k + factor[k] * (preValues[i] - offset[k]), wMin[k], wMax[k])}.
         *
         * @param name      the task's name, for listings
         * @param post      the post spikes of the last post update
         * @param preValues one value per pre neuron, such as a pre trace
         * @param offset    one value per synapse, in connectivity order, in the unit of preValues
         * @param factor    one scale per synapse, in connectivity order
         * @param wMin      one lower bound per synapse, in connectivity order
         * @param wMax      one upper bound per synapse, in connectivity order
         * @return the task
         * @throws UnsupportedOperationException when the comm has no such update
         */
        default StepTask updateColumnsOffsetPerSynapse(String name, SpikeBuffer post, float[] preValues,
                                                       float[] offset, float[] factor, float[] wMin, float[] wMax) {
            throw new UnsupportedOperationException("this comm does not support plasticity with offsets per synapse");
        }

        /**
         * For weight-dependent (soft-bound) rules on pre spikes: for each spiking pre neuron i and each
         * synapse (i, j), {@code w = clip(w + (factor * postValues[j]) * (|w - ref| / unit)^mu, wMin, wMax)};
         * with {@code mu = 0} it is {@link #updateRows(String, SpikeBuffer, float[], float, float, float)},
         * float for float. Every comm computes it with {@code SoftBoundKernels.change}.
         *
         * @param name       the task's name, for listings
         * @param pre        the pre spikes arriving this step
         * @param postValues one value per post neuron, such as a post trace
         * @param factor     the scale of the change (weight unit per value unit)
         * @param ref        the weight the dependence is measured from (uS or nA), such as W_min
         * @param unit       the weight distance that counts as 1 (uS or nA), such as W_max - W_min
         * @param mu         the exponent of the dependence, 0 (additive) to 1 (multiplicative)
         * @param wMin       the lower weight bound, or negative infinity
         * @param wMax       the upper weight bound, or positive infinity
         * @return the task
         */
        default StepTask updateRowsSoftBound(String name, SpikeBuffer pre, float[] postValues, float factor, float ref,
                                             float unit, float mu, float wMin, float wMax) {
            throw new UnsupportedOperationException("this comm does not support plasticity");
        }

        /**
         * The column form of {@link #updateRowsSoftBound}: for each spiking post neuron j and each synapse
         * (i, j), {@code w = clip(w + (factor * preValues[i]) * (|w - ref| / unit)^mu, wMin, wMax)}.
         *
         * @param name      the task's name, for listings
         * @param post      the post spikes of the last post update
         * @param preValues one value per pre neuron, such as a pre trace
         * @param factor    the scale of the change (weight unit per value unit)
         * @param ref       the weight the dependence is measured from (uS or nA), such as W_max
         * @param unit      the weight distance that counts as 1 (uS or nA)
         * @param mu        the exponent of the dependence
         * @param wMin      the lower weight bound, or negative infinity
         * @param wMax      the upper weight bound, or positive infinity
         * @return the task
         */
        default StepTask updateColumnsSoftBound(String name, SpikeBuffer post, float[] preValues, float factor,
                                                float ref, float unit, float mu, float wMin, float wMax) {
            throw new UnsupportedOperationException("this comm does not support plasticity");
        }

        /**
         * {@link #updateRowsSoftBound} with every coefficient per synapse, in connectivity order: for each
         * arriving pre spike i and synapse k = (i, j),
         * {@code w_k = clip(w_k + (factor[k] * postValues[j]) * (|w_k - ref[k]| / unit[k])^mu[k], wMin[k], wMax[k])}.
         *
         * @param name       the task's name, for listings
         * @param pre        the pre spikes arriving this step
         * @param postValues one value per post neuron, such as a post trace
         * @param factor     per synapse, the scale of the change (weight unit per value unit)
         * @param ref        per synapse, the weight the dependence is measured from (uS or nA)
         * @param unit       per synapse, the weight distance that counts as 1 (uS or nA)
         * @param mu         per synapse, the exponent of the dependence
         * @param wMin       per synapse, the lower weight bound, or negative infinity
         * @param wMax       per synapse, the upper weight bound, or positive infinity
         * @return the task
         */
        default StepTask updateRowsSoftBoundPerSynapse(String name, SpikeBuffer pre, float[] postValues,
                                                       float[] factor, float[] ref, float[] unit, float[] mu,
                                                       float[] wMin, float[] wMax) {
            throw new UnsupportedOperationException("this comm does not support per-synapse plasticity parameters");
        }

        /**
         * The column form of {@link #updateRowsSoftBoundPerSynapse}: for each spiking post neuron j and
         * synapse k = (i, j), the change by {@code factor[k] * preValues[i]}.
         *
         * @param name      the task's name, for listings
         * @param post      the post spikes of the last post update
         * @param preValues one value per pre neuron, such as a pre trace
         * @param factor    per synapse, the scale of the change
         * @param ref       per synapse, the weight the dependence is measured from (uS or nA)
         * @param unit      per synapse, the weight distance that counts as 1 (uS or nA)
         * @param mu        per synapse, the exponent of the dependence
         * @param wMin      per synapse, the lower weight bound, or negative infinity
         * @param wMax      per synapse, the upper weight bound, or positive infinity
         * @return the task
         */
        default StepTask updateColumnsSoftBoundPerSynapse(String name, SpikeBuffer post, float[] preValues,
                                                          float[] factor, float[] ref, float[] unit, float[] mu,
                                                          float[] wMin, float[] wMax) {
            throw new UnsupportedOperationException("this comm does not support per-synapse plasticity parameters");
        }

        /**
         * For triplet STDP with amplitudes per synapse (connectivity order): for each arriving pre spike i and
         * synapse k = (i, j),
         * {@code w_k = clip(w_k + (factor * (pair[k] + triplet[k] * preSlow[i])) * postValues[j], wMin[k], wMax[k])}.
         *
         * @param name       the task's name, for listings
         * @param pre        the pre spikes arriving this step
         * @param preSlow    one value per pre neuron: the slow pre trace just before this step's spikes
         * @param postValues one value per post neuron, such as the fast post trace
         * @param factor     the sign of the change, 1 or -1
         * @param pair       per synapse, the pair amplitude (uS)
         * @param triplet    per synapse, the triplet amplitude (uS)
         * @param wMin       per synapse, the lower weight bound, or negative infinity
         * @param wMax       per synapse, the upper weight bound, or positive infinity
         * @return the task
         */
        default StepTask updateRowsTripletPerSynapse(String name, SpikeBuffer pre, float[] preSlow,
                                                     float[] postValues, float factor, float[] pair,
                                                     float[] triplet, float[] wMin, float[] wMax) {
            throw new UnsupportedOperationException("this comm does not support per-synapse plasticity parameters");
        }

        /**
         * The column form of {@link #updateRowsTripletPerSynapse}: for each spiking post neuron j and synapse
         * k = (i, j), the change {@code (factor * (pair[k] + triplet[k] * postSlow[j])) * preValues[i]}.
         *
         * @param name      the task's name, for listings
         * @param post      the post spikes of the last post update
         * @param preValues one value per pre neuron, such as the fast pre trace
         * @param postSlow  one value per post neuron: the slow post trace just before its spikes
         * @param factor    the sign of the change, 1 or -1
         * @param pair      per synapse, the pair amplitude (uS)
         * @param triplet   per synapse, the triplet amplitude (uS)
         * @param wMin      per synapse, the lower weight bound, or negative infinity
         * @param wMax      per synapse, the upper weight bound, or positive infinity
         * @return the task
         */
        default StepTask updateColumnsTripletPerSynapse(String name, SpikeBuffer post, float[] preValues,
                                                        float[] postSlow, float factor, float[] pair,
                                                        float[] triplet, float[] wMin, float[] wMax) {
            throw new UnsupportedOperationException("this comm does not support per-synapse plasticity parameters");
        }

        /**
         * For rules with state per synapse (reward-modulated STDP): for every synapse k,
         * {@code w_k += factor[0] * values[k]}, then clip to [wMin, wMax]. The factor is read when
         * the task runs, so a rule can change it every step (a reward); while it is 0 the task leaves
         * every weight untouched and costs nothing per synapse.
         *
         * @param name   the task's name, for listings
         * @param values one value per synapse, in connectivity order
         * @param factor a one-element array; {@code factor[0] * values[k]} is in the weight's unit (uS or nA)
         * @param wMin   the lower weight bound, or negative infinity
         * @param wMax   the upper weight bound, or positive infinity
         * @return the task
         */
        default StepTask updateSynapses(String name, float[] values, float[] factor, float wMin, float wMax) {
            throw new UnsupportedOperationException("this comm does not support plasticity");
        }

        /**
         * {@link #updateSynapses} with a scale and bounds per synapse (connectivity order): for every synapse k,
         * {@code w_k = clip(w_k + (scale[k] * factor[0]) * values[k], wMin[k], wMax[k])}; while factor[0] is 0
         * the task leaves every weight untouched.
         *
         * @param name   the task's name, for listings
         * @param values one value per synapse, in connectivity order
         * @param factor a one-element array, read when the task runs
         * @param scale  per synapse, what factor[0] is multiplied by (so that {@code scale[k] * factor[0] *
         *               values[k]} is in the weight's unit)
         * @param wMin   per synapse, the lower weight bound, or negative infinity
         * @param wMax   per synapse, the upper weight bound, or positive infinity
         * @return the task
         */
        default StepTask updateSynapsesPerSynapse(String name, float[] values, float[] factor, float[] scale,
                                                  float[] wMin, float[] wMax) {
            throw new UnsupportedOperationException("this comm does not support per-synapse plasticity parameters");
        }

        /**
         * {@return a task that adds, in step n, the weight of each synapse (i, j) whose pre neuron spiked
         * in step n - 1 - d (d: the synapse's own delay) into {@code target[j]}}; each post neuron receives
         * its inputs in (delay, pre) order
         *
         * @param name    the task's name, for listings
         * @param arrival the per-synapse delays and the pre spike history
         * @param target  one value per post neuron, added to
         * @throws UnsupportedOperationException when {@link CommModel#supportsSynapseDelays()} is false
         */
        default StepTask propagateSpikes(String name, SynapseDelays arrival, float[] target) {
            throw new UnsupportedOperationException("this comm does not support per-synapse delays");
        }

        /**
         * {@link #updateRows(String, SpikeBuffer, float[], float, float, float)} for the synapses whose
         * spike arrives now, each after its own delay: w += factor * postValues[j], clipped.
         *
         * @param name       the task's name, for listings
         * @param arrival    the per-synapse delays and the pre spike history
         * @param postValues one value per post neuron, such as a post trace
         * @param factor     the scale of the change (weight unit per value unit)
         * @param wMin       the lower weight bound, or negative infinity
         * @param wMax       the upper weight bound, or positive infinity
         * @return the task
         * @throws UnsupportedOperationException when {@link CommModel#supportsSynapseDelays()} or
         *                                       {@link CommModel#supportsPlasticity()} is false
         */
        default StepTask updateRows(String name, SynapseDelays arrival, float[] postValues, float factor,
                                    float wMin, float wMax) {
            throw new UnsupportedOperationException("this comm does not support per-synapse delays");
        }

        /**
         * {@link #updateRowsPerSynapse(String, SpikeBuffer, float[], float[], float[], float[])} for the synapses
         * whose spike arrives now, each after its own delay.
         *
         * @param name       the task's name, for listings
         * @param arrival    the per-synapse delays and the pre spike history
         * @param postValues one value per post neuron, such as a post trace
         * @param factor     one scale per synapse, in connectivity order
         * @param wMin       one lower bound per synapse, in connectivity order
         * @param wMax       one upper bound per synapse, in connectivity order
         * @return the task
         * @throws UnsupportedOperationException when {@link CommModel#supportsSynapseDelays()} or
         *                                       {@link CommModel#supportsPlasticity()} is false
         */
        default StepTask updateRowsPerSynapse(String name, SynapseDelays arrival, float[] postValues, float[] factor,
                                              float[] wMin, float[] wMax) {
            throw new UnsupportedOperationException("this comm does not support per-synapse delays");
        }

        /**
         * {@link #updateColumns(String, SpikeBuffer, SynapseDelays, float[], float, float, float)} with a factor
         * and bounds per synapse (connectivity order): w_k = clip(w_k + factor[k] * x, wMin[k], wMax[k]).
         *
         * @param name       the task's name, for listings
         * @param post       the post spikes of the last post update
         * @param arrival    the per-synapse delays and the pre spike history
         * @param preHistory {@code arrival.slots} rows of one value per pre neuron
         * @param factor     one scale per synapse, in connectivity order
         * @param wMin       one lower bound per synapse, in connectivity order
         * @param wMax       one upper bound per synapse, in connectivity order
         * @return the task
         * @throws UnsupportedOperationException when {@link CommModel#supportsSynapseDelays()} or
         *                                       {@link CommModel#supportsPlasticity()} is false
         */
        default StepTask updateColumnsPerSynapse(String name, SpikeBuffer post, SynapseDelays arrival,
                                                 float[] preHistory, float[] factor, float[] wMin, float[] wMax) {
            throw new UnsupportedOperationException("this comm does not support per-synapse delays");
        }

        /**
         * {@link #updateColumns(String, SpikeBuffer, float[], float, float, float)} where each synapse
         * (i, j) of delay d reads the pre value of d steps ago: in step n,
         * {@code w += factor * preHistory[((n - d) % arrival.slots) * preSize + i]} (0 when n - d &lt; 0),
         * clipped. The caller stores each step's values in its slot before this task runs.
         *
         * @param name       the task's name, for listings
         * @param post       the post spikes of the last post update
         * @param arrival    the per-synapse delays and the pre spike history
         * @param preHistory {@code arrival.slots} rows of one value per pre neuron
         * @param factor     the scale of the change (weight unit per value unit)
         * @param wMin       the lower weight bound, or negative infinity
         * @param wMax       the upper weight bound, or positive infinity
         * @return the task
         * @throws UnsupportedOperationException when {@link CommModel#supportsSynapseDelays()} or
         *                                       {@link CommModel#supportsPlasticity()} is false
         */
        default StepTask updateColumns(String name, SpikeBuffer post, SynapseDelays arrival, float[] preHistory,
                                       float factor, float wMin, float wMax) {
            throw new UnsupportedOperationException("this comm does not support per-synapse delays");
        }
    }
}
