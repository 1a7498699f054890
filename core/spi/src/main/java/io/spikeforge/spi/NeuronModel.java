package io.spikeforge.spi;

/**
 * A neuron model, for example {@code LifRef}. Its update runs once per step after all projections
 * have added their currents (see the step order in the README).
 */
public interface NeuronModel extends ModelFactory {

    @Override
    default ModelKind kind() {
        return ModelKind.NEURON;
    }

    /**
     * Creates the state and update task of a group.
     *
     * @param params  validated parameters
     * @param context allocation, dt (ms) and clock
     * @param size    number of neurons
     * @param current input current per neuron for this step, in nA (R*I in mV with R in MOhm);
     *                the update must read it and then set it back to 0
     * @param spikes  spike flags the update must write for every neuron, 1 or 0
     * @return the group
     */
    NeuronGroup create(Params params, BuildContext context, int size, float[] current, int[] spikes);

    /** A created neuron group. */
    interface NeuronGroup {

        /** {@return the membrane potential per neuron in mV, read by conductance-based outputs} */
        float[] v();

        /** {@return the task that integrates one step} */
        StepTask update();

        /**
         * {@return a task that does, over the state arrays, what {@link #update} does first in registers
         * to the inputs delivered since the last step, or null when it does nothing of the kind: a model
         * whose reset sets a variable to a constant applies it again to the neurons that spiked in the last
         * step, because Brian2 runs the synapses' on_pre before the resets. The network runs it after the
         * deliveries only when a monitor records at the start of the step, which then sees the state
         * Brian2's StateMonitor sees; running it or not changes no result.}
         */
        default StepTask settle() {
            return null;
        }

        /**
         * {@return a group over the given potential and update task}
         *
         * @param v      the membrane potential per neuron, in mV
         * @param update the task that integrates one step
         */
        static NeuronGroup of(float[] v, StepTask update) {
            return of(v, update, null);
        }

        /**
         * {@return a group over the given potential, update task and {@link #settle} task}
         *
         * @param v      the membrane potential per neuron, in mV
         * @param update the task that integrates one step
         * @param settle the task {@link #settle} returns, or null
         */
        static NeuronGroup of(float[] v, StepTask update, StepTask settle) {
            return new NeuronGroup() {
                @Override
                public float[] v() {
                    return v;
                }

                @Override
                public StepTask update() {
                    return update;
                }

                @Override
                public StepTask settle() {
                    return settle;
                }
            };
        }
    }
}
