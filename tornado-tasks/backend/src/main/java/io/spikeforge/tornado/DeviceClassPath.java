package io.spikeforge.tornado;

import io.spikeforge.spi.BackendUnavailableException;
import io.spikeforge.spi.KernelSignature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Makes a kernel's device form loadable the way TornadoVM reads code. TornadoVM compiles a task from
 * the bytecode of its method and of every method it inlines, and reads each class file through the
 * system class loader ({@code ClassLoader.getSystemClassLoader().getResourceAsStream}). The built-in
 * kernels lie on the class path, so they are found as they are. A pack's kernels live in the pack's
 * own class loader, which the system class loader cannot see: their class files are copied into a
 * folder that the launcher put on the class path ({@value #PROPERTY}), and the device form is loaded
 * from there through the system class loader. Only primitive arrays and scalars cross between the two
 * copies, so which loader defined a class does not matter to the device.
 */
final class DeviceClassPath {

    /** The system property naming the folder on the class path that receives a pack's class files. */
    static final String PROPERTY = "spikeforge.device.classes";

    private final ClassLoader system = ClassLoader.getSystemClassLoader();
    private final Set<String> exported = new HashSet<>();

    /**
     * {@return the device form of {@code s}, from a class the system class loader defines}
     *
     * @param task the step task's name, for messages
     * @throws BackendUnavailableException when the class cannot be made visible to TornadoVM
     */
    java.lang.reflect.Method deviceMethod(KernelSignature s, String task) {
        Class<?> device = makeVisible(s.deviceClass(), task);
        try {
            return device.getMethod(s.name(), s.deviceParameterTypes());
        } catch (NoSuchMethodException e) {
            throw new BackendUnavailableException("task '" + task + "' cannot run on TornadoVM: " + device.getName()
                    + " has no device form " + s.name() + Arrays.toString(s.deviceParameterTypes())
                    + " (rebuild the pack with spikeforge-processor)");
        }
    }

    /**
     * {@return {@code c} as the system class loader defines it}: a class of a pack has its jar's class
     * files copied into the export folder first, where TornadoVM, and the compiler of fused kernels,
     * read them
     *
     * @param task the step task that needs it, for messages
     */
    Class<?> makeVisible(Class<?> c, String task) {
        if (c.getClassLoader() == system) {
            return c;
        }
        export(c, task);
        if (system.getResource(c.getName().replace('.', '/') + ".class") == null) {
            throw new BackendUnavailableException("task '" + task + "' cannot run on TornadoVM: " + WHY + "; "
                    + folder(task) + " is not on the class path");
        }
        try {
            return Class.forName(c.getName(), true, system);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new BackendUnavailableException("task '" + task + "' cannot run on TornadoVM: the class files of "
                    + c.getName() + " were copied to " + folder(task) + " but the class path does not show them ("
                    + e + ")");
        }
    }

    /** Copies the class files of the jar (or folder) that holds {@code device} into the export folder. */
    private void export(Class<?> device, String task) {
        CodeSource cs = device.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            throw new BackendUnavailableException("task '" + task + "' cannot run on TornadoVM: " + device.getName()
                    + " comes from no jar or folder that its class files could be copied from");
        }
        Path source;
        try {
            source = Path.of(cs.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (!exported.add(source.toString())) {
            return;
        }
        Path folder = folder(task);
        try {
            if (Files.isDirectory(source)) {
                try (var files = Files.walk(source)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                        write(folder.resolve(source.relativize(f).toString()), Files.readAllBytes(f));
                    }
                }
                return;
            }
            try (JarFile jar = new JarFile(source.toFile())) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    if (!e.isDirectory() && e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                        try (InputStream in = jar.getInputStream(e)) {
                            write(folder.resolve(e.getName()), in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new BackendUnavailableException("task '" + task + "' cannot run on TornadoVM: cannot copy the class"
                    + " files of " + source + " to " + folder + ": " + e.getMessage());
        }
    }

    /** Writes a class file unless the same bytes are there, through a rename so that no reader sees half. */
    private static void write(Path target, byte[] bytes) throws IOException {
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static final String WHY = "its kernel lives in a pack, whose classes TornadoVM reads only from the"
            + " class path: start the JVM with a folder on its class path and -D" + PROPERTY + "=FOLDER"
            + " (./spikeforge does)";

    /** {@return whether the launcher named a folder for device classes} */
    static boolean configured() {
        String dir = System.getProperty(PROPERTY);
        return dir != null && !dir.isBlank();
    }

    /** The export folder, which must be an entry of the class path. */
    static Path folder(String task) {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new BackendUnavailableException("task '" + task + "' cannot run on TornadoVM: " + WHY);
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }
}
