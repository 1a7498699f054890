package io.spikeforge.core.api;

import io.spikeforge.core.Engine;
import io.spikeforge.core.RunResult;
import io.spikeforge.spi.Backend;
import io.spikeforge.spi.RunListener;
import io.spikeforge.core.output.OutputWriter;
import io.spikeforge.core.sim.Monitor;
import io.spikeforge.core.sim.Network;
import io.spikeforge.core.sim.SpikeMonitor;
import io.spikeforge.core.sim.ValueMonitor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A built network, ready to run on its backend, and what its monitors recorded. Times are in ms.
 * Not thread-safe: run and read from one thread.
 */
public final class Simulation {

    private final Engine engine;
    private final Network network;
    private final Backend backend;
    private double wallSeconds;

    Simulation(Engine engine, Network network) {
        this.engine = engine;
        this.network = network;
        this.backend = engine.backend(network);
    }

    /** Runs to the end of the network's duration. */
    public Simulation run() {
        return steps(network.spec().steps() - network.step());
    }

    /**
     * Runs {@code ms} more of simulated time (rounded to whole steps).
     *
     * @throws IllegalArgumentException when that goes past the duration the network was built for
     */
    public Simulation run(double ms) {
        long steps = Math.round(ms / network.spec().dt());
        long left = network.spec().steps() - network.step();
        if (ms < 0 || steps > left) {
            throw new IllegalArgumentException("cannot run " + ms + " ms: the network was built for "
                    + network.spec().duration() + " ms and " + left * network.spec().dt() + " ms remain");
        }
        return steps(steps);
    }

    private Simulation steps(long steps) {
        wallSeconds += engine.run(network, backend, steps, RunListener.NONE).wallSeconds();
        return this;
    }

    /** @return the simulated time so far, in ms */
    public double timeMs() {
        return network.step() * network.spec().dt();
    }

    /** @return the spikes a {@code spike} recording holds so far */
    public SpikeTrain spikes(Recording recording) {
        if (!(monitor(recording) instanceof SpikeMonitor m)) {
            throw new IllegalArgumentException("'" + recording + "' records " + recording.variable()
                    + ", not spikes: read it with trace()");
        }
        int[] pairs = m.pairs();
        double[] times = new double[pairs.length / 2];
        int[] indices = new int[times.length];
        for (int k = 0; k < times.length; k++) {
            times[k] = pairs[2 * k] * network.spec().dt();
            indices[k] = pairs[2 * k + 1];
        }
        return new SpikeTrain(times, indices);
    }

    /** @return the values a recording of a variable, weights or traces holds so far */
    public Trace trace(Recording recording) {
        if (!(monitor(recording) instanceof ValueMonitor m)) {
            throw new IllegalArgumentException("'" + recording + "' records spikes: read it with spikes()");
        }
        int[] indices = m.indices();
        double[] times = new double[m.rows()];
        float[] values = new float[times.length * indices.length];
        for (int r = 0; r < times.length; r++) {
            times[r] = (double) r * m.spec().every() * network.spec().dt();
            for (int c = 0; c < indices.length; c++) {
                values[r * indices.length + c] = m.value(r, c);
            }
        }
        return new Trace(times, indices, values, m.unit());
    }

    /** @return a projection's current weights, in connectivity order (uS for COBA, nA for CUBA) */
    public float[] weights(Projection projection) {
        var comm = network.projection(projection.name()).comm();
        float[] w = new float[comm.synapses()];
        comm.copyWeights(w);
        return w;
    }

    /**
     * Writes what a {@code spikeforge run} writes: one {@code .npy} per recording and
     * {@code summary.json}, which {@code spikeforge plot} can then draw.
     *
     * @return the summary
     */
    public Map<String, Object> write(Path dir) throws IOException {
        boolean partial = network.step() < network.spec().steps();
        return OutputWriter.write(dir, network, backend, new RunResult(network.step(), wallSeconds, partial,
                partial ? RunResult.Outcome.STOPPED : RunResult.Outcome.COMPLETED,
                partial ? "run to step " + network.step() + " of " + network.spec().steps() : null, null), -1);
    }

    /** @return the built network, for what this class does not cover */
    public Network network() {
        return network;
    }

    private Monitor monitor(Recording recording) {
        return network.monitor(recording.name());
    }
}
