package io.spikeforge.core.network;

import io.spikeforge.core.sim.StateRegistry;
import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.sim.Group;
import io.spikeforge.core.sim.Monitor;
import io.spikeforge.core.sim.ProjectionRuntime;
import io.spikeforge.core.sim.SpikeMonitor;
import io.spikeforge.core.sim.ValueMonitor;
import io.spikeforge.spi.CommModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** Creates the config's monitors over a built network; reports bad indices into the builder's errors. */
final class MonitorBuilder {

    private final NetworkSpec spec;
    private final Map<String, Group> groups;
    private final List<ProjectionRuntime> projections;
    private final StateRegistry states;
    private final int[] clock;
    private final List<ConfigError> errors;
    /** The storage slice a fused population lives in, by its name; null for others. */
    private final Function<String, Fusion.Member> members;

    MonitorBuilder(NetworkSpec spec, Map<String, Group> groups, List<ProjectionRuntime> projections,
                   StateRegistry states, int[] clock, List<ConfigError> errors, Function<String, Fusion.Member> members) {
        this.members = members;
        this.spec = spec;
        this.groups = groups;
        this.projections = projections;
        this.states = states;
        this.clock = clock;
        this.errors = errors;
    }

    /** @return the monitors of every target that was built (a target that failed is reported already) */
    List<Monitor> build() {
        List<Monitor> monitors = new ArrayList<>();
        long steps = spec.steps();
        for (int m = 0; m < spec.monitors().size(); m++) {
            NetworkSpec.Monitor mon = spec.monitors().get(m);
            String path = "monitors[" + m + "]";
            Group g = groups.get(mon.target());
            if ("spike".equals(mon.var()) && g != null) {
                monitors.add(new SpikeMonitor(mon, g.spikes(), clock));
                continue;
            }
            ProjectionRuntime proj = projections.stream().filter(p -> p.name().equals(mon.target())).findFirst()
                    .orElse(null);
            if (g == null && proj == null) {
                continue;
            }
            if (proj != null && "weight".equals(mon.var())) {
                int[] idx = indices(mon.indices(), proj.synapses(), path,
                        () -> "projection '" + proj.name() + "' has " + proj.synapses() + " synapses");
                if (idx != null) {
                    // One block's live weights are an array a device backend can record from; blocks are not.
                    CommModel.Comm comm = proj.blocks().getFirst().comm();
                    Object watched = proj.blocks().size() > 1 ? proj
                            : comm.liveWeights() != null ? comm.liveWeights() : comm;
                    monitors.add(new ValueMonitor(mon, "uS", proj::weight, idx, steps, clock, watched));
                }
                continue;
            }
            StateRegistry.State state = states.find(mon.target() + "." + mon.var()).orElse(null);
            Fusion.Member member = state == null ? members.apply(mon.target()) : null;
            if (member != null) {
                StateRegistry.State stored = states.find(member.storage() + "." + mon.var()).orElse(null);
                if (stored != null && !(stored.array() instanceof long[])) {
                    Monitor made = memberMonitor(mon, path, stored, member);
                    if (made != null) {
                        monitors.add(made);
                    }
                    continue;
                }
            }
            if (state == null || state.array() instanceof long[]) {
                errors.add(new ConfigError(path + ".var", "'" + mon.target() + "' allocates no variable '"
                        + mon.var() + "'"));
                continue;
            }
            int[] idx = indices(mon.indices(), state.length(), path,
                    () -> "'" + state.name() + "' has " + state.length() + " elements");
            if (idx == null) {
                continue;
            }
            ValueMonitor.Reader reader = state.array() instanceof float[] f ? i -> f[i] : i -> ((int[]) state.array())[i];
            monitors.add(new ValueMonitor(mon, state.unit(), reader, idx, steps, clock, state.array()));
        }
        return monitors;
    }

    /** A value monitor of a fused population: its neuron i is the storage's neuron from + i. */
    private Monitor memberMonitor(NetworkSpec.Monitor mon, String path, StateRegistry.State stored, Fusion.Member m) {
        int[] idx = indices(mon.indices(), m.size(), path, () -> "'" + mon.target() + "." + mon.var() + "' has "
                + m.size() + " elements");
        if (idx == null) {
            return null;
        }
        int at = m.from();
        ValueMonitor.Reader reader = stored.array() instanceof float[] f ? i -> f[at + i]
                : i -> ((int[]) stored.array())[at + i];
        return new ValueMonitor(mon, stored.unit(), reader, idx, spec.steps(), clock, stored.array());
    }

    private int[] indices(int[] given, long length, String path, Supplier<String> what) {
        if (given == null) {
            // The resource check has refused a monitor of every element that would not fit one array.
            int[] all = new int[Math.toIntExact(length)];
            for (int i = 0; i < length; i++) {
                all[i] = i;
            }
            return all;
        }
        boolean ok = true;
        for (int i = 0; i < given.length; i++) {
            if (given[i] >= length) {
                errors.add(new ConfigError(path + ".indices[" + i + "]", "index " + given[i] + " is out of range: "
                        + what.get()));
                ok = false;
            }
        }
        return ok ? given : null;
    }
}
