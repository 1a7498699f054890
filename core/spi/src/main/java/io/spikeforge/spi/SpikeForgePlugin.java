package io.spikeforge.spi;

import java.util.List;

/**
 * Entry point of a model pack, found with {@link java.util.ServiceLoader}. The built-in models
 * register through this interface exactly as a third-party pack does.
 *
 * <p>A pack is a directory of jars. The jar that lists the plugin in
 * {@code META-INF/services/io.spikeforge.spi.SpikeForgePlugin} must declare, in its manifest, the
 * SPI version it was compiled against ({@value #MANIFEST_ATTRIBUTE}{@code : }{@value #SPI_VERSION});
 * the engine refuses a pack that declares another version or none. Each pack is loaded in a class
 * loader of its own that sees the JDK and the package {@code io.spikeforge.spi}, and nothing else of
 * the engine: a pack brings every other class it needs (its own library versions included) in its
 * directory.
 *
 * <p>The engine creates the plugin once, with its public no-argument constructor, and calls
 * {@link #models()} and {@link #backends()} once each. A plugin that throws from any of them is
 * refused, and the user is told the pack and the plugin class.
 */
public interface SpikeForgePlugin {

    /**
     * The SPI version this build of the interface defines; a pack's manifest must declare it. Version 2
     * made a task's kernel one typed declaration ({@link Kernel}) and added backends.
     */
    int SPI_VERSION = 2;

    /** The manifest attribute in which a pack's jar declares the SPI version it was built for. */
    String MANIFEST_ATTRIBUTE = "SpikeForge-SPI-Version";

    /** {@return the models this plugin contributes; each name must be unique within its kind} */
    default List<ModelFactory> models() {
        return List.of();
    }

    /**
     * {@return class-path resources of this plugin (names as {@link ClassLoader#getResource} takes them,
     * for example {@code "io/spikeforge/plugins/neurons/HH.yaml"}) that hold models written as
     * equations}, read with the plugin's own class loader. Each file is one model, or a {@code models}
     * list of them, in the format of a config's {@code models} section (the README's "Models written as
     * equations"); its models register beside {@link #models()} under the same pack. A pack needs no Java
     * kernels for them: the engine generates each model's kernels for every backend.
     */
    default List<String> modelFiles() {
        return List.of();
    }

    /** {@return the backends this plugin contributes; each name must be unique} */
    default List<BackendProvider> backends() {
        return List.of();
    }
}
