package io.spikeforge.tornado;

import io.spikeforge.spi.Backend;
import io.spikeforge.spi.BackendProvider;
import io.spikeforge.spi.BackendUnavailableException;
import io.spikeforge.spi.NetworkView;
import io.spikeforge.spi.Parallel;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.TornadoRuntime;
import uk.ac.manchester.tornado.api.common.TornadoDevice;
import uk.ac.manchester.tornado.api.runtime.TornadoRuntimeProvider;

import java.util.ArrayList;
import java.util.List;

/** The {@code tornado} backend; devices are named {@code backend:device}, as TornadoVM lists them. */
public final class TornadoBackendProvider implements BackendProvider {

    /**
     * The system property through which TornadoVM learns which annotation marks a parallel loop: the
     * generated device forms use SpikeForge's own ({@link Parallel}), so that they compile without TornadoVM.
     */
    static final String PARALLEL_PROPERTY = "tornado.load.annotation.parallel";

    @Override
    public String name() {
        return "tornado";
    }

    @Override
    public String description() {
        return "the step's kernels as a TornadoVM task graph on an OpenCL, PTX or SPIR-V device";
    }

    @Override
    public boolean available() {
        try {
            Class.forName("uk.ac.manchester.tornado.api.runtime.TornadoRuntimeProvider");
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public Backend create(NetworkView network, int threads) {
        String parallel = System.getProperty(PARALLEL_PROPERTY);
        if (!Parallel.class.getName().equals(parallel)) {
            throw new BackendUnavailableException("TornadoVM would run every kernel on one work-item: the JVM was started"
                    + " with -D" + PARALLEL_PROPERTY + "=" + parallel + ", and SpikeForge's device forms mark their"
                    + " loops with " + Parallel.class.getName() + "; start it with -D" + PARALLEL_PROPERTY + "="
                    + Parallel.class.getName() + " after the tornado-argfile (./spikeforge does)");
        }
        String wanted = network.device();
        int[] bd = wanted != null && wanted.startsWith("type:") ? firstOfType(wanted.substring(5))
                : parse(wanted == null ? "0:0" : wanted);
        TornadoDevice device;
        try {
            device = TornadoExecutionPlan.getDevice(bd[0], bd[1]);
        } catch (RuntimeException | LinkageError e) {
            throw new BackendUnavailableException("TornadoVM device " + bd[0] + ":" + bd[1] + " is not available ("
                    + e.getMessage() + "); ./spikeforge devices lists the devices. Is the JVM started with"
                    + " @$TORNADOVM_HOME/tornado-argfile (./spikeforge does this when TORNADOVM_HOME is set)?");
        }
        return new TornadoBackend(network, device, bd[0] + ":" + bd[1] + " " + device.getPhysicalDevice().getDeviceName());
    }

    @Override
    public List<String> devices() {
        List<String> out = new ArrayList<>();
        TornadoRuntime rt = TornadoRuntimeProvider.getTornadoRuntime();
        for (int b = 0; b < rt.getNumBackends(); b++) {
            for (int d = 0; d < rt.getBackend(b).getNumDevices(); d++) {
                TornadoDevice dev = rt.getBackend(b).getDevice(d);
                out.add(String.format("tornado %d:%d  %-12s %s, %.1f GB (TornadoVM %s backend, platform %s)", b, d,
                        dev.getDeviceType(), dev.getPhysicalDevice().getDeviceName(), dev.getMaxGlobalMemory() / 1e9,
                        dev.getTornadoVMBackend(), dev.getPlatformName()));
            }
        }
        return out;
    }

    private static int[] firstOfType(String type) {
        TornadoRuntime rt = TornadoRuntimeProvider.getTornadoRuntime();
        for (int b = 0; b < rt.getNumBackends(); b++) {
            for (int d = 0; d < rt.getBackend(b).getNumDevices(); d++) {
                if (rt.getBackend(b).getDevice(d).getDeviceType().name().startsWith(type)) {
                    return new int[] {b, d};
                }
            }
        }
        throw new BackendUnavailableException("no TornadoVM device of type " + type + "; ./spikeforge devices lists them");
    }

    private static int[] parse(String device) {
        String[] parts = device.split(":");
        try {
            return new int[] {Integer.parseInt(parts[0].trim()), parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 0};
        } catch (NumberFormatException e) {
            throw new BackendUnavailableException("device must be BACKEND:DEVICE, for example 0:0, got '" + device + "'");
        }
    }
}
