package io.spikeforge.it;

import io.spikeforge.core.Engine;
import io.spikeforge.core.RunResult;
import io.spikeforge.core.backend.Backend;
import io.spikeforge.core.backend.JvmBackend;
import io.spikeforge.core.backend.RunListener;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Group;
import io.spikeforge.core.sim.Monitor;
import io.spikeforge.core.sim.Network;
import io.spikeforge.core.sim.SpikeMonitor;
import io.spikeforge.core.sim.ValueMonitor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TornadoVM backend against the JVM backend on the same configs: identical spike trains, monitored
 * values and weights, float for float (exact mode: no fused multiply-add, no fast math). Runs only where
 * the build has the backend (the tornado profile, with TORNADOVM_HOME set); elsewhere it says why it skips.
 */
class TornadoBackendTest {

    @BeforeEach
    void needsTheBackend() {
        boolean present = Sims.ENGINE.backendNames().contains("tornado");
        if (!present) {
            System.out.println("TornadoBackendTest skipped: this build has no TornadoVM backend (build with a TornadoVM"
                    + " SDK in TORNADOVM_HOME, which activates the tornado profile)");
        }
        Assumptions.assumeTrue(present, "no TornadoVM backend in this build: set TORNADOVM_HOME to a TornadoVM SDK");
    }

    @ParameterizedTest(name = "{0}, {1} ms")
    @CsvSource({"stdp_net.yaml,300", "song2000.yaml,2000", "coba.yaml,200", "coba_subgroups.yaml,100"})
    void deviceRunMatchesTheJvmBackendExactly(String example, double durationMs) {
        Engine engine = Sims.ENGINE;
        Network jvm = engine.build(engine.load(Sims.root().resolve("examples").resolve(example),
                new Overrides(durationMs, null, null, null, null)));
        engine.run(jvm, new JvmBackend(1), RunListener.NONE);
        Network dev = engine.build(engine.load(Sims.root().resolve("examples").resolve(example),
                new Overrides(durationMs, null, null, null, "tornado")));
        Backend tornado = engine.backend(dev);
        String plan = tornado.describe(dev);
        java.util.regex.Matcher batch = java.util.regex.Pattern.compile("up to (\\d+) step").matcher(plan);
        assertTrue(batch.find() && Integer.parseInt(batch.group(1)) > 1, "monitors record on the device, in batches: "
                + plan);
        RunResult r = engine.run(dev, tornado, RunListener.NONE);
        assertEquals(jvm.step(), dev.step());
        assertTrue(!r.partial());
        for (Group g : jvm.groups()) {
            assertEquals(g.spikeTotal()[0], dev.group(g.name()).spikeTotal()[0], g.name() + " spikes");
        }
        for (Monitor m : jvm.monitors()) {
            if (m instanceof SpikeMonitor s) {
                assertArrayEquals(s.pairs(), ((SpikeMonitor) dev.monitor(m.name())).pairs(), m.name());
            } else if (m instanceof ValueMonitor v) {
                ValueMonitor d = (ValueMonitor) dev.monitor(m.name());
                assertEquals(v.rows(), d.rows());
                for (int row = 0; row < v.rows(); row++) {
                    assertEquals(v.value(row, 0), d.value(row, 0), m.name() + " row " + row);
                }
            }
        }
        for (var p : jvm.projections()) {
            assertArrayEquals(Sims.weights(jvm, p.name()), Sims.weights(dev, p.name()), p.name() + " weights");
        }
    }
}
