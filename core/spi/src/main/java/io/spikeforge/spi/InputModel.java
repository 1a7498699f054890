package io.spikeforge.spi;

/**
 * An input: either a current added to a population every step (nA), or a spike source that acts as
 * the pre side of projections. Inputs update with the neuron groups, so a source's spike in step n
 * reaches its targets in step n + 1 + delay/dt, as a neuron's would.
 */
public interface InputModel extends ModelFactory {

    @Override
    default ModelKind kind() {
        return ModelKind.INPUT;
    }

    /** {@return true for a spike source (the config gives it a size), false for a current} */
    boolean spikeSource();

    /**
     * Creates one input.
     *
     * @param params  validated parameters
     * @param context dt (ms), clock and seed
     * @param size    the target population's size (current) or the source's size (spike source)
     * @param current for a current: the target's input current in nA to add to; null otherwise
     * @param spikes  for a spike source: flags to write for every neuron; null otherwise
     * @return the task run once per step
     */
    StepTask create(Params params, BuildContext context, int size, float[] current, int[] spikes);
}
