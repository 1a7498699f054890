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
 * A value monitor with {@code when: start} records as Brian2's StateMonitor does, before each step's
 * update: three LIF neurons written as equations against Brian2 2.5 running the same equations
 * ({@code integration-tests/peers/state_monitor_start.py}, its trace {@code peers/state_monitor_start_brian2.csv},
 * REFERENCES.md), row for row from the initial values, spikes, resets and refractory periods included;
 * and the start monitor's row r + 1 is the end monitor's row r exactly.
 */
class StateMonitorStartTest {

    private static final String CONFIG = """
            dt: 0.1
            duration: 50
            models:
              - name: LifStart
                kind: neuron
                equations: |
                  dv/dt = (v0 - v) / tau : volt (unless refractory)
                  v0 : volt
                parameters: {tau: 10 ms}
                threshold: v > 10*mV
                reset: v = 0*mV
                refractory: 5*ms
                method: exact
                initial: {v: 0*mV, v0: 11*mV + 4*mV*i}
            populations:
              - {name: n, size: 3, neuron: LifStart}
            monitors:
              - {name: at_start, target: n, var: v, when: start}
              - {name: at_end, target: n, var: v}
              - {target: n, var: spike}
            """;

    private static double[][] brian2() throws IOException {
        try (InputStream in = StateMonitorStartTest.class.getResourceAsStream("/peers/state_monitor_start_brian2.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
            double[][] rows = new double[lines.size()][];
            for (int r = 0; r < rows.length; r++) {
                rows[r] = java.util.Arrays.stream(lines.get(r).split(",")).mapToDouble(Double::parseDouble).toArray();
            }
            return rows;
        }
    }

    @Test
    void recordsBeforeEachStepsUpdateAsBrian2sStateMonitor() throws IOException {
        double[][] peer = brian2();
        for (int threads : new int[] {1, 2}) {
            Network net = Sims.run(CONFIG, threads);
            assertEquals(peer.length, ((io.spikeforge.core.sim.ValueMonitor) net.monitor("at_start")).rows(),
                    "one row per step, as Brian2's");
            int resets = 0;
            for (int j = 0; j < 3; j++) {
                float[] start = Sims.column(net, "at_start", j);
                float[] end = Sims.column(net, "at_end", j);
                assertEquals(0, start[0], "row 0 holds the initial value");
                for (int r = 0; r < peer.length; r++) {
                    // float32 against double: a few ulps of 10 mV carried through the exact steps.
                    assertEquals(peer[r][1 + j], start[r], 2e-5, "v of neuron " + j + " at t = " + peer[r][0] + " ms");
                    if (r + 1 < start.length) {
                        assertEquals(end[r], start[r + 1], "the start of step r + 1 is the end of step r");
                    }
                    resets += r > 0 && peer[r][1 + j] == 0 && peer[r - 1][1 + j] > 0 ? 1 : 0;
                }
            }
            assertTrue(resets >= 6, "the trace crosses threshold and resets: " + resets + " resets");
        }
    }
}
