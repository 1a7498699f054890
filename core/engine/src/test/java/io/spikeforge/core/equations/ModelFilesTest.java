package io.spikeforge.core.equations;

import io.spikeforge.core.plugin.PackException;
import io.spikeforge.core.plugin.PluginLoader;
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
    void aMissingModelFileNamesThePackAndTheResource() {
        SpikeForgePlugin plugin = new Files(List.of("no/such/Model.yaml"));
        PackException e = assertThrows(PackException.class, () -> EquationPacks.withModelFiles(
                List.of(new PluginLoader.Found(plugin, "test-pack", List.of(), List.of()))));
        assertEquals("pack test-pack: plugin " + Files.class.getName() + ": model files that do not check:"
                + " no/such/Model.yaml: no such resource in the plugin's jar", e.getMessage());
    }
}
