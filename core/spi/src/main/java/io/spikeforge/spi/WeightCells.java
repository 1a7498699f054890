package io.spikeforge.spi;

/**
 * A comm's live weights as it lays them out, for a synapse model that walks the synapses itself: synapse k
 * (connectivity order) has weight {@code weights[cells[k]]}, or {@code weights[k]} when {@code cells} is
 * null (the sparse comms). Dense's matrix has a cell per pre x post pair.
 *
 * @param weights the live weights (uS or nA), for reading
 * @param cells   each synapse's place in {@code weights}, or null when it is the synapse's index
 */
public record WeightCells(float[] weights, int[] cells) {
}
