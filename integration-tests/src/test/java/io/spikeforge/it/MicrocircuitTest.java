package io.spikeforge.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spikeforge.core.sim.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Potjans &amp; Diesmann (2014) microcircuit: a Poisson background straight into the synaptic current
 * (an input's {@code var}) adds its analytic mean there, the down-scaled circuit fires at the full model's
 * published rates, irregularly, and examples/microcircuit.yaml is the bench workload's config.
 */
class MicrocircuitTest {

    /** NEST's examples/Potjans_2014, full scale with Poisson background: L23E, L23I, L4E, ..., L6I (spikes/s). */
    private static final double[] PUBLISHED = {0.971, 2.868, 4.746, 5.396, 8.142, 9.078, 0.991, 7.523};
    private static final String[] POPS = {"L23E", "L23I", "L4E", "L4I", "L5E", "L5I", "L6E", "L6I"};

    @TempDir
    Path tmp;

    @Test
    void poissonInputIntoTheExcitatorySynapticCurrentGivesItsAnalyticMeanAndTheMembraneFollows() {
        // 1000 sources at 8 Hz, 0.01 nA each: k ~ Binomial(1000, 8e-4) kicks of w added to isyn_exc before the
        // step's update (as a projection's on_pre adds), which decays it by e = exp(-dt/tau_syn), tau_syn 0.5 ms;
        // read after the step, its mean is w n p e / (1 - e). Each kick brings the charge w tau_syn, which v
        // integrates exactly: v's mean sits at v_rest + (w n p tau_syn / dt) tau_m / cm once the 10 ms membrane
        // has settled. No spikes (threshold far above).
        Network net = Sims.run("""
                dt: 0.1
                duration: 150
                seed: 5
                populations:
                  - {name: n, size: 200, neuron: {type: iaf_psc_exp, cm: 0.25, tau_m: 10, tau_syn_E: 0.5, v_rest: -65, v_thresh: 100}}
                inputs:
                  - {name: bg, type: PoissonInput, target: n, var: isyn_exc, num: 1000, freq: 8, weight: 0.01}
                monitors:
                  - {name: i, target: n, var: isyn_exc}
                  - {name: v, target: n, var: v}
                """, 2);
        double kick = 0.01 * 1000 * 8e-4;
        double e = Math.exp(-0.1 / 0.5);
        double mean = kick * e / (1 - e);
        assertEquals(mean, meanAfter(net, "i", 200, 500), 0.015 * mean, "isyn_exc, nA");
        assertEquals(-65 + kick * 0.5 / 0.1 * 10 / 0.25, meanAfter(net, "v", 200, 500), 0.03, "v, mV");
    }

    private static double meanAfter(Network net, String monitor, int neurons, int fromRow) {
        double sum = 0;
        long count = 0;
        for (int c = 0; c < neurons; c++) {
            float[] col = Sims.column(net, monitor, c);
            for (int r = fromRow; r < col.length; r++) {
                sum += col[r];
                count++;
            }
        }
        return sum / count;
    }

    @Test
    void theDownScaledCircuitFiresAtThePublishedRatesIrregularly() throws Exception {
        // 5 % of the neurons and of the in-degrees (3,859 neurons, 7.5e5 synapses), weights over sqrt(0.05) and
        // the missing mean input as DC, as NEST's example scales it; rates and CVs after the 200 ms transient.
        Cli.Result r = Cli.run("bench", "microcircuit", "--scale", "0.05", "--duration", "600", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        JsonNode stats = new ObjectMapper().readTree(r.out().lines().reduce((a, b) -> b).orElseThrow())
                .get("spike_statistics");
        StringBuilder shown = new StringBuilder();
        for (int p = 0; p < POPS.length; p++) {
            JsonNode s = stats.get(POPS[p]);
            shown.append(String.format(" %s %.2f Hz (published %.2f) CV %.2f;", POPS[p], s.get("rate_hz").asDouble(),
                    PUBLISHED[p], s.get("cv_isi").asDouble()));
        }
        for (int p = 0; p < POPS.length; p++) {
            JsonNode s = stats.get(POPS[p]);
            double rate = s.get("rate_hz").asDouble();
            assertTrue(Math.abs(rate / PUBLISHED[p] - 1) < 0.4, POPS[p] + " not within 40 % of the published rate:"
                    + shown);
            // Asynchronous irregular firing: Poisson-like intervals, not the regular ones (CV near 0) of a
            // neuron driven above threshold. Checked where the 0.4 s window holds a few intervals per neuron
            // (published rate above 2 Hz): below that the few neurons with three spikes bias the CV low.
            if (PUBLISHED[p] > 2) {
                assertTrue(s.get("cv_isi").asDouble() > 0.4, POPS[p] + " fires regularly:" + shown);
            }
        }
    }

    @Test
    void theExampleIsTheBenchWorkloadsConfig() throws Exception {
        Path written = tmp.resolve("microcircuit.yaml");
        Cli.Result r = Cli.run("bench", "microcircuit", "--write-config", written.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(Sims.root().resolve("examples/microcircuit.yaml")), Files.readString(written));
        String text = Files.readString(written);
        assertTrue(text.contains("77169 neurons, 298880970 synapses"), text.lines().limit(3).toList().toString());
    }

    @Test
    void aScaleOfZeroIsRefusedWithItsValue() {
        Cli.Result r = Cli.run("bench", "microcircuit", "--scale", "0");
        assertEquals(2, r.code(), r.err());
        assertEquals("spikeforge: --scale must be above 0 and at most 1000, got 0.0\n", r.err().replace("\r", ""));
    }
}
