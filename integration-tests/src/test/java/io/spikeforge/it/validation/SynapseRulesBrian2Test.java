package io.spikeforge.it.validation;

import io.spikeforge.core.sim.Network;
import io.spikeforge.it.Sims;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Plasticity rules written as equations with their state per synapse, against Brian2 2.5 running the
 * same equations on the same spikes ({@code integration-tests/peers/synapse_rules.py}; its table is
 * {@code peers/synapse_rules_brian2.csv}, the figures in REFERENCES.md): a multiplicative STDP rule
 * (per-synapse event-driven traces, a change that depends on w) and an eligibility trace integrated
 * per synapse each step (clock-driven) beside a per-synapse counter. Pre and post spikes are fixed:
 * a kick one step earlier makes each post neuron fire at its times, and the plastic weights drive
 * nothing (CUBA into a neuron held by the kick alone is not what moves them: they are too small).
 * A second network gives two passive neurons their input through a {@code (summed)} conductance current
 * (g clock-driven per synapse) and changes each weight by the post potential at each pre spike
 * ({@code v_post}); the projection then has no synapse and output model
 * ({@code peers/synapse_summed.py}, {@code peers/synapse_summed_brian2.csv}). Brian2 computes in double,
 * SpikeForge in float: the bands are float round-off.
 */
class SynapseRulesBrian2Test {

    private static final String MODELS = """
            models:
              - name: MultStdp
                kind: plasticity
                equations: |
                  w : siemens
                  dApre/dt = -Apre/taupre : 1 (event-driven)
                  dApost/dt = -Apost/taupost : 1 (event-driven)
                on_pre: |
                  Apre += dApre
                  w = clip(w + w*Apost, 0*nS, wmax)
                on_post: |
                  Apost += dApost
                  w = clip(w + (wmax - w)*Apre, 0*nS, wmax)
                parameters: {taupre: 20 ms, taupost: 20 ms, wmax: 10 nS, dApre: 0.05, dApost: -0.06}
              - name: Elig
                kind: plasticity
                equations: |
                  w : siemens
                  n : 1
                  delig/dt = -elig/tau_e : 1 (clock-driven)
                on_pre: |
                  elig += 1
                  n += 1
                on_post: w = clip(w + eta*elig, 0*nS, wmax)
                method: exact
                parameters: {tau_e: 30 ms, eta: 0.2 nS, wmax: 10 nS}
            """;

    /** Post spike times (ms) by neuron, as the peer's. */
    private static final double[][] POST = {{15.0, 35.0, 120.0, 230.0}, {11.0, 62.0, 158.0, 240.0}};

    static String config() {
        StringBuilder kickTimes = new StringBuilder();
        StringBuilder kickIndices = new StringBuilder();
        for (int j = 0; j < POST.length; j++) {
            for (double t : POST[j]) {
                kickTimes.append(kickTimes.isEmpty() ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.1f",
                        t - 0.1));
                kickIndices.append(kickIndices.isEmpty() ? "" : ", ").append(j);
            }
        }
        return "dt: 0.1\nduration: 300\n" + MODELS + """
                inputs:
                  - name: src
                    type: SpikeTimes
                    size: 3
                    times: [10.0, 31.0, 95.5, 150.0, 12.0, 40.0, 41.5, 160.2, 60.0, 200.0, 230.0, 230.0]
                    indices: [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 0, 1]
                  - {name: kick, type: SpikeTimes, size: 2, times: [%s], indices: [%s]}
                populations:
                  - {name: post, size: 2, neuron: {type: LifRef, tau_ref: 5}}
                projections:
                  - {name: drive, pre: kick, post: post, comm: {type: EventCSRLinear, conn: One2One, weight: 3000},
                     syn: {type: Expon, tau: 0.1}, out: CUBA}
                  - {name: mult, pre: src, post: post, comm: {type: EventCSRLinear, conn: All2All, weight: 0.005},
                     syn: {type: Expon, tau: 5}, out: CUBA, plasticity: MultStdp}
                  - {name: elig, pre: src, post: post, comm: {type: CSRLinear, conn: All2All, weight: 0.001},
                     syn: {type: Expon, tau: 5}, out: CUBA, plasticity: Elig}
                monitors:
                  - {target: post, var: spike}
                """.formatted(kickTimes, kickIndices);
    }

    private static double[][] brian2() throws IOException {
        try (InputStream in = SynapseRulesBrian2Test.class.getResourceAsStream("/peers/synapse_rules_brian2.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
            return lines.stream().map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble)
                    .toArray()).toArray(double[][]::new);
        }
    }

    @Test
    void perSynapseRulesMatchBrian2OnOneAndTwoThreads() throws IOException {
        double[][] ref = brian2();
        float[] first = null;
        for (int threads : new int[] {1, 2}) {
            Network net = Sims.run(config(), threads);
            int[] spikes = Sims.spikes(net, "post.spike");
            int[] expected = {110, 1, 150, 0, 350, 0, 620, 1, 1200, 0, 1580, 1, 2300, 0, 2400, 1};
            assertArrayEquals(expected, spikes, "the post neurons fire at the peer's post times");
            float[] mult = Sims.weights(net, "mult");
            float[] elig = Sims.weights(net, "elig");
            float[] trace = net.states().find("elig.elig").map(s -> (float[]) s.array()).orElseThrow();
            float[] count = net.states().find("elig.n").map(s -> (float[]) s.array()).orElseThrow();
            assertEquals(6, mult.length);
            for (int k = 0; k < 6; k++) {
                String at = "synapse " + k + " (pre " + (int) ref[k][0] + ", post " + (int) ref[k][1] + ")";
                // nS in Brian2, uS in the engine.
                assertEquals(ref[k][2] * 1e-3, mult[k], 2e-6 * 1e-2, "multiplicative STDP w, " + at);
                assertEquals(ref[k][3] * 1e-3, elig[k], 2e-6 * 1e-2, "eligibility-driven w, " + at);
                assertEquals(ref[k][4], trace[k], 2e-6, "the clock-driven trace, " + at);
                assertEquals(ref[k][5], count[k], 0, "the per-synapse counter, " + at);
            }
            float[] all = new float[12];
            System.arraycopy(mult, 0, all, 0, 6);
            System.arraycopy(elig, 0, all, 6, 6);
            if (first == null) {
                first = all;
            } else {
                assertArrayEquals(first, all, "the same floats on 1 and 2 threads");
            }
        }
    }

    private static final String SUMMED = """
            dt: 0.1
            duration: 120
            models:
              - name: Passive
                kind: neuron
                equations: |
                  dv/dt = (El - v)/tau + I_syn/C : volt
                  I_syn : amp
                parameters: {El: -65 mV, tau: 20 ms, C: 200 pF}
                threshold: v > 1000*mV
                reset: v = El
                method: exact
                initial: {v: El}
              - name: CondSyn
                kind: plasticity
                equations: |
                  w : siemens
                  dg/dt = -g/tau_g : siemens (clock-driven)
                  v_post : volt
                  I_syn_post = g*(E - v_post) : amp (summed)
                on_pre: |
                  g += w
                  w = clip(w + eta*(v_post - theta), 0*nS, wmax)
                method: exact
                parameters: {tau_g: 5 ms, E: 0 mV, eta: 0.01 nS/mV, theta: -60 mV, wmax: 20 nS}
            inputs:
              - name: src
                type: SpikeTimes
                size: 3
                times: [10.0, 31.0, 95.5, 12.0, 40.0, 41.5, 60.0, 62.0, 62.0]
                indices: [0, 0, 0, 1, 1, 1, 2, 2, 0]
            populations:
              - {name: post, size: 2, neuron: Passive}
            projections:
              - {name: cond, pre: src, post: post, comm: {type: EventCSRLinear, conn: All2All, weight: 0.004},
                 plasticity: CondSyn}
            monitors:
              - {target: post, var: v}
            """;

    @Test
    void summedCurrentAndPostPotentialReadsMatchBrian2() throws IOException {
        List<String> lines;
        try (InputStream in = SynapseRulesBrian2Test.class.getResourceAsStream("/peers/synapse_summed_brian2.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
        }
        int split = lines.indexOf("#");
        float[][] first = null;
        for (int threads : new int[] {1, 2}) {
            Network net = Sims.run(SUMMED, threads);
            float[][] v = {Sims.column(net, "post.v", 0), Sims.column(net, "post.v", 1)};
            assertEquals(split, v[0].length, "one row per step");
            for (int r = 0; r < split; r++) {
                String[] ref = lines.get(r).split(",");
                for (int j = 0; j < 2; j++) {
                    assertEquals(Double.parseDouble(ref[j]), v[j][r], 2e-4, "v of post " + j + " after step " + r);
                }
            }
            float[] w = Sims.weights(net, "cond");
            float[] g = net.states().find("cond.g").map(s -> (float[]) s.array()).orElseThrow();
            for (int k = 0; k < 6; k++) {
                String[] ref = lines.get(split + 1 + k).split(",");
                assertEquals(Double.parseDouble(ref[0]) * 1e-3, w[k], 1e-8, "w of synapse " + k);
                assertEquals(Double.parseDouble(ref[1]) * 1e-3, g[k], 1e-9, "g of synapse " + k);
            }
            if (first == null) {
                first = v;
            } else {
                assertArrayEquals(first[0], v[0], "the same floats on 1 and 2 threads");
                assertArrayEquals(first[1], v[1], "the same floats on 1 and 2 threads");
            }
        }
    }
}
