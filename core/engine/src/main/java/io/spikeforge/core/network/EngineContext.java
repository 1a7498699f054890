package io.spikeforge.core.network;

import io.spikeforge.core.sim.StateRegistry;
import io.spikeforge.spi.BuildContext;
import io.spikeforge.spi.VariableSpec;

import java.util.Arrays;
import java.util.List;

/** The {@link BuildContext} one model instance sees. */
final class EngineContext implements BuildContext {

    private final double dt;
    private final String owner;
    private final long seed;
    private final int[] clock;
    private final StateRegistry states;
    private final List<VariableSpec> variables;

    EngineContext(double dt, String owner, long runSeed, int[] clock, StateRegistry states,
                  List<VariableSpec> variables) {
        this.dt = dt;
        this.owner = owner;
        this.seed = derive(runSeed, owner);
        this.clock = clock;
        this.states = states;
        this.variables = variables;
    }

    private String unitOf(String variable) {
        return variables.stream().filter(v -> v.name().equals(variable)).map(VariableSpec::unit)
                .findFirst().orElse("");
    }

    /** @return a seed that depends on the run's seed and a stable name, never on build order */
    static long derive(long runSeed, String name) {
        return io.spikeforge.core.config.Seeds.derive(runSeed, name);
    }

    @Override
    public double dt() {
        return dt;
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public int[] clock() {
        return clock;
    }

    @Override
    public float[] floats(String variable, int size, float initial) {
        float[] a = new float[size];
        if (initial != 0f) {
            Arrays.fill(a, initial);
        }
        states.register(owner, variable, unitOf(variable), a);
        return a;
    }

    @Override
    public int[] ints(String variable, int size, int initial) {
        int[] a = new int[size];
        if (initial != 0) {
            Arrays.fill(a, initial);
        }
        states.register(owner, variable, unitOf(variable), a);
        return a;
    }
}
