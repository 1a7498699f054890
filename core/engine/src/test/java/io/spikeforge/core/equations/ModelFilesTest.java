package io.spikeforge.core.equations;

import io.spikeforge.core.plugin.PackException;
import io.spikeforge.core.plugin.PluginLoader;
import io.spikeforge.core.plugin.PluginRegistry;
import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.ModelKind;
import io.spikeforge.spi.SpikeForgePlugin;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A plugin's model files register beside its Java models, under its pack. */
class ModelFilesTest {

    private record Files(List<String> modelFiles) implements SpikeForgePlugin {
    }

    @Test
    void aPluginsModelFilesRegisterUnderItsPack() {
        SpikeForgePlugin plugin = new Files(List.of("io/spikeforge/core/equations/Leaky.yaml"));
        List<PluginLoader.Found> found = EquationPacks.withModelFiles(
                List.of(new PluginLoader.Found(plugin, "test-pack", List.of(), List.of())));
        assertEquals(1, found.size());
        ModelFactory m = found.get(0).models().get(0);
        assertEquals("Leaky", m.name());
        assertEquals(ModelKind.NEURON, m.kind());
        assertEquals("test-pack", found.get(0).pack());
        assertEquals("tau", m.parameters().get(0).name());
    }

    @Test
    void aModelFilesEquationsAreCheckedWhenTheModelIsFirstNeeded() {
        SpikeForgePlugin plugin = new Files(List.of("io/spikeforge/core/equations/Leaky.yaml",
                "io/spikeforge/core/equations/Broken.yaml"));
        List<ModelFactory> models = EquationPacks.withModelFiles(
                List.of(new PluginLoader.Found(plugin, "test-pack", List.of(), List.of()))).get(0).models();
        assertEquals("[neuron model Leaky (not yet made), neuron model Broken (not yet made)]", models.toString());
        PluginRegistry registry = new PluginRegistry(models.stream().map(m -> new PluginRegistry.Entry(m, "test-pack"))
                .toList());
        assertEquals(List.of("Broken", "Leaky"), registry.names(ModelKind.NEURON));
        assertEquals("[neuron model Leaky (not yet made), neuron model Broken (not yet made)]", models.toString());
        String expected = "pack test-pack: plugin " + Files.class.getName() + ": model files that do not check:"
                + " io/spikeforge/core/equations/Broken.yaml: Broken.yaml.equations: line 1:"
                + " unknown identifier 'Iz'. Did you mean 'I'? in 'dV/dt = (-V + R*Iz) / tau : mV' at column 17";
        for (int k = 0; k < 2; k++) {
            PackException e = assertThrows(PackException.class,
                    () -> registry.find(ModelKind.NEURON, "Broken").orElseThrow().factory());
            assertEquals(expected, e.getMessage());
        }
        assertEquals("tau", registry.find(ModelKind.NEURON, "Leaky").orElseThrow().factory().parameters().get(0).name());
        assertEquals("neuron model Leaky (made)", models.get(0).toString());
    }

    @Test
    void aMissingModelFileNamesThePackAndTheResource() {
        SpikeForgePlugin plugin = new Files(List.of("no/such/Model.yaml"));
        PackException e = assertThrows(PackException.class, () -> EquationPacks.withModelFiles(
                List.of(new PluginLoader.Found(plugin, "test-pack", List.of(), List.of()))));
        assertEquals("pack test-pack: plugin " + Files.class.getName() + ": model files that do not check:"
                + " no/such/Model.yaml: no such resource in the plugin's jar", e.getMessage());
    }
}
