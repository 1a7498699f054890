package io.spikeforge.core.api;

import io.spikeforge.core.Engine;
import io.spikeforge.core.RunResult;
import io.spikeforge.spi.Backend;
import io.spikeforge.spi.RunListener;
import io.spikeforge.core.output.OutputWriter;
import io.spikeforge.core.sim.Monitor;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.config.Suggestions;
import io.spikeforge.core.sim.Network;
import io.spikeforge.core.sim.StateRegistry;
import io.spikeforge.core.sim.SpikeMonitor;
import io.spikeforge.core.sim.ValueMonitor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * Builds the network a validated config describes and readies its backend: for programs that read
     * YAML ({@link Engine#load}, {@link Engine#parse}) rather than build with {@link SpikingNetwork}, such
     * as the Python package.
     *
     * @throws ConfigException when the network cannot be built as configured
     */
    public static Simulation build(Engine engine, NetworkSpec spec) {
        return new Simulation(engine, engine.buildWithOwnArrays(spec));
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

    /**
     * Runs {@code steps} more steps, telling {@code listener} how it goes (progress, stop requests).
     *
     * @return how the run ended: completed, stopped by the listener, or a numerical fault with its message
     * @throws IllegalArgumentException when that goes past the duration the network was built for
     */
    public RunResult steps(long steps, RunListener listener) {
        RunResult result = engine.run(network, backend, steps, listener);
        wallSeconds += result.wallSeconds();
        return result;
    }

    private Simulation steps(long steps) {
        steps(steps, RunListener.NONE);
        return this;
    }

    /** @return the seconds spent in the simulation loop so far, over every run */
    public double wallSeconds() {
        return wallSeconds;
    }

    /** @return the monitors' names, as their files are named ({@code pre.spike}, {@code stdp.weight}), in config order */
    public List<String> monitors() {
        return network.monitors().stream().map(Monitor::name).toList();
    }

    /**
     * @return what a monitor recorded so far, as its {@code .npy} file would hold it: an {@code int[]} of
     *         (step, neuron index) pairs for spikes, else a {@code float[]} of rows by columns, row-major
     *         (see {@link #shape}); a copy
     */
    public Object recorded(String monitor) {
        return switch (network.monitor(monitor)) {
            case SpikeMonitor m -> m.pairs();
            case ValueMonitor m -> m.values();
            default -> throw new IllegalArgumentException("monitor '" + monitor + "' cannot be read");
        };
    }

    /** @return the shape of {@link #recorded}: {@code (spikes, 2)} or {@code (rows, columns)} */
    public long[] shape(String monitor) {
        return network.monitor(monitor).shape();
    }

    /** @return the unit of a monitor's values, and what its rows and columns mean, as summary.json gives them */
    public String[] describe(String monitor) {
        Monitor m = network.monitor(monitor);
        return new String[] {m.unit(), m.layout(), m.spec().target(), m.spec().var()};
    }

    /** @return the element indices a value monitor's columns hold (its {@code indices}, else all) */
    public int[] indices(String monitor) {
        return network.monitor(monitor) instanceof ValueMonitor m ? m.indices() : new int[0];
    }

    /** @return every state array's qualified name ({@code post.V}, {@code stdp.A_pre}), in build order */
    public List<String> states() {
        List<String> names = new java.util.ArrayList<>();
        network.states().all().forEach(s -> names.add(s.name()));
        return names;
    }

    /**
     * @return the live state array with that qualified name ({@code float[]}, {@code int[]} or
     *         {@code long[]}): writes to it between runs change the network's state
     * @throws IllegalArgumentException naming the states there are, with "did you mean"
     */
    public Object state(String name) {
        return stateEntry(name).array();
    }

    /** @return the unit of a state array, {@code 1} when dimensionless */
    public String stateUnit(String name) {
        return stateEntry(name).unit();
    }

    private StateRegistry.State stateEntry(String name) {
        return network.states().find(name).orElseThrow(() -> new IllegalArgumentException("no state '" + name + "'."
                + Suggestions.didYouMean(name, states()) + " States: " + String.join(", ", states())));
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
