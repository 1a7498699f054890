package io.spikeforge.core.output;

import io.spikeforge.core.RunResult;
import io.spikeforge.spi.Backend;
import io.spikeforge.core.sim.Group;
import io.spikeforge.core.sim.Monitor;
import io.spikeforge.core.sim.Network;
import io.spikeforge.core.sim.ProjectionBlock;
import io.spikeforge.core.sim.ProjectionRuntime;

import java.util.LinkedHashMap;
import java.util.Map;

/** The content of {@code summary.json}: what ran, for how long, and what came out, with units. */
public final class Summary {

    private Summary() {
    }

    /**
     * @param resumedFrom the step a resumed run started from, or -1
     * @return the summary as nested maps, ready for JSON
     */
    public static Map<String, Object> of(Network net, Backend backend, RunResult result, long resumedFrom) {
        Map<String, Object> s = new LinkedHashMap<>();
        double dt = net.spec().dt();
        double simulatedMs = net.step() * dt;
        s.put("name", net.spec().name());
        s.put("dt_ms", dt);
        s.put("steps", net.step());
        s.put("duration_ms", simulatedMs);
        s.put("wall_s", result.wallSeconds());
        s.put("build_s", net.buildSeconds());
        s.put("backend", backend.name());
        s.put("threads", backend.threads());
        s.put("seed", net.spec().seed());
        s.put("partial", result.partial());
        s.put("stop_reason", result.message());
        if (resumedFrom >= 0) {
            s.put("resumed_from_step", resumedFrom);
        }
        Map<String, Object> pops = new LinkedHashMap<>();
        for (Group g : net.groups()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("size", g.size());
            p.put("spikes", g.spikeTotal()[0]);
            p.put("rate_hz", simulatedMs > 0 ? g.spikeTotal()[0] / (double) g.size() / (simulatedMs / 1000.0) : 0.0);
            p.put("kind", g.source() ? "spike source" : "neurons");
            pops.put(g.name(), p);
        }
        s.put("populations", pops);
        Map<String, Object> projs = new LinkedHashMap<>();
        for (ProjectionRuntime pr : net.projections()) {
            Map<String, Object> p = new LinkedHashMap<>();
            double lo = pr.plasticity() == null ? Double.NaN : pr.plasticity().wMin();
            double hi = pr.plasticity() == null ? Double.NaN : pr.plasticity().wMax();
            p.put("synapses", pr.synapses());
            p.put("plasticity", pr.spec().plasticity() == null ? null : pr.spec().plasticity().name());
            p.put("weight", WeightStats.of(pr.blocks().stream().map(ProjectionBlock::weightsNow).toList(), lo, hi)
                    .toMap());
            p.put("weight_initial", WeightStats.of(pr.blocks().stream().map(ProjectionBlock::initialWeights).toList(),
                    lo, hi).toMap());
            projs.put(pr.name(), p);
        }
        s.put("projections", projs);
        Map<String, Object> monitors = new LinkedHashMap<>();
        for (Monitor m : net.monitors()) {
            monitors.put(m.name() + ".npy", monitor(m));
        }
        s.put("monitors", monitors);
        s.put("units", units());
        return s;
    }

    /** @return the entry of one monitor's file: what it records, its dtype, shape, unit and layout */
    static Map<String, Object> monitor(Monitor m) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("target", m.spec().target());
        e.put("var", m.spec().var());
        e.put("dtype", m.dtype());
        e.put("shape", m.shape());
        e.put("unit", m.unit());
        e.put("every", m.spec().every());
        if (m.spec().indices() != null) {
            e.put("indices", m.spec().indices());
        }
        e.put("layout", m.layout());
        return e;
    }

    /**
     * @return the unit or meaning of every field, keyed by its path with {@code <name>} standing for a
     *         population, projection or file name
     */
    public static Map<String, String> units() {
        Map<String, String> u = new LinkedHashMap<>();
        u.put("name", "text: the run's name");
        u.put("dt_ms", "ms (time step)");
        u.put("steps", "count of steps run");
        u.put("duration_ms", "ms (simulated time: steps * dt_ms)");
        u.put("wall_s", "s (wall time of the simulation loop; of the resumed part only after resume)");
        u.put("build_s", "s (wall time of network construction)");
        u.put("backend", "text: the backend that ran the network");
        u.put("threads", "count of worker threads");
        u.put("seed", "integer: the seed every random draw derives from");
        u.put("partial", "true when the run stopped before its last step");
        u.put("stop_reason", "text: what stopped the run early or the fault that ended it, else null");
        u.put("resumed_from_step", "step: where a resumed run started (only after resume)");
        u.put("populations.<name>.size", "count of neurons (or of sources in a spike source)");
        u.put("populations.<name>.spikes", "count of spikes over the run");
        u.put("populations.<name>.rate_hz", "Hz (spikes per neuron per simulated second)");
        u.put("populations.<name>.kind", "text: neurons or spike source");
        u.put("projections.<name>.synapses", "count of synapses");
        u.put("projections.<name>.plasticity", "text: the plasticity rule, or null for fixed weights");
        for (String w : new String[] {"weight", "weight_initial"}) {
            String p = "projections.<name>." + w;
            String when = w.equals("weight") ? " at the end of the run" : " at the start of the run";
            u.put(p + ".mean", "uS for conductance outputs (COBA, MgBlock), nA for CUBA; mean weight" + when);
            u.put(p + ".std", "as mean; standard deviation of the weights" + when);
            u.put(p + ".min", "as mean; smallest weight" + when);
            u.put(p + ".max", "as mean; largest weight" + when);
            u.put(p + ".hist10", "counts of synapses in 10 equal bins over hist10_range" + when);
            u.put(p + ".hist10_range", "[lo, hi] in the weight's unit: the plasticity bounds [W_min, W_max] when"
                    + " both are set, else [min, max]; a weight on hi counts in the last bin");
        }
        u.put("monitors.<name>.target", "text: the population, spike source or projection recorded");
        u.put("monitors.<name>.var", "text: the variable recorded; spike for spikes");
        u.put("monitors.<name>.dtype", "text: the NumPy dtype of the file (int32 or float32)");
        u.put("monitors.<name>.shape", "the array's dimensions: (spikes, 2) for spikes, (rows, columns) for values");
        u.put("monitors.<name>.unit", "text: the unit of the recorded values (1: counts or dimensionless)");
        u.put("monitors.<name>.every", "count of steps between recorded rows (row r = values after step r*every,"
                + " plotted at t = r*every*dt_ms)");
        u.put("monitors.<name>.indices", "the recorded element indices, column c holding indices[c]; absent when"
                + " every element is recorded (column c = element c)");
        u.put("monitors.<name>.layout", "text: the file's layout in words");
        return u;
    }
}
