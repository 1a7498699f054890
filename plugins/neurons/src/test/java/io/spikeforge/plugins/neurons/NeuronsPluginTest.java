package io.spikeforge.plugins.neurons;

import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.NeuronModel;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.VariableSpec;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every registered neuron model owes the engine, checked for each through its {@code create}. */
class NeuronsPluginTest {

    private static List<NeuronModel> models() {
        return new NeuronsPlugin().models().stream().map(NeuronModel.class::cast).toList();
    }

    @Test
    void registersTheFiveBuiltInNeurons() {
        assertEquals(List.of("Lif", "LifRef", "ExpIF", "AdExIF", "Izhikevich"),
                new NeuronsPlugin().models().stream().map(ModelFactory::name).toList());
    }

    @Test
    void shipsEachModelFileWithItsDescriptionAndIntegrationMethod() throws java.io.IOException {
        List<String> files = new NeuronsPlugin().modelFiles();
        assertEquals(16, files.size(), files.toString());
        for (String f : files) {
            try (var in = NeuronsPlugin.class.getClassLoader().getResourceAsStream(f)) {
                assertTrue(in != null, f + " is on the class path");
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                long models = text.lines().filter(l -> l.matches("\\s*(- )?name: .*")).count();
                assertEquals(models, text.lines().filter(l -> l.matches("\\s*description: .*")).count(), f);
                assertEquals(models, text.lines().filter(l -> l.matches("\\s*method: (exact|euler|exponential_euler|rk4)"))
                        .count(), f + ": every model names its method");
            }
        }
    }

    @Test
    void eachAllocatesExactlyItsDeclaredVariables() {
        for (NeuronModel m : models()) {
            NeuronUnderTest n = new NeuronUnderTest(m, 0.1, 3);
            List<String> declared = m.variables().stream().map(VariableSpec::name).toList();
            assertEquals(new LinkedHashSet<>(declared), n.context.variables(), m.name());
            assertEquals(n.context.floats("V"), n.v(), m.name() + ": v() is the allocated V");
        }
    }

    @Test
    void eachConsumesItsCurrentAndWritesEveryFlagAsZeroOrOne() {
        Random random = new Random(7);
        for (NeuronModel m : models()) {
            NeuronUnderTest n = new NeuronUnderTest(m, 0.1, 50, m.name().equals("Lif") ? new Object[0]
                    : new Object[] {"tau_ref", 0.5});
            int spikes = 0;
            for (int step = 0; step < 200; step++) {
                float[] input = new float[50];
                for (int i = 0; i < 50; i++) {
                    input[i] = (float) (random.nextDouble() * 400);
                }
                java.util.Arrays.fill(n.spikes, 7);
                n.step(input);
                assertArrayEquals(new float[50], n.current, m.name() + ", step " + step);
                for (int flag : n.spikes) {
                    assertTrue(flag == 0 || flag == 1, m.name() + ": flag " + flag);
                    spikes += flag;
                }
            }
            assertTrue(spikes > 0, m.name() + " is driven hard enough to spike");
        }
    }

    @Test
    void theEngineRefusesNonPositiveTimeConstantsAndResistanceAndNegativeTauRef() {
        for (NeuronModel m : models()) {
            for (ParamSpec s : m.parameters()) {
                switch (s.name()) {
                    case "tau", "tau_w", "R", "delta_T" -> {
                        assertFalse(s.allows(0), m.name() + "." + s.name() + " allows 0");
                        assertTrue(s.allows(1e-3), m.name() + "." + s.name());
                    }
                    case "tau_ref" -> {
                        assertTrue(s.allows(0), m.name() + ".tau_ref: 0 means none");
                        assertFalse(s.allows(-0.1), m.name() + ".tau_ref allows a negative period");
                    }
                    default -> {
                    }
                }
            }
        }
    }
}
