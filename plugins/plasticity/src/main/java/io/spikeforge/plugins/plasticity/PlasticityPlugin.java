package io.spikeforge.plugins.plasticity;

import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.SpikeForgePlugin;

import java.util.List;

/** The built-in plasticity rules, registered like any pack's. */
public final class PlasticityPlugin implements SpikeForgePlugin {

    @Override
    public List<ModelFactory> models() {
        return List.of(new StdpSong2000());
    }
}
