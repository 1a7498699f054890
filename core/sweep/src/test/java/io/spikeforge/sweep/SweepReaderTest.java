package io.spikeforge.sweep;

import io.spikeforge.core.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepReaderTest {

    static Path resource(String name) {
        return Path.of("src/test/resources/sweep", name);
    }

    @Test
    void everyMistakeOfASweepFileIsReportedAtItsPathTogether() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> SweepReader.read(RunTask.engine(), resource("bad_sweep.yaml")));
        String expected = """
                10 configuration errors in src/test/resources/sweep/bad_sweep.yaml:
                  sets: unknown key. Did you mean 'set'? Allowed: name, base, set, axes, sample, keep, monitors
                  axes.projection[0].plasticity.A2: no key 'projection' at the top of the base config. Did you mean \
                'projections'? Keys there: name, dt, duration, seed, inputs, populations, projections, monitors
                  axes.projections[3].plasticity.A2: projections has 1 entry; [3] is out of range (indices start at 0)
                  axes.seed.range: from must not be above to, got [5, 1]
                  sample.method: unknown method 'latin_hypercub'. Did you mean 'latin_hypercube'? Allowed: random, \
                latin_hypercube
                  sample.n: must be a whole number of points >= 1, got 0
                  keep[0]: unknown summary field 'populations.neuron.rate'. Did you mean 'populations.neuron.rate_hz'?""";
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertTrue(e.getMessage().contains("\n  keep[1]: cv_isi of 'inputs' reads its spike times: add a spike monitor"
                + " of it to the base config, monitors: [{target: inputs, var: spike}]\n"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  keep[2].population: unknown population 'neuronn'. Did you mean"
                + " 'neuron'? Populations: neuron, inputs\n"), e.getMessage());
        assertTrue(e.getMessage().endsWith("\n  monitors: must be true (each run writes its monitors' files and"
                + " summary.json under runs/<id>/) or false, got \"yes please\""), e.getMessage());
    }

    @Test
    void aParameterTheModelLacksIsTheSweepsMistakeWithTheEnginesSuggestion() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> SweepReader.read(RunTask.engine(), resource("bad_param.yaml")));
        assertEquals(List.of("axes.projections[0].plasticity.A3"), e.errors().stream().map(c -> c.path()).toList());
        assertTrue(e.errors().getFirst().message().equals("unknown parameter of STDP_Song2000. Did you mean 'A1'? Allowed: tau_s, tau_t, A1, A2, W_min, W_max"),
                e.getMessage());
    }

    @Test
    void aGridCrossesItsAxesInOrderTheFirstSlowest() {
        SweepFile s = SweepReader.read(RunTask.engine(), resource("tiny_sweep.yaml"));
        var points = Points.of(s.axes(), s.sample());
        assertEquals(6, points.size());
        assertEquals(List.of("20", "20", "10", "10", "-1", "-1"),
                points.stream().map(p -> p.get("projections[0].plasticity.tau_s").toString()).toList());
        assertEquals(List.of("1", "2", "1", "2", "1", "2"), points.stream().map(p -> p.get("seed").toString()).toList());
    }

    @Test
    void aLatinHypercubePutsOnePointInEachStratumOfEveryAxis() {
        int n = 16;
        List<double[]> u = Points.draw(new SweepFile.Sample("latin_hypercube", n, 7), 3);
        for (int d = 0; d < 3; d++) {
            boolean[] hit = new boolean[n];
            for (double[] p : u) {
                hit[(int) Math.floor(p[d] * n)] = true;
            }
            for (boolean h : hit) {
                assertTrue(h, "a stratum without a point in dimension " + d);
            }
        }
        // The same seed draws the same points; another seed others.
        assertEquals(u.get(3)[1], Points.draw(new SweepFile.Sample("latin_hypercube", n, 7), 3).get(3)[1]);
        assertTrue(u.get(3)[1] != Points.draw(new SweepFile.Sample("latin_hypercube", n, 8), 3).get(3)[1]);
    }
}
