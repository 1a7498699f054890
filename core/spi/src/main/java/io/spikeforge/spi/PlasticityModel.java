package io.spikeforge.spi;

import java.util.List;

/**
 * A plasticity rule, for example {@code STDP_Song2000}. Its tasks run at two points of a step: in the
 * projection, after the delayed pre spikes are known and before the current is delivered through
 * the (updated) weights; and after the post group has updated.
 */
public interface PlasticityModel extends ModelFactory {

    @Override
    default ModelKind kind() {
        return ModelKind.PLASTICITY;
    }

    /**
     * Creates the rule for one projection.
     *
     * @param params  validated parameters
     * @param context allocation (traces), dt (ms) and clock
     * @param comm    the projection's comm; its model supports plasticity
     * @param pre     the pre spikes as they arrive after the axonal delay, this step
     * @param post    the post spikes of the last post update (before the post updates this step)
     * @return the rule's tasks
     */
    Plasticity create(Params params, BuildContext context, CommModel.Comm comm, SpikeBuffer pre, SpikeBuffer post);

    /**
     * {@return whether the rule itself gives the post neurons their input (Brian2's {@code (summed)}
     * variables), so that its projection takes no synapse and output model}
     */
    default boolean delivers() {
        return false;
    }

    /** {@return whether {@link #create(Params, BuildContext, CommModel.Comm, SynapseDelays, SpikeBuffer)} is supported} */
    default boolean supportsSynapseDelays() {
        return false;
    }

    /**
     * Creates the rule on a projection whose synapses each have their own axonal delay: a pre spike
     * acts at each synapse when it arrives there, and a post spike sees at each synapse the pre trace
     * as that synapse's delayed arrivals made it.
     *
     * @param params  validated parameters
     * @param context allocation, dt and seed
     * @param comm    the comm whose weights the rule changes
     * @param arrival the per-synapse delays and the pre spike history; {@code arrival.spikes} are the pre
     *                spikes before any delay
     * @param post    the post spikes
     * @return the rule's tasks
     * @throws UnsupportedOperationException when {@link #supportsSynapseDelays()} is false
     */
    default Plasticity create(Params params, BuildContext context, CommModel.Comm comm, SynapseDelays arrival,
                              SpikeBuffer post) {
        throw new UnsupportedOperationException(name() + " does not support per-synapse delays");
    }

    /** A created rule. */
    interface Plasticity {

        /** {@return tasks run in the projection before delivery: pre traces and weight updates} */
        List<StepTask> beforeDelivery();

        /** {@return tasks run after the post group updated this step, for example the post trace} */
        List<StepTask> afterPostUpdate();

        /** {@return the lower weight bound, or NaN when there is none or each synapse has its own} */
        default double wMin() {
            return Double.NaN;
        }

        /** {@return the upper weight bound, or NaN when there is none or each synapse has its own} */
        default double wMax() {
            return Double.NaN;
        }

        /**
         * {@return a rule made of these tasks and bounds}
         *
         * @param beforeDelivery tasks run in the projection before delivery
         * @param afterPostUpdate tasks run after the post group updated
         * @param wMin           the lower weight bound, or NaN
         * @param wMax           the upper weight bound, or NaN
         */
        static Plasticity of(List<StepTask> beforeDelivery, List<StepTask> afterPostUpdate, double wMin, double wMax) {
            List<StepTask> before = List.copyOf(beforeDelivery);
            List<StepTask> after = List.copyOf(afterPostUpdate);
            return new Plasticity() {
                @Override
                public List<StepTask> beforeDelivery() {
                    return before;
                }

                @Override
                public List<StepTask> afterPostUpdate() {
                    return after;
                }

                @Override
                public double wMin() {
                    return wMin;
                }

                @Override
                public double wMax() {
                    return wMax;
                }
            };
        }
    }
}
