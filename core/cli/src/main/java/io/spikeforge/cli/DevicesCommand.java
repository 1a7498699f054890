package io.spikeforge.cli;

import io.spikeforge.core.BackendProvider;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code spikeforge devices}: the JVM backend and every device of the installed device backends. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List the JVM backend and every TornadoVM device (backend:device, type, name, memory).")
final class DevicesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Runtime rt = Runtime.getRuntime();
        System.out.printf("jvm          CPU          %d cores, %.1f GB heap max%n", rt.availableProcessors(),
                rt.maxMemory() / 1e9);
        boolean any = false;
        for (BackendProvider p : io.spikeforge.core.EngineModule.providers()) {
            any = true;
            try {
                p.devices().forEach(System.out::println);
            } catch (RuntimeException | LinkageError e) {
                System.out.println(p.name() + ": no devices (" + e.getMessage() + ")");
            }
        }
        if (!any) {
            System.out.println("tornado: not installed in this build (set TORNADOVM_HOME to a TornadoVM SDK and run"
                    + " ./spikeforge again)");
        }
        return 0;
    }
}
