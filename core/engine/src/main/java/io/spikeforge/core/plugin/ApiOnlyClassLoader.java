package io.spikeforge.core.plugin;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of every pack's class loader: it shows a pack the JDK (through the platform class
 * loader) and the two packages a pack builds on, through the engine's loader, and nothing else: the
 * SPI ({@code io.spikeforge.spi}) and the built-in kernels ({@code io.spikeforge.kernels}, so that a
 * rule can call the built-in plasticity trace or CSR walk, which run on a device as the pack's own
 * kernels do). A pack therefore cannot reach or replace engine internals, and the libraries it brings
 * (its own Jackson or Guava) are the ones it sees, whatever versions the engine uses. These packages
 * are the ones both sides must share, so that a pack's models are the engine's {@code ModelFactory}.
 */
final class ApiOnlyClassLoader extends ClassLoader {

    /** The shared packages; their sub-packages are not shared (there are none). */
    static final List<String> SHARED_PACKAGES = List.of("io.spikeforge.spi", "io.spikeforge.kernels");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader engine;

    /** @param engine the loader that defines the shared classes */
    ApiOnlyClassLoader(ClassLoader engine) {
        super("spikeforge-api-only", ClassLoader.getPlatformClassLoader());
        this.engine = engine;
    }

    /** @return whether {@code className} lies in a shared package */
    static boolean shared(String className) {
        int dot = className.lastIndexOf('.');
        return dot > 0 && SHARED_PACKAGES.contains(className.substring(0, dot));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (shared(name)) {
            return engine.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    /** Only the JDK's resources: the engine's (its service files above all) stay hidden from packs. */
    @Override
    public URL getResource(String name) {
        return getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> jdk = getParent().getResources(name);
        return jdk == null ? Collections.emptyEnumeration() : jdk;
    }
}
