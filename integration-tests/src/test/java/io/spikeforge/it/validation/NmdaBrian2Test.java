package io.spikeforge.it.validation;

import io.spikeforge.core.sim.Network;
import io.spikeforge.it.Sims;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NMDA and BioNMDA (state per pre neuron, MgBlock output) in a small network against Brian2 2.5 running
 * the same equations with the same integration ({@code integration-tests/peers/nmda_receptors.py}; its
 * trace is {@code peers/nmda_receptors_brian2.csv}, the command and figures in REFERENCES.md). Brian2
 * computes in double, SpikeForge in float: the bands below are float round-off carried through 1000
 * steps of a nonlinear system, measured at most a tenth of them.
 */
class NmdaBrian2Test {

    private static final String CONFIG = """
            dt: 0.1
            duration: 100
            inputs:
              - name: src
                type: SpikeTimes
                size: 3
                times: [5, 20, 22, 60, 10, 10.5, 11, 11.5, 40]
                indices: [0, 0, 0, 0, 1, 1, 1, 1, 2]
            populations:
              - {name: post_nmda, size: 1, neuron: {type: Lif, V_rest: -65, V_th: 1000, tau: 20, R: 20}, init: {V: -65}}
              - {name: post_bio, size: 1, neuron: {type: Lif, V_rest: -65, V_th: 1000, tau: 20, R: 20}, init: {V: -65}}
            projections:
              - {name: nmda, pre: src, post: post_nmda, comm: {type: Dense, weight: 0.1}, syn: NMDA, out: MgBlock}
              - {name: bio, pre: src, post: post_bio, comm: {type: Dense, weight: 0.1}, syn: BioNMDA, out: MgBlock}
            monitors:
              - {target: nmda, var: g}
              - {target: nmda, var: x}
              - {target: post_nmda, var: V}
              - {target: bio, var: g}
              - {target: bio, var: x}
              - {target: post_bio, var: V}
            """;

    /** Brian2's trace: row r holds the state after SpikeForge's step r. */
    private static double[][] brian2() throws IOException {
        try (InputStream in = NmdaBrian2Test.class.getResourceAsStream("/peers/nmda_receptors_brian2.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
            double[][] rows = new double[lines.size()][];
            for (int r = 0; r < rows.length; r++) {
                rows[r] = java.util.Arrays.stream(lines.get(r).split(",")).mapToDouble(Double::parseDouble).toArray();
            }
            return rows;
        }
    }

    @Test
    void nmdaAndBioNmdaTracesMatchBrian2() throws IOException {
        double[][] ref = brian2();
        Network net = Sims.run(CONFIG, 2);
        assertEquals(1000, ref.length);
        String[] models = {"nmda", "bio"};
        for (int m = 0; m < 2; m++) {
            int base = 1 + 7 * m;
            double worstG = 0;
            double worstV = 0;
            for (int pre = 0; pre < 3; pre++) {
                float[] g = Sims.column(net, models[m] + ".g", pre);
                float[] x = Sims.column(net, models[m] + ".x", pre);
                for (int r = 0; r < ref.length; r++) {
                    String at = models[m] + " pre " + pre + " after step " + r;
                    assertEquals(ref[r][base + pre], g[r], 1e-5, "g, " + at);
                    assertEquals(ref[r][base + 3 + pre], x[r], 1e-5, "x, " + at);
                    worstG = Math.max(worstG, Math.abs(ref[r][base + pre] - g[r]));
                }
            }
            float[] v = Sims.column(net, "post_" + models[m] + ".V", 0);
            for (int r = 0; r < ref.length; r++) {
                assertEquals(ref[r][base + 6], v[r], 1e-3, models[m] + " post V after step " + r);
                worstV = Math.max(worstV, Math.abs(ref[r][base + 6] - v[r]));
            }
            System.out.printf("NmdaBrian2Test %s: worst |g - g_brian2| %.2e, worst |V - V_brian2| %.2e mV%n",
                    models[m], worstG, worstV);
            double peak = java.util.Arrays.stream(ref).mapToDouble(row -> row[base + 6]).max().orElseThrow();
            assertTrue(peak > -45, "the network depolarises through the block: peak " + peak + " mV");
        }
    }
}
