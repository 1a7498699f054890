package io.spikeforge.core.plugin;

import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.SpikeForgePlugin;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiOnlyClassLoaderTest {

    private final ApiOnlyClassLoader loader = new ApiOnlyClassLoader(getClass().getClassLoader());

    @Test
    void sharesExactlyTheSpiAndTheKernelPackages() {
        assertTrue(ApiOnlyClassLoader.shared("io.spikeforge.spi.StepTask"));
        assertTrue(ApiOnlyClassLoader.shared("io.spikeforge.spi.CommModel$Comm"));
        assertTrue(ApiOnlyClassLoader.shared("io.spikeforge.kernels.PlasticityKernels"));
        assertTrue(ApiOnlyClassLoader.shared("io.spikeforge.kernels.PlasticityKernelsCalls"));
        assertFalse(ApiOnlyClassLoader.shared("io.spikeforge.spi.internal.Hidden"));
        assertFalse(ApiOnlyClassLoader.shared("io.spikeforge.kernels.jmh.KernelBenchmarks"));
        assertFalse(ApiOnlyClassLoader.shared("io.spikeforge.spix.Thing"));
        assertFalse(ApiOnlyClassLoader.shared("io.spikeforge.core.Engine"));
    }

    @Test
    void showsTheSpiTheKernelsAndTheJdkAndHidesTheEngineItsLibrariesAndItsResources() throws Exception {
        assertSame(SpikeForgePlugin.class, loader.loadClass("io.spikeforge.spi.SpikeForgePlugin"));
        assertSame(CommModel.Comm.class, loader.loadClass("io.spikeforge.spi.CommModel$Comm"));
        assertSame(String.class, loader.loadClass("java.lang.String"));
        assertSame(java.sql.Connection.class, loader.loadClass("java.sql.Connection"), "platform modules too");
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("io.spikeforge.core.Engine"));
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("com.google.inject.Guice"));
        assertSame(io.spikeforge.kernels.CsrKernels.class, loader.loadClass("io.spikeforge.kernels.CsrKernels"));
        assertNull(loader.getResource("META-INF/MANIFEST.MF"));
        assertFalse(loader.getResources("io/spikeforge/core/Engine.class").hasMoreElements());
        assertEquals(getClass().getClassLoader(), SpikeForgePlugin.class.getClassLoader());
    }
}
