package io.spikeforge.tornado;

import io.spikeforge.spi.BackendProvider;
import io.spikeforge.spi.SpikeForgePlugin;

import java.util.List;

/** Registers the TornadoVM backend through the SPI, exactly as the JVM backend and a pack register theirs. */
public final class TornadoPlugin implements SpikeForgePlugin {

    @Override
    public List<BackendProvider> backends() {
        return List.of(new TornadoBackendProvider());
    }
}
