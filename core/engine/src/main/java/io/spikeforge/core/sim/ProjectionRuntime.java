package io.spikeforge.core.sim;

import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.Connectivity;
import io.spikeforge.spi.PlasticityModel;

import java.util.List;

/**
 * A built projection: one block of rows, or several when it holds more synapses than one block's int
 * indices reach. Synapse {@code k} of the projection is synapse {@code k - firstSynapse} of the block
 * that holds it, so the projection-wide order is row-major whether or not it is split.
 *
 * @param spec   its config
 * @param blocks its blocks, in row order
 */
public record ProjectionRuntime(NetworkSpec.Projection spec, List<ProjectionBlock> blocks) {

    /** @return the projection's name */
    public String name() {
        return spec.name();
    }

    /** @return the number of synapses over all blocks */
    public long synapses() {
        ProjectionBlock last = blocks.getLast();
        return last.firstSynapse() + last.comm().synapses();
    }

    /** @return the block that holds projection-wide synapse {@code k} */
    public ProjectionBlock blockOf(long k) {
        for (int b = blocks.size() - 1; b > 0; b--) {
            if (k >= blocks.get(b).firstSynapse()) {
                return blocks.get(b);
            }
        }
        return blocks.getFirst();
    }

    /** @return the weight of projection-wide synapse {@code k} now (uS or nA) */
    public float weight(long k) {
        ProjectionBlock b = blockOf(k);
        return b.comm().weight((int) (k - b.firstSynapse()));
    }

    /** @return the rule of the first block, whose bounds every block shares; null when static */
    public PlasticityModel.Plasticity plasticity() {
        return blocks.getFirst().plasticity();
    }

    /** @return the comm of a projection that is not split */
    public CommModel.Comm comm() {
        return single().comm();
    }

    /** @return the initial weights of a projection that is not split */
    public float[] initialWeights() {
        return single().initialWeights();
    }

    /** @return the pairs of a projection that is not split */
    public Connectivity connectivity() {
        return single().connectivity();
    }

    private ProjectionBlock single() {
        if (blocks.size() != 1) {
            throw new IllegalStateException("projection '" + name() + "' is split into " + blocks.size()
                    + " blocks; read them through blocks()");
        }
        return blocks.getFirst();
    }

    /**
     * @return synaptic events so far: each pre spike times its fan-out, plus for a plastic projection
     *         each post spike times its fan-in (the column update), as Brian2 counts them
     */
    public long synapticEvents(Group pre, Group post) {
        long events = 0;
        int[] counts = pre.spikeCounts();
        long[] inDegree = new long[post.size()];
        for (ProjectionBlock b : blocks) {
            int[] rowPtr = b.connectivity().rowPtr();
            for (int i = 0; i < counts.length; i++) {
                events += (long) counts[i] * (rowPtr[i + 1] - rowPtr[i]);
            }
            if (plasticity() != null) {
                for (int c : b.connectivity().cols()) {
                    inDegree[c]++;
                }
            }
        }
        if (plasticity() != null) {
            int[] postCounts = post.spikeCounts();
            for (int j = 0; j < postCounts.length; j++) {
                events += postCounts[j] * inDegree[j];
            }
        }
        return events;
    }
}
