package io.spikeforge.it;

import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OneToOne between equal-sized slices of groups of different sizes (issue 17's mend): neuron from + k of
 * the pre slice drives neuron k of the post slice, as EventCSRLinear over the One2One connector's pairs
 * does, with plasticity too; slices of different sizes are refused with the slices' sizes.
 */
class OneToOneSlicesTest {

    private static String network(String comm, String pre, String post) {
        return """
                dt: 0.1
                duration: 300
                seed: 5
                inputs:
                  - {name: a, type: PoissonSpikes, size: 30, rate: 40}
                populations:
                  - {name: b, size: 15, neuron: {type: LifRef, V_rest: -70, V_reset: -65, V_th: -55, tau: 10}}
                projections:
                  - name: p
                    pre: "%s"
                    post: "%s"
                    comm: %s
                    syn: {type: Expon, tau: 5}
                    out: COBA
                    plasticity: {type: STDP_Song2000, A1: 0.01, A2: 0.0105, W_min: 0, W_max: 3}
                monitors:
                  - {target: b, var: spike}
                """.formatted(pre, post, comm);
    }

    @Test
    void equalSizedSlicesOfGroupsOfDifferentSizesPairNeuronByNeuron() {
        Network o2o = Sims.run(network("{type: OneToOne, weight: 2.0}", "a[10:20]", "b[:10]"), 1);
        Network csr = Sims.run(network("{type: EventCSRLinear, conn: One2One, weight: 2.0}", "a[10:20]", "b[:10]"), 2);
        int[] spikes = Sims.spikes(o2o, "b.spike");
        assertTrue(spikes.length > 40, "the post slice fires: " + spikes.length / 2);
        for (int s = 1; s < spikes.length; s += 2) {
            assertTrue(spikes[s] < 10, "only b[:10] is driven, not neuron " + spikes[s]);
        }
        assertArrayEquals(Sims.spikes(csr, "b.spike"), spikes);
        float[] w = Sims.weights(o2o, "p");
        assertEquals(10, w.length);
        assertArrayEquals(Sims.weights(csr, "p"), w);
        float[] w0 = o2o.projection("p").initialWeights();
        assertTrue(java.util.stream.IntStream.range(0, w.length).anyMatch(k -> w[k] != w0[k]), "STDP moved the weights");
    }

    @Test
    void aSliceOfThePostGroupTakesTheWholePreGroup() {
        Network o2o = Sims.run(network("{type: OneToOne, weight: 2.0}", "a", "b[:15]").replace("size: 30", "size: 15"),
                1);
        Network csr = Sims.run(network("{type: EventCSRLinear, conn: One2One, weight: 2.0}", "a", "b[:15]")
                .replace("size: 30", "size: 15"), 1);
        assertArrayEquals(Sims.spikes(csr, "b.spike"), Sims.spikes(o2o, "b.spike"));
        assertArrayEquals(Sims.weights(csr, "p"), Sims.weights(o2o, "p"));
    }

    private static List<String> errors(String yaml) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Sims.ENGINE.build(Sims.ENGINE.parse(yaml, "bad.yaml", Overrides.NONE)));
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void slicesOfDifferentSizesAreRefusedWithTheSlicesSizes() {
        assertEquals(List.of("projections[0].comm.conn: One2One: pre and post must have the same size, got 10 pre and 4"
                        + " post neurons"),
                errors(network("{type: OneToOne, weight: 2.0}", "a[10:20]", "b[3:7]")));
    }

    @Test
    void pairsThatAreNotOneToOneAreRefusedWithWhatTheyAre() {
        assertEquals(List.of("projections[0].comm: OneToOne: needs pairs (i, i) of equal-sized pre and post (or slices"
                        + " of them), as the One2One connector makes them; got 9 pairs from 3 pre onto 3 post neurons"),
                errors(network("{type: OneToOne, conn: All2All, weight: 2.0}", "a[10:13]", "b[:3]")));
    }
}
