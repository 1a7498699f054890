package io.spikeforge.spi;

import java.util.List;

/**
 * A synapse model without synaptic state that acts on the neurons' potentials directly, named as the
 * projection's {@code syn} with no {@code out}: a Delta synapse (each arriving weight jumps the post
 * potential) or a gap junction (a current between the potentials of the coupled neurons). The engine
 * calls {@link #couple} instead of {@link #create}.
 */
public interface CouplingModel extends SynapseModel {

    /** Not used for a coupling: the engine calls {@link #couple}. */
    @Override
    default SynapseState create(Params params, BuildContext context, int size, float[] input) {
        throw new UnsupportedOperationException(name() + " is a coupling: the engine calls couple()");
    }

    /**
     * Creates the tasks of one projection.
     *
     * @param params  validated parameters
     * @param context allocation, dt (ms) and clock
     * @param sides   the projection's comm and the arrays of its two sides
     * @return the tasks, by the point of the step at which they run
     */
    Coupling couple(Params params, BuildContext context, Sides sides);

    /**
     * Whether the coupling reads or writes the pre neurons' potentials or currents ({@link Sides#vPre},
     * {@link Sides#currentPre}), as a gap junction does. A process of a network split over processes holds
     * those only for its own neurons, so such a coupling is refused there; one that acts on the post side
     * alone from the arriving spikes (Delta) runs split.
     *
     * @return true unless the coupling never touches the pre side's arrays
     */
    default boolean touchesPre() {
        return true;
    }

    /**
     * What a coupling works on.
     *
     * @param comm        the projection's comm (its weights: mV for Delta, uS for a gap junction)
     * @param arriving    the pre spikes that arrive this step, after the axonal delay
     * @param vPre        the pre potentials in mV (null when pre is a spike source)
     * @param currentPre  the pre input currents in nA, added to (null when pre is a spike source)
     * @param vPost       the post potentials in mV
     * @param currentPost the post input currents in nA, added to
     * @param sameGroup   whether pre and post are one group, so that {@code vPre == vPost}
     * @param delaySteps  the projection's axonal delay in steps (already applied to {@code arriving})
     */
    record Sides(CommModel.Comm comm, SpikeBuffer arriving, float[] vPre, float[] currentPre, float[] vPost,
                 float[] currentPost, boolean sameGroup, int delaySteps) {
    }

    /**
     * The tasks of a created coupling.
     *
     * @param delivery        run with the comms' deliveries, before the synapses and outputs
     * @param beforePostUpdate run with the outputs, reading the potentials before the neurons update
     * @param afterPostUpdate run after the neurons updated this step
     */
    record Coupling(List<StepTask> delivery, List<StepTask> beforePostUpdate, List<StepTask> afterPostUpdate) {

        /** Copies the lists. */
        public Coupling {
            delivery = List.copyOf(delivery);
            beforePostUpdate = List.copyOf(beforePostUpdate);
            afterPostUpdate = List.copyOf(afterPostUpdate);
        }
    }
}
