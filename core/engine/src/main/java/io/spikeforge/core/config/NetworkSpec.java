package io.spikeforge.core.config;

import java.util.List;
import java.util.Map;

/**
 * A validated network description. Every reference resolves, every value lies in range: building
 * from it cannot fail on config grounds.
 *
 * @param name        run name (the config file's base name unless given)
 * @param dt          time step in ms
 * @param duration    simulated time in ms
 * @param seed        the run's seed
 * @param backend     backend name, for example {@code jvm}
 * @param threads     worker threads for the JVM backend, 0 for one per available core
 * @param device      device for a device backend: {@code backend:device} such as {@code 0:0}, or
 *                    {@code type:GPU|CPU|ACCELERATOR}; null for the backend's default
 * @param populations neuron groups
 * @param inputs      currents and spike sources
 * @param projections projections
 * @param monitors    monitors
 * @param origin      the text and overrides the spec was read from (checkpoints store them)
 */
public record NetworkSpec(String name, double dt, double duration, long seed, String backend, int threads,
                          String device, List<Population> populations, List<Input> inputs, List<Projection> projections,
                          List<Monitor> monitors, ConfigOrigin origin) {

    /** @return the number of steps, duration / dt rounded to the nearest step */
    public long steps() {
        return Math.round(duration / dt);
    }

    /**
     * A neuron group.
     *
     * @param name   unique name
     * @param size   number of neurons
     * @param neuron the neuron model
     * @param init   initializers per state variable
     */
    public record Population(String name, int size, ModelRef neuron, Map<String, ModelRef> init) {
    }

    /**
     * An input.
     *
     * @param name   unique name
     * @param model  the input model
     * @param target the population a current goes to; null for a spike source
     * @param size   number of sources for a spike source; for a current, the number of neurons it reaches
     * @param range  the target's neurons a current reaches ({@code target: P[100:200]}), or null for all
     * @param var    the target's float state variable a current adds into ({@code var: isyn_exc}), or null for
     *               the neuron's input current (which the neuron reads, then zeroes, each step)
     */
    public record Input(String name, ModelRef model, String target, int size, NeuronRange range, String var) {

        /** An input over a whole target, or a spike source. */
        public Input(String name, ModelRef model, String target, int size) {
            this(name, model, target, size, null, null);
        }

        /** A current into its target's input current. */
        public Input(String name, ModelRef model, String target, int size, NeuronRange range) {
            this(name, model, target, size, range, null);
        }
    }

    /**
     * The neurons {@code [from, to)} of a group that one side of a projection connects: Brian2's subgroup
     * {@code P[from:to]}, or the whole group.
     *
     * @param from first neuron, inclusive
     * @param to   last neuron, exclusive
     */
    public record NeuronRange(int from, int to) {

        /** @return the number of neurons */
        public int size() {
            return to - from;
        }

        /** @return whether the two ranges share a neuron */
        public boolean overlaps(NeuronRange other) {
            return from < other.to && other.from < to;
        }
    }

    /**
     * A projection.
     *
     * @param name       unique name
     * @param pre        pre group (population or spike source)
     * @param preRange   the pre group's neurons that connect (all of them unless the config slices it)
     * @param post       post population
     * @param postRange  the post population's neurons that connect
     * @param delaySteps axonal delay in steps
     * @param alignPre   synapse state per pre neuron (align-pre) instead of per post neuron
     * @param comm       comm layer
     * @param connector  connector
     * @param weight     weight initializer
     * @param syn        synapse model, or null when the weights add straight to {@code target}
     * @param out        output model, or null when the weights add straight to {@code target}
     * @param plasticity plasticity rule, or null
     * @param target     the post neurons' variable the weights add to (Brian2's {@code on_pre: ge += w}), or
     *                   null when they go through a synapse and an output model
     * @param delays     the initializer that draws each synapse's own delay in ms (then {@code delaySteps} is
     *                   0), or null when the projection has one delay
     */
    public record Projection(String name, String pre, NeuronRange preRange, String post, NeuronRange postRange,
                             int delaySteps, boolean alignPre, ModelRef comm, ModelRef connector, ModelRef weight,
                             ModelRef syn, ModelRef out, ModelRef plasticity, String target, ModelRef delays) {

        /** A projection with one delay for all its synapses. */
        public Projection(String name, String pre, NeuronRange preRange, String post, NeuronRange postRange,
                          int delaySteps, boolean alignPre, ModelRef comm, ModelRef connector, ModelRef weight,
                          ModelRef syn, ModelRef out, ModelRef plasticity, String target) {
            this(name, pre, preRange, post, postRange, delaySteps, alignPre, comm, connector, weight, syn, out,
                    plasticity, target, null);
        }

        /**
         * @return whether pre neuron i and post neuron i of the ranges are one neuron, which a connector's
         *         samePopulation tells it: one group, sliced from the same first neuron or not at all.
         *         Slices that start elsewhere count from their own first neurons, as Brian2's i and j
         *         of subgroups do, so to a connector they are different neurons.
         */
        public boolean sameNeurons() {
            return pre.equals(post) && preRange.from() == postRange.from();
        }
    }

    /**
     * A monitor.
     *
     * @param name    file base name
     * @param target  population, input or projection name
     * @param var     variable name, {@code spike} for spikes
     * @param indices indices to record, or null for all
     * @param every   record every this many steps
     * @param start     whether a value monitor records at the start of each step, after its deliveries and
     *                  before its update (Brian2's StateMonitor, {@code when: start}), rather than after it
     *                  ({@code when: end})
     */
    public record Monitor(String name, String target, String var, int[] indices, int every, boolean start) {

        /** A monitor that records after each recorded step ({@code when: end}). */
        public Monitor(String name, String target, String var, int[] indices, int every) {
            this(name, target, var, indices, every, false);
        }
    }
}
