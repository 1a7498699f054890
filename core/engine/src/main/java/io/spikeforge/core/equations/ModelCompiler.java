package io.spikeforge.core.equations;

import io.spikeforge.core.cache.CacheFolder;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles the kernel classes generated from models with the JDK's compiler and SpikeForge's kernel
 * processor, exactly as a Java pack's kernels are compiled, so that each kernel gets its typed call and
 * its device form from its one declaration. Classes are cached on disk, in a folder named by a hash of
 * the source, of the processor and of the Java version, so that a second run compiles nothing; the
 * folder is what a device backend exports to its device (it is the classes' code source).
 *
 * <p>The cache lives in {@value #PROPERTY} when set, else {@code $XDG_CACHE_HOME/spikeforge/models}, else
 * {@code ~/.cache/spikeforge/models}. A run that compiles a model removes the models unused for
 * {@link CacheFolder#MAX_UNUSED} and the least recently used past {@link #KEEP}.
 */
public final class ModelCompiler {

    /** The system property naming the cache folder. */
    public static final String PROPERTY = "spikeforge.model.cache";
    /**
     * Models kept when a run compiles one ({@link CacheFolder#prune}): a model's folder holds its few classes,
     * tens of kilobytes, and each change of a model's equations or parameters' layout makes another.
     */
    static final int KEEP = 512;
    private static final String PROCESSOR = "io.spikeforge.processor.KernelProcessor";

    /** One compiled model's classes: the folder and the loader that defines them. */
    record Compiled(Path folder, ClassLoader loader, boolean cached, double seconds) {
    }

    private static final Map<String, Compiled> LOADED = new ConcurrentHashMap<>();
    private static volatile String processorHash;

    private ModelCompiler() {
    }

    /** {@return the cache folder} */
    public static Path cacheFolder() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("spikeforge").resolve("models");
    }

    /** {@return the package a class of this source goes into: named by the hash, so that two versions never meet} */
    static String packageFor(String className, String body) {
        return "io.spikeforge.generated.m" + hash(className + "\n" + body + "\n" + processorHash() + "\n"
                + Runtime.version().feature()).substring(0, 20);
    }

    /**
     * {@return the compiled classes of one source}: from this JVM's earlier compile, from the disk
     * cache, or compiled now
     *
     * @param className the class's full name
     * @param source    its source
     * @throws IllegalStateException when the JDK has no compiler or the source does not compile
     */
    static Compiled compile(String className, String source) {
        String key = className;
        Compiled known = LOADED.get(key);
        if (known != null) {
            return new Compiled(known.folder(), known.loader(), true, 0);
        }
        synchronized (ModelCompiler.class) {
            known = LOADED.get(key);
            if (known != null) {
                return new Compiled(known.folder(), known.loader(), true, 0);
            }
            long t0 = System.nanoTime();
            Path folder = cacheFolder().resolve(className.substring(0, className.lastIndexOf('.')).replace('.', '-'));
            boolean cached = Files.isDirectory(folder) && Files.exists(folder.resolve(className.replace('.', '/')
                    + "Calls.class"));
            if (cached) {
                CacheFolder.touch(folder);
            } else {
                javac(className, source, folder);
                CacheFolder.prune(cacheFolder(), KEEP, folder, java.time.Instant.now());
            }
            Compiled c = new Compiled(folder, loader(folder), cached, (System.nanoTime() - t0) / 1e9);
            LOADED.put(key, c);
            return c;
        }
    }

    /** Compiles an empty class in memory, loading the compiler's classes (see EquationModels#loadTheCompiler). */
    static void loadTheCompiler() {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return;
        }
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Empty.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return "final class Empty {\n}\n";
            }
        };
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            Path tmp = Files.createTempDirectory("spikeforge-javac");
            javac.getTask(null, files, null, List.of("-proc:none", "-d", tmp.toString()), null, List.of(file)).call();
            delete(tmp);
        } catch (IOException e) {
            // Only a warm-up of the compiler's classes: nothing depends on it.
        }
    }

    private static ClassLoader loader(Path folder) {
        try {
            return new URLClassLoader("spikeforge-model " + folder.getFileName(), new URL[] {folder.toUri().toURL()},
                    ModelCompiler.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void javac(String className, String source, Path folder) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("models written as equations are compiled by the JDK's compiler, and this"
                    + " Java runtime has none (module jdk.compiler): run on a full JDK");
        }
        Path tmp;
        try {
            Files.createDirectories(folder.getParent());
            tmp = Files.createTempDirectory(folder.getParent(), folder.getFileName() + ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model cache " + folder.getParent() + " (set -D" + PROPERTY
                    + " to a writable folder)", e);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        URI uri = URI.create("string:///" + className.replace('.', '/') + JavaFileObject.Kind.SOURCE.extension);
        JavaFileObject file = new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", classPath(), "-processorpath", processorPath(),
                    "-processor", PROCESSOR, "-d", tmp.toString(), "-g", "-nowarn", "-implicit:none");
            if (!javac.getTask(null, files, diagnostics, options, null, List.of(file)).call()) {
                StringBuilder why = new StringBuilder();
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        why.append("line ").append(d.getLineNumber()).append(": ")
                                .append(d.getMessage(Locale.ROOT).lines().findFirst().orElse("")).append("; ");
                    }
                }
                throw new IllegalStateException("the code generated for " + className + " does not compile: " + why
                        + "this is a bug of SpikeForge's code generation; the source follows.\n" + source);
            }
            try {
                Files.move(tmp, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // Another run compiled the same model at the same time: its classes are the same.
                delete(tmp);
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                delete(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** The class path the generated source sees: the SPI and the kernels, wherever they were loaded from. */
    private static String classPath() {
        Set<String> path = new LinkedHashSet<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        path.add(location(io.spikeforge.spi.Kernel.class));
        path.add(location(io.spikeforge.kernels.EquationMath.class));
        path.remove("");
        return String.join(File.pathSeparator, path);
    }

    private static String processorPath() {
        URL url = ModelCompiler.class.getClassLoader().getResource(PROCESSOR.replace('.', '/') + ".class");
        if (url == null) {
            throw new IllegalStateException("models written as equations need the kernel processor"
                    + " (spikeforge-processor's jar) on the class path, and it is not there");
        }
        String s = url.toString();
        try {
            if (s.startsWith("jar:")) {
                return Path.of(new URI(s.substring(4, s.indexOf("!/")))).toString();
            }
            Path classFile = Path.of(url.toURI());
            Path root = classFile;
            for (int k = 0; k < PROCESSOR.split("\\.").length; k++) {
                root = root.getParent();
            }
            return root.toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | NullPointerException e) {
            return "";
        }
    }

    /** A hash of the processor's classes: a new processor writes new calls and device forms. */
    private static String processorHash() {
        String h = processorHash;
        if (h == null) {
            try (InputStream in = ModelCompiler.class.getClassLoader().getResourceAsStream(
                    "io/spikeforge/processor/KernelSources.class")) {
                h = in == null ? "none" : hash(HexFormat.of().formatHex(in.readAllBytes()));
            } catch (IOException e) {
                h = "unreadable";
            }
            processorHash = h;
        }
        return h;
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@return the names of the compiled classes in the folder, for listings} */
    static List<String> classes(Path folder) {
        List<String> out = new ArrayList<>();
        try (var walk = Files.walk(folder)) {
            walk.filter(p -> p.toString().endsWith(".class")).forEach(p -> out.add(folder.relativize(p).toString()));
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
