package io.spikeforge.core.sim;

import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.PlasticityModel;

/**
 * One block of rows of a projection, with its own comm, rule and int-indexed synapses. A projection
 * has one block unless it holds more synapses than one int-indexed block can.
 *
 * @param firstSynapse   the projection-wide index of this block's synapse 0
 * @param comm           the comm holding this block's weights
 * @param plasticity     this block's rule, or null
 * @param initialWeights weights at the start of the run, in connectivity order (for a static projection,
 *                       whose weights never change, the live weights themselves)
 * @param connectivity   this block's pairs; rows outside the block are empty
 * @param delaySteps     each synapse's own delay in steps (connectivity order), or null when the projection
 *                       has one delay
 */
public record ProjectionBlock(long firstSynapse, CommModel.Comm comm, PlasticityModel.Plasticity plasticity,
                              float[] initialWeights, Connectivity connectivity, short[] delaySteps) {

    /** A block of a projection with one delay. */
    public ProjectionBlock(long firstSynapse, CommModel.Comm comm, PlasticityModel.Plasticity plasticity,
                           float[] initialWeights, Connectivity connectivity) {
        this(firstSynapse, comm, plasticity, initialWeights, connectivity, null);
    }

    /** @return this block with {@code rule} as its plasticity */
    public ProjectionBlock withPlasticity(PlasticityModel.Plasticity rule) {
        return new ProjectionBlock(firstSynapse, comm, rule, initialWeights, connectivity, delaySteps);
    }

    /** @return this block with each synapse's own delay */
    public ProjectionBlock withDelaySteps(short[] steps) {
        return new ProjectionBlock(firstSynapse, comm, plasticity, initialWeights, connectivity, steps);
    }

    /** @return this block's weights now: the comm's own array when it keeps one, else a copy */
    public float[] weightsNow() {
        float[] live = comm.liveWeights();
        if (live != null && live.length == comm.synapses()) {
            return live;
        }
        float[] w = new float[comm.synapses()];
        comm.copyWeights(w);
        return w;
    }
}
