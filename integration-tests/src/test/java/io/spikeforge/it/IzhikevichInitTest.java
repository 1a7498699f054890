package io.spikeforge.it;

import io.spikeforge.core.sim.Network;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Izhikevich starts where the user puts it: {@code V_init} for the whole group with u at b V_init
 * (BrainPy's start), and the population's {@code init} per neuron over that.
 */
class IzhikevichInitTest {

    private static Network run(String neuron, String init) {
        return Sims.run("""
                dt: 0.1
                duration: 0.1
                populations:
                  - {name: n, size: 3, neuron: %s%s}
                monitors:
                  - {target: n, var: V}
                  - {target: n, var: u}
                """.formatted(neuron, init), 1);
    }

    /** The values after one forward-Euler step from (v0, u0) with no input (a = 0.02, b = 0.2). */
    private static void assertStartedAt(Network net, int neuron, double v0, double u0) {
        double v1 = v0 + 0.1 * (0.04 * v0 * v0 + 5 * v0 + 140 - u0);
        double u1 = u0 + 0.1 * 0.02 * (0.2 * v0 - u0);
        assertEquals(v1, Sims.column(net, "n.V", neuron)[0], 1e-4, "V of neuron " + neuron);
        assertEquals(u1, Sims.column(net, "n.u", neuron)[0], 1e-5, "u of neuron " + neuron);
    }

    @Test
    void vInitSetsEveryNeuronsStartAndUFollows() {
        Network net = run("{type: Izhikevich, V_init: -70}", "");
        for (int i = 0; i < 3; i++) {
            assertStartedAt(net, i, -70, -14);
        }
    }

    @Test
    void initSetsVAndUPerNeuronOverVInit() {
        Network net = run("{type: Izhikevich, V_init: -70}", ", init: {V: -60, u: -12}");
        for (int i = 0; i < 3; i++) {
            assertStartedAt(net, i, -60, -12);
        }
    }

    @Test
    void initUIsKeptAsGiven() {
        Network net = run("Izhikevich", ", init: {u: -10}");
        for (int i = 0; i < 3; i++) {
            assertStartedAt(net, i, -65, -10);
        }
    }
}
