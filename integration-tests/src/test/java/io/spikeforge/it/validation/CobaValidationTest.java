package io.spikeforge.it.validation;

import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import io.spikeforge.it.Sims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Vogels-Abbott COBA network (examples/coba.yaml, 4000 neurons, 1 s) against Brian2 2.5 running
 * the same network (../shared/peers/brian2/coba.py), seed by seed; also written as coba.py writes it,
 * with subgroups of one group (examples/coba_subgroups.yaml).
 */
class CobaValidationTest {

    // Brian2 2.5.1, runtime/cython, Euler, seeds 1-10: mean and sample std (REFERENCES.md).
    static final Band EXC_RATE = new Band("excitatory rate (Hz)", 21.5173, 1.8083);
    static final Band INH_RATE = new Band("inhibitory rate (Hz)", 21.5065, 0.7470);
    static final Band EXC_CV = new Band("excitatory ISI CV", 1.5576, 0.0413);
    static final Band INH_CV = new Band("inhibitory ISI CV", 1.5525, 0.0562);

    /**
     * Mean over neurons with at least 3 spikes of std(ISI)/mean(ISI), population std (as numpy's default),
     * as in the Brian2 reference.
     */
    static double meanCv(int[] pairs, int size) {
        List<List<Integer>> trains = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            trains.add(new ArrayList<>());
        }
        for (int k = 0; k < pairs.length; k += 2) {
            trains.get(pairs[k + 1]).add(pairs[k]);
        }
        double sum = 0;
        int n = 0;
        for (List<Integer> t : trains) {
            if (t.size() < 3) {
                continue;
            }
            double mean = 0;
            for (int k = 1; k < t.size(); k++) {
                mean += t.get(k) - t.get(k - 1);
            }
            mean /= t.size() - 1;
            double var = 0;
            for (int k = 1; k < t.size(); k++) {
                double d = t.get(k) - t.get(k - 1) - mean;
                var += d * d;
            }
            sum += Math.sqrt(var / (t.size() - 1)) / mean;
            n++;
        }
        assertTrue(n > size / 2, "most neurons fire at least 3 times: " + n + " of " + size);
        return sum / n;
    }

    /** @return the spikes of neurons [from, to) of {@code pairs}, renumbered from 0 */
    static int[] slice(int[] pairs, int from, int to) {
        int[] out = new int[pairs.length];
        int n = 0;
        for (int k = 0; k < pairs.length; k += 2) {
            if (pairs[k + 1] >= from && pairs[k + 1] < to) {
                out[n++] = pairs[k];
                out[n++] = pairs[k + 1] - from;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void theNetworkWrittenWithBrian2sSubgroupsFallsInTheSameBand(long seed) {
        Network net = Sims.runExample("coba_subgroups.yaml", new Overrides(null, null, seed, null, null), 1);
        String ctx = "COBA with subgroups, seed " + seed;
        int[] spikes = Sims.spikes(net, "P.spike");
        int[] exc = slice(spikes, 0, 3200);
        int[] inh = slice(spikes, 3200, 4000);
        EXC_RATE.check(exc.length / 2 / 3200.0, ctx);
        INH_RATE.check(inh.length / 2 / 800.0, ctx);
        EXC_CV.check(meanCv(exc, 3200), ctx);
        INH_CV.check(meanCv(inh, 800), ctx);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void ratesAndIrregularityFallInBrian2sBand(long seed) {
        Network net = Sims.runExample("coba.yaml", new Overrides(null, null, seed, null, null), 1);
        String ctx = "COBA seed " + seed;
        EXC_RATE.check(net.group("E").spikeTotal()[0] / 3200.0, ctx);
        INH_RATE.check(net.group("I").spikeTotal()[0] / 800.0, ctx);
        EXC_CV.check(meanCv(Sims.spikes(net, "E.spike"), 3200), ctx);
        INH_CV.check(meanCv(Sims.spikes(net, "I.spike"), 800), ctx);
    }
}
