package io.spikeforge.plugins.neurons;

import io.spikeforge.spi.NeuronModel;
import io.spikeforge.spi.testing.InMemoryBuildContext;
import io.spikeforge.spi.testing.ModelParams;

/**
 * A neuron group made by its model's {@code create}, with the input current and spike flags the engine
 * would hand it, stepped one update at a time.
 */
final class NeuronUnderTest {

    final InMemoryBuildContext context;
    final NeuronModel.NeuronGroup group;
    /** The group's input current in nA, which every update must consume (set back to 0). */
    final float[] current;
    /** The spike flags every update writes, 1 or 0 per neuron. */
    final int[] spikes;

    /**
     * @param model  the model under test
     * @param dt     the time step in ms
     * @param size   the number of neurons
     * @param params parameter names and values over the model's defaults (see {@link ModelParams#of})
     */
    NeuronUnderTest(NeuronModel model, double dt, int size, Object... params) {
        this.context = new InMemoryBuildContext(dt);
        this.current = new float[size];
        this.spikes = new int[size];
        this.group = model.create(ModelParams.of(model, params), context, size, current, spikes);
    }

    /** {@return the membrane potential per neuron in mV} */
    float[] v() {
        return group.v();
    }

    /** {@return the steps of refractoriness left per neuron} */
    int[] refractory() {
        return context.ints("refractory");
    }

    /**
     * Sets the input current of every neuron and runs one update over the whole group.
     *
     * @param currents one current per neuron, in nA
     */
    void step(float... currents) {
        System.arraycopy(currents, 0, current, 0, current.length);
        context.step(group.update());
    }

    /**
     * {@return four ulps of the float nearest {@code expected}}: how far a float update may fall from the
     * same equation evaluated in double
     */
    static double floatTolerance(double expected) {
        return 4 * Math.ulp((float) expected);
    }
}
