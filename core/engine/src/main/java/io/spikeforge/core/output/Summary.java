package io.spikeforge.core.output;

import io.spikeforge.core.RunResult;
import io.spikeforge.core.backend.Backend;
import io.spikeforge.core.sim.Group;
import io.spikeforge.core.sim.Network;
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
            float[] w = new float[pr.comm().synapses()];
            pr.comm().copyWeights(w);
            double lo = pr.plasticity() == null ? Double.NaN : pr.plasticity().wMin();
            double hi = pr.plasticity() == null ? Double.NaN : pr.plasticity().wMax();
            p.put("synapses", pr.comm().synapses());
            p.put("weight", WeightStats.of(w, lo, hi).toMap());
            p.put("weight_initial", WeightStats.of(pr.initialWeights(), lo, hi).toMap());
            projs.put(pr.name(), p);
        }
        s.put("projections", projs);
        Map<String, Object> units = new LinkedHashMap<>();
        units.put("dt_ms", "ms");
        units.put("duration_ms", "ms (simulated time)");
        units.put("wall_s", "s (wall time of the simulation loop; of the resumed part only after resume)");
        units.put("build_s", "s (wall time of network construction)");
        units.put("rate_hz", "Hz (spikes per neuron per simulated second)");
        units.put("weight", "uS for conductance synapses, nA for current synapses; hist10 = counts over 10 equal"
                + " bins between the plasticity bounds [W_min, W_max] when both are set, else between min and max");
        s.put("units", units);
        return s;
    }
}
