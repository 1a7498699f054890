package io.spikeforge.it;

import io.spikeforge.core.sim.Network;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A plasticity rule's names that are none of its own resolve to the post neurons' variables, as Brian2's
 * {@code Synapses} resolve them ({@code on_pre='v += w'} sets the post neurons' {@code v}, ahead of a
 * parameter of that name, without a declaration): the same floats as the rule that declares {@code v_post}
 * and writes {@code v_post += w}, and the analytic jumps and decay of a leaky {@code v}.
 */
class UnsuffixedNamesTest {

    private static final String CONFIG = """
            dt: 0.1
            duration: 40
            models:
              - name: Leaky
                kind: neuron
                equations: "dv/dt = -v/tau : volt"
                parameters: {tau: 10 ms}
                threshold: v > 1*volt
                reset: v = 0*volt
                method: exact
              - name: Bump                 # v is the post neurons', not the parameter (Brian2's internal variable first)
                kind: plasticity
                equations: "w : volt"
                on_pre: v += w
                parameters: {v: 3 mV}
              - name: BumpPost
                kind: plasticity
                equations: |
                  w : volt
                  v_post : volt
                on_pre: v_post += w
            inputs:
              - {name: src, type: SpikeTimes, size: 1, times: [10, 20]}
            populations:
              - {name: a, size: 2, neuron: Leaky}
              - {name: b, size: 2, neuron: Leaky}
            projections:
              - {name: bare, pre: src, post: a, comm: {type: EventCSRLinear, conn: All2All, weight: 0.5},
                 plasticity: Bump}
              - {name: declared, pre: src, post: b, comm: {type: EventCSRLinear, conn: All2All, weight: 0.5},
                 plasticity: BumpPost}
            monitors:
              - {target: a, var: v}
              - {target: b, var: v}
            """;

    @Test
    void anUnsuffixedNameSetsThePostNeuronsVariable() {
        for (int threads : new int[] {1, 2}) {
            Network net = Sims.run(CONFIG, threads);
            for (int j = 0; j < 2; j++) {
                float[] bare = Sims.column(net, "a.v", j);
                assertArrayEquals(Sims.column(net, "b.v", j), bare, "v of neuron " + j + " on " + threads + " thread(s)");
                // The spike at 10 ms acts in on_pre before the next integration: row 101 holds 0.5 mV decayed
                // over one step, each row after decays by exp(-dt/tau), and the spike at 20 ms adds the same.
                assertEquals(0, bare[100]);
                for (int r = 101; r < 400; r++) {
                    double v = 0.5 * Math.exp(-0.1 * (r - 100) / 10) + (r > 200 ? 0.5 * Math.exp(-0.1 * (r - 200) / 10) : 0);
                    assertEquals(v, bare[r], 1e-6, "v of neuron " + j + " in row " + r);
                }
            }
        }
    }

    @Test
    void brian2sStdpExampleWritesGeWithoutItsSuffix() {
        // examples/brian2/STDP.yaml has Brian2's own on_pre 'ge += w'; declared as 'ge_post : 1' and written
        // 'ge_post += w', the rule gives the same spikes and weights.
        String file = Sims.root().resolve("examples/brian2/STDP.yaml").toString();
        String pasted;
        try {
            pasted = java.nio.file.Files.readString(java.nio.file.Path.of(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String brian2 = pasted.replace("duration: 100000", "duration: 3000");
        String suffixed = brian2.replace("      w : 1\n", "      w : 1\n      ge_post : 1\n")
                .replace("ge += w", "ge_post += w");
        org.junit.jupiter.api.Assertions.assertNotEquals(brian2, suffixed);
        Network declared = Sims.run(suffixed, 1);
        Network bare = Sims.run(brian2, 1);
        int[] spikes = Sims.spikes(declared, "neurons.spike");
        assertArrayEquals(spikes, Sims.spikes(bare, "neurons.spike"));
        assertArrayEquals(Sims.weights(declared, "S"), Sims.weights(bare, "S"));
        assertEquals(true, spikes.length > 20, "the neuron fires: " + spikes.length / 2 + " spikes");
    }
}
