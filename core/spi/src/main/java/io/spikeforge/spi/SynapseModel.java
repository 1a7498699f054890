package io.spikeforge.spi;

import java.util.Set;

/**
 * A synapse model, for example {@code Expon}: state per post neuron (align-post) or per pre neuron
 * (align-pre), driven by the weights that arrive in a step.
 */
public interface SynapseModel extends ModelFactory {

    @Override
    default ModelKind kind() {
        return ModelKind.SYNAPSE;
    }

    /**
     * {@return whether the model keeps its state per pre neuron only}: a kinetic receptor (AMPA) or
     * short-term plasticity (STP) whose state saturates or depletes per spike train, which a sum of
     * weights per post neuron cannot stand for. Its projections align pre unless the config says
     * otherwise, and {@code align: post} is refused. Then {@code input} counts each pre neuron's spikes.
     */
    default boolean statePerPreNeuron() {
        return false;
    }

    /**
     * {@return whether the model keeps state per synapse (Tsodyks-Markram's u and x)}: it then delivers the
     * arriving spikes itself through {@link #deliver}, its projections align post, and {@code align: pre}
     * is refused.
     */
    default boolean statePerSynapse() {
        return false;
    }

    /**
     * {@return the parameters that, given per element, take one value per synapse rather than one per state
     * slot, with these parameters} For a model with {@link #statePerSynapse()}: their values are made when
     * the projection is built, in connectivity order, as a plasticity rule's per-synapse values are (an
     * initializer drawn per synapse, an {@code .npy} file of one value per synapse, or an expression of the
     * synapse's index i and the synapse count N), and {@link Params#values(String)} in {@link #deliver} gives
     * one per synapse. Each must be in {@link #perElement()}. None by default.
     *
     * @param params the model's parameters as the config gives them (a flag may choose)
     */
    default Set<String> perSynapse(Params params) {
        return Set.of();
    }

    /**
     * {@return the bytes per synapse that {@link #deliver} allocates for its parameters, beyond the state
     * variables and the {@link #perSynapse} values the engine makes} For a model with
     * {@link #statePerSynapse()}, for the memory check before a build: a model whose kernels read each
     * synapse's values from one array (values given per post neuron spread to the synapses, or per synapse)
     * counts that array, and the arrays it is made from while they all exist. 0 by default.
     *
     * @param params the model's parameters as the config gives them
     * @param spread whether the per-post values reach the synapses through arrays per synapse: on a comm
     *               with {@link CommModel#weightsInCells()} or with per-synapse delays
     */
    default long deliveryBytesPerSynapse(Params params, boolean spread) {
        return 0;
    }

    /**
     * For a model with {@link #statePerSynapse()}: the task that delivers the spikes arriving this step
     * into {@code input}, in place of the comm's {@link CommModel.Comm#propagateSpikes}; it reads the
     * comm's connectivity and live weights, so that a plasticity rule's updates act. Called once, after
     * {@link #create}, with the same owner.
     *
     * @param params   validated parameters
     * @param context  allocation (the per-synapse state), dt (ms) and clock
     * @param comm     the projection's comm
     * @param arriving the pre spikes that arrive this step, after the axonal delay
     * @param input    one value per post neuron, the {@code input} given to {@link #create}, added to
     * @return the task
     * @throws IllegalArgumentException when the comm cannot serve, for example without live weights
     */
    default StepTask deliver(Params params, BuildContext context, CommModel.Comm comm, SpikeBuffer arriving,
                             float[] input) {
        throw new UnsupportedOperationException(name() + " keeps no state per synapse");
    }

    /**
     * {@link #deliver(Params, BuildContext, CommModel.Comm, SpikeBuffer, float[])} through synapses that each
     * have their own axonal delay: synapse k receives in step n the spike its pre neuron emitted in step
     * {@code n - 1 - arriving.steps[k]}; the model walks {@link CommModel.Comm#delayedRows}.
     *
     * @param params   validated parameters
     * @param context  allocation (the per-synapse state), dt (ms) and clock
     * @param comm     the projection's comm
     * @param arriving the projection's delays and the pre group's spike ring
     * @param input    one value per post neuron, the {@code input} given to {@link #create}, added to
     * @return the task
     * @throws IllegalArgumentException when the comm cannot serve
     */
    default StepTask deliver(Params params, BuildContext context, CommModel.Comm comm, SynapseDelays arriving,
                             float[] input) {
        throw new UnsupportedOperationException(name() + " takes no per-synapse delays");
    }

    /**
     * Creates the synapse state of one projection.
     *
     * @param params  validated parameters
     * @param context allocation, dt (ms) and clock
     * @param size    number of state slots
     * @param input   the sum of weights arriving in this step per slot (uS for conductances, nA for
     *                currents); the update must read it and then set it back to 0
     * @return the synapse state
     */
    SynapseState create(Params params, BuildContext context, int size, float[] input);

    /** Created synapse state. */
    interface SynapseState {

        /** {@return the quantity the output reads per slot: a conductance in uS or a current in nA} */
        float[] g();

        /** {@return the task that advances the state by one step and adds {@code input}} */
        StepTask update();

        /**
         * {@return synapse state over the given output array and update task}
         *
         * @param g      the quantity the output reads per slot (uS or nA)
         * @param update the task that advances the state by one step
         */
        static SynapseState of(float[] g, StepTask update) {
            return new SynapseState() {
                @Override
                public float[] g() {
                    return g;
                }

                @Override
                public StepTask update() {
                    return update;
                }
            };
        }
    }
}
