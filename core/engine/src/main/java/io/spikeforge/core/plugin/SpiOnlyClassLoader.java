package io.spikeforge.core.plugin;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The parent of every pack's class loader: it shows a pack the JDK (through the platform class
 * loader) and the classes of the package {@code io.spikeforge.spi} (through the engine's loader), and
 * nothing else. A pack therefore cannot reach or replace engine internals, and the libraries it
 * brings (its own Jackson or Guava) are the ones it sees, whatever versions the engine uses. The SPI
 * is the one package both sides must share, so that a pack's models are the engine's
 * {@code ModelFactory}.
 */
final class SpiOnlyClassLoader extends ClassLoader {

    /** The shared package; sub-packages are not shared (there are none). */
    static final String SHARED_PACKAGE = "io.spikeforge.spi";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader engine;

    /** @param engine the loader that defines the SPI classes */
    SpiOnlyClassLoader(ClassLoader engine) {
        super("spikeforge-spi-only", ClassLoader.getPlatformClassLoader());
        this.engine = engine;
    }

    /** @return whether {@code className} lies in the shared package */
    static boolean shared(String className) {
        return className.startsWith(SHARED_PACKAGE + ".")
                && className.indexOf('.', SHARED_PACKAGE.length() + 1) < 0;
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
