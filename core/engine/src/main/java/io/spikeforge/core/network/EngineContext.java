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
    /** The pre and post groups' names, for a projection's rule; null elsewhere. */
    private String preGroup;
    private String postGroup;
    /** Whether this process of a split network holds the pre neurons' state only for its own neurons. */
    private boolean prePartial;

    EngineContext(double dt, String owner, long runSeed, int[] clock, StateRegistry states,
                  List<VariableSpec> variables) {
        this.dt = dt;
        this.owner = owner;
        this.seed = derive(runSeed, owner);
        this.clock = clock;
        this.states = states;
        this.variables = variables;
    }

    /** {@return this context, giving a rule the state of the groups it connects} */
    EngineContext withSides(String pre, String post) {
        this.preGroup = pre;
        this.postGroup = post;
        return this;
    }

    /**
     * {@return this context, refusing the pre neurons' state}: a process of a network split over processes
     * updates its own neurons only, so the others' values it holds are not theirs (their spikes are exchanged).
     */
    EngineContext preHeldInPart() {
        this.prePartial = true;
        return this;
    }

    private java.util.Optional<StateRegistry.State> neuron(String side, String variable) {
        String group = "pre".equals(side) ? preGroup : "post".equals(side) ? postGroup : null;
        return group == null ? java.util.Optional.empty() : states.find(group + "." + variable)
                .filter(st -> st.array() instanceof float[]);
    }

    @Override
    public float[] neuronState(String side, String variable) {
        if (prePartial && "pre".equals(side) && neuron(side, variable).isPresent()) {
            throw new IllegalArgumentException("reads the pre neurons' '" + variable + "', which a network split over"
                    + " processes holds only for each process's own neurons (only their spikes are exchanged); run it"
                    + " in one process");
        }
        return neuron(side, variable).map(st -> (float[]) st.array()).orElse(null);
    }

    @Override
    public String neuronUnit(String side, String variable) {
        return neuron(side, variable).map(StateRegistry.State::unit).orElse(null);
    }

    @Override
    public List<String> neuronVariables(String side) {
        String group = "pre".equals(side) ? preGroup : "post".equals(side) ? postGroup : null;
        List<String> out = new java.util.ArrayList<>();
        if (group != null) {
            for (StateRegistry.State st : states.all()) {
                if (st.owner().equals(group) && st.array() instanceof float[]) {
                    out.add(st.variable());
                }
            }
        }
        return out;
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
