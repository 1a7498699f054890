package io.spikeforge.core.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * The fused classes ({@link LoopFusion}) as a jar for the class path, which the launcher writes once per
 * build ({@value #PROPERTY}) and puts on the class path of its ahead-of-time cache's training and of every
 * later run. A hidden class is new to each JVM: its first calls run in the interpreter, and while the
 * start-up keeps C2's queue long the JIT profiles it there instead of compiling it (measured: COBA 4000's
 * fused loop interpreted for 0.1-0.2 s of a 1 s run). A class of the class path is in the cache, with the
 * profile of the training run, and is compiled as soon as it is loaded.
 */
final class FusedLoopJar {

    /** The system property naming the jar to write the classes generated in this JVM to. */
    static final String PROPERTY = "spikeforge.fuseLoops.jar";
    /** The jar's list of its classes, one name a line. */
    static final String LIST = "META-INF/spikeforge/fused-loops";

    private static final Map<String, byte[]> WRITTEN = new LinkedHashMap<>();

    private FusedLoopJar() {
    }

    /** Calls an instance of {@code c} over no items. */
    private static void firstCall(Class<?> c) {
        try {
            ((io.spikeforge.spi.RangeBody) c.getConstructor(Object[].class).newInstance((Object) fieldValues(c).toArray()))
                    .run(0, 0);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Only a head start for the JIT.
        }
    }

    /** A fused class's constructor arguments: an empty array, or zero, per field, in order. */
    private static java.util.List<Object> fieldValues(Class<?> c) {
        java.util.List<Object> args = new ArrayList<>();
        for (int f = 0; ; f++) {
            Class<?> t;
            try {
                t = c.getDeclaredField("a" + f).getType();
            } catch (NoSuchFieldException e) {
                return args;
            }
            args.add(t.isArray() ? java.lang.reflect.Array.newInstance(t.getComponentType(), FusedWarmup.ITEMS)
                    : java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(t, 1), 0));
        }
    }

    /** Adds a generated class to the jar {@value #PROPERTY} names, rewriting it whole; nothing without the property. */
    static synchronized void add(String name, byte[] classFile) {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank() || WRITTEN.containsKey(name)) {
            return;
        }
        WRITTEN.put(name, classFile);
        Path jar = Path.of(p);
        try {
            Files.createDirectories(jar.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(jar.toAbsolutePath().getParent(), "fused", ".tmp");
            try (OutputStream file = Files.newOutputStream(tmp); JarOutputStream out = new JarOutputStream(file)) {
                for (Map.Entry<String, byte[]> e : WRITTEN.entrySet()) {
                    out.putNextEntry(new JarEntry(e.getKey().replace('.', '/') + ".class"));
                    out.write(e.getValue());
                    out.closeEntry();
                }
                out.putNextEntry(new JarEntry(LIST));
                out.write((String.join("\n", WRITTEN.keySet()) + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Without the jar runs use hidden classes, only slower to warm up.
        }
    }

    /**
     * {@return the fused classes the class path's jars list, loaded, initialized and called once}
     * The ahead-of-time cache links a listed class at start-up, but the JVM asks for its compilation (with
     * the training run's profile) only at its first call: without one before the run, a first run of COBA
     * 4000 began in C1's code of the fused loop and took 0.09-0.13 s of CPU against 0.06-0.08 s without
     * fusion. The call is over no items, so that the profile stays the training run's: a warm-up over
     * zeroed arrays had C2 compile for branches the run then took otherwise.
     */
    static List<Class<?>> loadListed() {
        List<Class<?>> out = new ArrayList<>();
        ClassLoader loader = FusedLoopJar.class.getClassLoader();
        try {
            Enumeration<URL> lists = loader.getResources(LIST);
            while (lists.hasMoreElements()) {
                try (InputStream in = lists.nextElement().openStream()) {
                    for (String name : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        if (!name.isBlank()) {
                            try {
                                Class<?> c = Class.forName(name.strip(), true, loader);
                                out.add(c);
                                FusedWarmup.start(c, fieldValues(c));
                            } catch (ClassNotFoundException | LinkageError e) {
                                // listed but not loadable: the run generates or loads its own
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            // no list
        }
        return out;
    }
}
