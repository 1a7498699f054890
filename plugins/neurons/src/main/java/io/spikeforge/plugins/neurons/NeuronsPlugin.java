package io.spikeforge.plugins.neurons;

import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.SpikeForgePlugin;

import java.util.List;

/** The built-in neuron models, registered like any pack's. */
public final class NeuronsPlugin implements SpikeForgePlugin {

    @Override
    public List<ModelFactory> models() {
        return List.of(new Lif(false), new Lif(true), new ExpIF(), new AdExIF(), new Izhikevich());
    }
}
