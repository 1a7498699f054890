package io.spikeforge.spi;

import java.util.List;

/**
 * Entry point of a model pack, found with {@link java.util.ServiceLoader}. The built-in models
 * register through this interface exactly as a third-party pack does.
 */
public interface SpikeForgePlugin {

    /** The SPI version this build of the interface defines; a pack's manifest must declare it. */
    int SPI_VERSION = 1;

    /** {@return the models this plugin contributes; each name must be unique within its kind} */
    List<ModelFactory> models();
}
