package io.spikeforge.cli;

import io.spikeforge.core.Engine;
import io.spikeforge.core.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code spikeforge devices}: every device of every registered backend, the JVM's first. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List every device of every backend: the JVM, then each TornadoVM device as backend:device"
                + " with its TornadoVM backend, platform, type and memory.")
final class DevicesCommand implements Callable<Integer> {

    @Mixin
    LogOptions log;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        log.apply();
        Engine engine = engineOptions.engine();
        for (PluginRegistry.BackendEntry b : engine.registry().backends().values()) {
            try {
                b.provider().devices().forEach(System.out::println);
            } catch (RuntimeException | LinkageError e) {
                System.out.println(b.provider().name() + ": no devices (" + e.getMessage() + ")");
            }
        }
        if (!engine.backendNames().contains("tornado")) {
            System.out.println("tornado: not installed in this build (set TORNADOVM_HOME to a TornadoVM SDK and run"
                    + " ./spikeforge again)");
        }
        return 0;
    }
}
