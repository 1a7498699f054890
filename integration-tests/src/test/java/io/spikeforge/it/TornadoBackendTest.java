package io.spikeforge.it;

import io.spikeforge.core.Engine;
import io.spikeforge.core.RunResult;
import io.spikeforge.core.backend.JvmBackend;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Group;
import io.spikeforge.core.sim.Monitor;
import io.spikeforge.core.sim.Network;
import io.spikeforge.core.sim.SpikeMonitor;
import io.spikeforge.core.sim.StateRegistry;
import io.spikeforge.core.sim.ValueMonitor;
import io.spikeforge.spi.Backend;
import io.spikeforge.spi.RunListener;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The TornadoVM backend against the JVM backend on the same configs: identical spike trains, every
 * column of every value monitor, every weight and every state array, float for float (exact mode: no
 * fused multiply-add, no fast math). The examples run, and so do the contract networks, which use every
 * registered model: the built-in ones, Dense with plasticity, and the sample pack's, whose kernels reach
 * the device from the pack's own jar. Runs only where the build has the backend (the tornado profile,
 * with TORNADOVM_HOME set); elsewhere it says why it skips.
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
    void exampleOnTheDeviceMatchesTheJvmBackendExactly(String example, double durationMs) {
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
        assertTrue(!r.partial());
        assertSame(jvm, dev);
    }

    /**
     * On a CPU device (PoCL here) a step runs by default as one kernel looping over a round trip's steps:
     * one launch per round trip; {@code spikeforge.tornado.stepLoop=false} gives the step's launches back.
     * Both give the JVM backend's spikes, traces, weights and state exactly.
     */
    @ParameterizedTest(name = "{0}, step loop {1}")
    @CsvSource({"coba.yaml,true", "coba.yaml,false", "song2000.yaml,true", "song2000.yaml,false"})
    void theStepLoopRunsARoundTripInOneLaunchAndChangesNoResult(String example, boolean loop) {
        Engine engine = Sims.ENGINE;
        Overrides ms100 = new Overrides(100.0, null, null, null, null);
        Network jvm = engine.build(engine.load(Sims.root().resolve("examples").resolve(example), ms100));
        engine.run(jvm, new JvmBackend(1), RunListener.NONE);
        Network dev = engine.build(engine.load(Sims.root().resolve("examples").resolve(example),
                new Overrides(100.0, null, null, null, "tornado")));
        String before = System.getProperty("spikeforge.tornado.stepLoop");
        System.setProperty("spikeforge.tornado.stepLoop", Boolean.toString(loop));
        try {
            Backend tornado = engine.backend(dev);
            String plan = tornado.describe(dev);
            assertEquals(loop, plan.contains("1 launch per round trip"), plan);
            RunResult r = engine.run(dev, tornado, RunListener.NONE);
            assertTrue(!r.partial());
            assertSame(jvm, dev);
            int k = ((Number) tornado.stats().get("steps_per_round_trip")).intValue();
            double launches = ((Number) tornado.stats().get("launches_per_step")).doubleValue();
            assertTrue(k > 1, "batches of steps: " + tornado.stats());
            if (loop) {
                assertEquals(1.0 / k, launches, 1e-12, "one launch per round trip: " + tornado.stats());
                assertEquals(k, ((Number) tornado.stats().get("steps_per_launch")).intValue());
            } else {
                assertTrue(launches >= 2, "a step's launches: " + tornado.stats());
            }
        } finally {
            if (before == null) {
                System.clearProperty("spikeforge.tornado.stepLoop");
            } else {
                System.setProperty("spikeforge.tornado.stepLoop", before);
            }
        }
    }

    static Stream<String> contractNetworks() throws IOException {
        return DeviceContract.configs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contractNetworks")
    void everyRegisteredModelOnTheDeviceMatchesTheJvmBackendExactly(String file) {
        Network jvm = DeviceContract.build(file, Overrides.NONE);
        Packs.ENGINE.run(jvm, new JvmBackend(1), RunListener.NONE);
        Network dev = DeviceContract.build(file, new Overrides(null, null, null, null, "tornado"));
        RunResult r = Packs.ENGINE.run(dev, Packs.ENGINE.backend(dev), RunListener.NONE);
        assertTrue(!r.partial());
        assertSame(jvm, dev);
    }

    private static void assertSame(Network jvm, Network dev) {
        assertEquals(jvm.step(), dev.step());
        for (Group g : jvm.groups()) {
            assertEquals(g.spikeTotal()[0], dev.group(g.name()).spikeTotal()[0], g.name() + " spikes");
        }
        for (Monitor m : jvm.monitors()) {
            if (m instanceof SpikeMonitor s) {
                assertArrayEquals(s.pairs(), ((SpikeMonitor) dev.monitor(m.name())).pairs(), m.name());
            } else if (m instanceof ValueMonitor v) {
                ValueMonitor d = (ValueMonitor) dev.monitor(m.name());
                assertEquals(v.rows(), d.rows(), m.name() + " rows");
                assertEquals(v.columns(), d.columns(), m.name() + " columns");
                for (int row = 0; row < v.rows(); row++) {
                    for (int col = 0; col < v.columns(); col++) {
                        assertEquals(v.value(row, col), d.value(row, col), m.name() + " row " + row + " column " + col);
                    }
                }
            }
        }
        for (var p : jvm.projections()) {
            assertArrayEquals(Sims.weights(jvm, p.name()), Sims.weights(dev, p.name()), p.name() + " weights");
        }
        for (StateRegistry.State s : jvm.states().all()) {
            Object other = dev.states().find(s.name()).orElseThrow().array();
            switch (s.array()) {
                case float[] f -> assertArrayEquals(f, (float[]) other, s.name());
                case int[] i -> assertArrayEquals(i, (int[]) other, s.name());
                case long[] l -> assertArrayEquals(l, (long[]) other, s.name());
                default -> fail(s.name());
            }
        }
    }
}
