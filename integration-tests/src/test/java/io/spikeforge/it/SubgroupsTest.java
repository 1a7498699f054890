package io.spikeforge.it;

import io.spikeforge.core.sim.Network;
import io.spikeforge.spi.Connectivity;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Projections between slices of groups, Brian2's subgroups ({@code pre: "P[:3200]"}): the connector draws
 * pairs between the slices, which the network holds in the whole groups' numbering.
 */
class SubgroupsTest {

    private static Network wire(int size, String pre, String post, String conn) {
        return Sims.run("""
                dt: 0.1
                duration: 1
                populations:
                  - {name: P, size: %d, neuron: LifRef}
                projections:
                  - {name: x, pre: "%s", post: "%s", comm: {type: EventCSRLinear, conn: %s, weight: 0.5},
                     syn: {type: Expon, tau: 5}, out: COBA}
                """.formatted(size, pre, post, conn), 1);
    }

    @Test
    void aSliceToASliceConnectsOnlyThoseNeuronsInTheGroupsNumbering() {
        Connectivity c = wire(6, "P[1:3]", "P[4:]", "All2All").projection("x").connectivity();
        assertEquals(6, c.preSize());
        assertEquals(6, c.postSize());
        assertArrayEquals(new int[] {0, 0, 2, 4, 4, 4, 4}, c.rowPtr());
        assertArrayEquals(new int[] {4, 5, 4, 5}, c.cols());
    }

    @Test
    void negativeBoundsCountFromTheEnd() {
        Connectivity c = wire(5, "P[-2:]", "P[:-4]", "All2All").projection("x").connectivity();
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 2}, c.rowPtr());
        assertArrayEquals(new int[] {0, 0}, c.cols());
    }

    @Test
    void slicesFromTheSameNeuronLeaveOutSelfConnectionsWhenAsked() {
        Connectivity c = wire(4, "P[:2]", "P", "{type: FixedProb, prob: 1, allow_self: false}")
                .projection("x").connectivity();
        assertArrayEquals(new int[] {0, 3, 6, 6, 6}, c.rowPtr());
        assertArrayEquals(new int[] {1, 2, 3, 0, 2, 3}, c.cols());
    }

    @Test
    void aSliceOntoItsWholeGroupHasRowsForTheSliceOnly() {
        Connectivity c = wire(4, "P[2:]", "P", "{type: FixedProb, prob: 1}").projection("x").connectivity();
        assertArrayEquals(new int[] {0, 0, 0, 4, 8}, c.rowPtr());
        assertArrayEquals(new int[] {0, 1, 2, 3, 0, 1, 2, 3}, c.cols());
    }

    @Test
    void spikesOfTheSlicedSourceReachOnlyTheSlicedTargets() {
        Network net = Sims.run("""
                dt: 0.1
                duration: 3
                inputs:
                  - {name: S, type: SpikeTimes, size: 4, times: [1.0, 1.0], indices: [0, 3]}
                populations:
                  - {name: P, size: 3, neuron: {type: Lif, V_th: 1000}}
                projections:
                  - {name: x, pre: "S[2:]", post: "P[1:2]", comm: {type: EventCSRLinear, conn: All2All, weight: 0.5},
                     syn: {type: Expon, tau: 8}, out: CUBA}
                monitors:
                  - {target: x, var: g}
                """, 2);
        // Neuron 3 of S is in the slice and neuron 0 is not: one weight reaches P's neuron 1 in step 11.
        for (int post = 0; post < 3; post++) {
            float[] g = Sims.column(net, "x.g", post);
            assertEquals(0f, g[10], "g of post " + post + " before the spike arrives");
            assertEquals(post == 1 ? 0.5f : 0f, g[11], "g of post " + post + " when it arrives");
        }
    }
}
