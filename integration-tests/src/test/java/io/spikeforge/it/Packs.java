package io.spikeforge.it;

import io.spikeforge.core.Engine;
import io.spikeforge.core.backend.JvmBackend;
import io.spikeforge.spi.RunListener;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.plugin.PluginLoader;
import io.spikeforge.core.sim.Network;

import java.nio.file.Files;
import java.nio.file.Path;

/** The sample pack, as the build copied it into a plugins directory, and an engine that loaded it from there. */
final class Packs {

    /** target/packs/sample: the sample pack's jar, copied there by the build. */
    static final Path SAMPLE = Path.of(System.getProperty("spikeforge.sample.pack", "target/packs/sample"))
            .toAbsolutePath().normalize();

    /** target/packs: the plugins directory that holds the sample pack. */
    static final Path DIR = SAMPLE.getParent();

    /** The built-in packs plus the sample pack, loaded from its directory. */
    static final Engine ENGINE = engine();

    private Packs() {
    }

    private static Engine engine() {
        if (!Files.isDirectory(SAMPLE)) {
            throw new IllegalStateException("the sample pack is not at " + SAMPLE + "; run the tests through Maven");
        }
        return Engine.create(PluginLoader.fromDirectory(DIR));
    }

    /** Builds config text with the sample pack loaded and runs it on the JVM backend, every task split. */
    static Network run(String yaml, int threads) {
        Network net = ENGINE.build(ENGINE.parse(yaml, "test", Overrides.NONE));
        ENGINE.run(net, new JvmBackend(threads, 1, Sims.TILE), RunListener.NONE);
        return net;
    }
}
