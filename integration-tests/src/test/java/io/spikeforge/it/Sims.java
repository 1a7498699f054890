package io.spikeforge.it;

import io.spikeforge.core.Engine;
import io.spikeforge.core.backend.JvmBackend;
import io.spikeforge.spi.RunListener;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import io.spikeforge.core.sim.SpikeMonitor;
import io.spikeforge.core.sim.ValueMonitor;

import java.nio.file.Path;

/** Builds and runs networks through the public engine API, from config text or the examples. */
public final class Sims {

    public static final Engine ENGINE = Engine.create();
    /** Items per tile in tests: small, so that every chain runs in several tiles and a partial one. */
    public static final int TILE = 100;

    private Sims() {
    }

    /** @return the repository root (the tests run configs from its examples/) */
    public static Path root() {
        return Path.of(System.getProperty("spikeforge.root", "..")).toAbsolutePath().normalize();
    }

    /** Builds a network from YAML text and runs it on the JVM backend. */
    public static Network run(String yaml, int threads) {
        Network net = ENGINE.build(ENGINE.parse(yaml, "test", Overrides.NONE));
        // A minimum of one item per worker splits every task, and tiles of 100 items cut the chains of
        // elementwise tasks, so the split and tiling logic is exercised.
        ENGINE.run(net, new JvmBackend(threads, 1, TILE), RunListener.NONE);
        return net;
    }

    /**
     * 400 Poisson inputs (40 Hz) driving 150 LIF neurons through one plastic COBA projection "p"
     * (delay 0.5 ms, p = 0.3, 300 ms, seed 3), with {@code plasticity} as the rule's YAML.
     */
    public static String plasticNetwork(String plasticity) {
        return """
                dt: 0.1
                duration: 300
                seed: 3
                inputs:
                  - {name: src, type: PoissonSpikes, size: 400, rate: 40}
                populations:
                  - {name: n, size: 150, neuron: {type: LifRef, V_rest: -70, V_reset: -65, V_th: -55, tau: 10}}
                projections:
                  - name: p
                    pre: src
                    post: n
                    delay: 0.5
                    comm: {type: EventCSRLinear, conn: {type: FixedProb, prob: 0.3}, weight: {type: Uniform, max_val: 0.1}}
                    syn: {type: Expon, tau: 5}
                    out: COBA
                    plasticity: %s
                monitors:
                  - {target: n, var: spike}
                """.formatted(plasticity);
    }

    /** Builds an example with overrides and runs it. */
    public static Network runExample(String file, Overrides overrides, int threads) {
        Network net = ENGINE.build(ENGINE.load(root().resolve("examples").resolve(file), overrides));
        ENGINE.run(net, new JvmBackend(threads, 1, TILE), RunListener.NONE);
        return net;
    }

    public static int[] spikes(Network net, String monitor) {
        return ((SpikeMonitor) net.monitor(monitor)).pairs();
    }

    public static float[] column(Network net, String monitor, int col) {
        ValueMonitor m = (ValueMonitor) net.monitor(monitor);
        float[] out = new float[m.rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = m.value(r, col);
        }
        return out;
    }

    /** @return a projection's weights now, in projection-wide order over all its blocks */
    public static float[] weights(Network net, String projection) {
        var p = net.projection(projection);
        float[] w = new float[Math.toIntExact(p.synapses())];
        for (var b : p.blocks()) {
            float[] part = new float[b.comm().synapses()];
            b.comm().copyWeights(part);
            System.arraycopy(part, 0, w, (int) b.firstSynapse(), part.length);
        }
        return w;
    }
}
