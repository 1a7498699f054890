package io.spikeforge.tornado;

import io.spikeforge.kernels.fusion.FusedKernel;
import io.spikeforge.kernels.fusion.KernelCompiler;
import io.spikeforge.spi.BackendUnavailableException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fused kernels as TornadoVM reads them: their class files in the folder of device classes (on the
 * class path, see {@link DeviceClassPath}), the classes loaded through the system class loader. A
 * kernel whose class file is already there is not compiled again: its name carries the hash of its
 * source, so the file is that very kernel, and a second run of a network compiles nothing here.
 */
final class FusedClasses {

    private final KernelCompiler compiler = new KernelCompiler();

    /** {@return each kernel's {@code run} method, compiled where its class file is missing} */
    List<java.lang.reflect.Method> load(List<FusedKernel> kernels) {
        Path folder = DeviceClassPath.folder("a fused kernel");
        List<FusedKernel> missing = new ArrayList<>();
        for (FusedKernel k : kernels) {
            if (!Files.isRegularFile(file(folder, k.className()))) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, byte[]> classes;
            try {
                classes = compiler.compile(missing);
            } catch (IllegalStateException e) {
                throw new BackendUnavailableException("the TornadoVM backend could not fuse kernels: " + e.getMessage());
            }
            try {
                for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                    write(file(folder, e.getKey()), e.getValue());
                }
            } catch (IOException e) {
                throw new BackendUnavailableException("the TornadoVM backend could not write fused kernels to "
                        + folder + ": " + e.getMessage());
            }
        }
        List<java.lang.reflect.Method> out = new ArrayList<>();
        for (FusedKernel k : kernels) {
            try {
                Class<?> c = Class.forName(k.className(), true, ClassLoader.getSystemClassLoader());
                out.add(c.getMethod("run", k.parameterTypes()));
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new BackendUnavailableException("the fused kernel " + k.className() + " is in " + folder
                        + ", but the class path does not show it (" + e + "); start the JVM with that folder on its"
                        + " class path (./spikeforge does)");
            }
        }
        return out;
    }

    /** {@return the seconds the JDK's compiler took so far} */
    double compileSeconds() {
        return compiler.seconds();
    }

    /** {@return the fused kernels compiled so far (not found on disk)} */
    int compiled() {
        return compiler.compiled();
    }

    private static Path file(Path folder, String className) {
        return folder.resolve(className.replace('.', '/') + ".class");
    }

    /** Written aside and renamed into place, so that another JVM reading the folder never sees half a class. */
    private static void write(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
