package io.spikeforge.spi;

/** An output, for example {@code COBA}: turns synaptic state into membrane current. */
public interface OutputModel extends ModelFactory {

    @Override
    default ModelKind kind() {
        return ModelKind.OUTPUT;
    }

    /**
     * Creates the output of one projection.
     *
     * @param params  validated parameters
     * @param context allocation, dt (ms) and clock
     * @param g       synaptic state per post neuron (uS or nA, see {@link SynapseModel.SynapseState#g()})
     * @param v       post membrane potential in mV, as it stands before the post update
     * @param current post input current in nA, to which the task must add
     * @return the task, over the post neurons
     */
    StepTask create(Params params, BuildContext context, float[] g, float[] v, float[] current);
}
