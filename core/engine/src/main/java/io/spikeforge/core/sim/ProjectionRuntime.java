package io.spikeforge.core.sim;

import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.PlasticityModel;

/**
 * A built projection.
 *
 * @param spec           its config
 * @param comm           the comm holding the weights
 * @param plasticity     the rule, or null
 * @param initialWeights weights at the start of the run, in connectivity order (for a static projection,
 *                       whose weights never change, the live weights themselves)
 * @param connectivity   the connected pairs
 */
public record ProjectionRuntime(NetworkSpec.Projection spec, CommModel.Comm comm, PlasticityModel.Plasticity plasticity,
                                float[] initialWeights, Connectivity connectivity) {

    /** @return the projection's name */
    public String name() {
        return spec.name();
    }

    /**
     * @return synaptic events so far: each pre spike times its fan-out, plus for a plastic projection
     *         each post spike times its fan-in (the column update), as Brian2 counts them
     */
    public long synapticEvents(Group pre, Group post) {
        int[] rowPtr = connectivity.rowPtr();
        long events = 0;
        int[] counts = pre.spikeCounts();
        for (int i = 0; i < counts.length; i++) {
            events += (long) counts[i] * (rowPtr[i + 1] - rowPtr[i]);
        }
        if (plasticity != null) {
            int[] inDegree = new int[post.size()];
            for (int c : connectivity.cols()) {
                inDegree[c]++;
            }
            int[] postCounts = post.spikeCounts();
            for (int j = 0; j < postCounts.length; j++) {
                events += (long) postCounts[j] * inDegree[j];
            }
        }
        return events;
    }
}
