package io.spikeforge.core.backend;

import io.spikeforge.spi.BackendProvider;
import io.spikeforge.spi.SpikeForgePlugin;

import java.util.List;

/** Registers the JVM backend through the SPI, exactly as the TornadoVM backend and a pack register theirs. */
public final class JvmBackendPlugin implements SpikeForgePlugin {

    @Override
    public List<BackendProvider> backends() {
        return List.of(new JvmBackendProvider());
    }
}
