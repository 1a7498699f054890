package io.spikeforge.kernels.fusion;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compiles fused kernels ({@link FusedKernel}) with the JDK's own compiler, in memory, into class
 * files: a device backend writes them where its device reads code, and the JVM can define them next
 * to the kernels they call ({@link #define}). The compiler sees the class path and the jars or folders
 * of the members' kernel classes (a pack's jar, say).
 */
public final class KernelCompiler {

    private long nanos;
    private int compiled;

    /**
     * {@return the class files of the kernels, by class name}
     *
     * @throws IllegalStateException when this Java runtime has no compiler, or it refuses a source
     */
    public Map<String, byte[]> compile(List<FusedKernel> kernels) {
        long t0 = System.nanoTime();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("fusing kernels needs the JDK's compiler, and this Java runtime has none"
                    + " (module jdk.compiler): run on a full JDK");
        }
        List<JavaFileObject> sources = new ArrayList<>();
        Set<String> classPath = new LinkedHashSet<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        for (FusedKernel k : kernels) {
            URI uri = URI.create("string:///" + k.className().replace('.', '/') + JavaFileObject.Kind.SOURCE.extension);
            sources.add(new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return k.source();
                }
            });
            k.memberClasses().forEach(c -> location(c).ifPresent(classPath::add));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> out = new LinkedHashMap<>();
        try (JavaFileManager files = new ForwardingJavaFileManager<>(javac.getStandardFileManager(diagnostics,
                Locale.ROOT, null)) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("bytes:///" + className.replace('.', '/')), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return out.computeIfAbsent(className, n -> new ByteArrayOutputStream());
                    }
                };
            }
        }) {
            List<String> options = List.of("-classpath", String.join(File.pathSeparator, classPath), "-proc:none", "-g",
                    "-nowarn");
            if (!javac.getTask(null, files, diagnostics, options, null, sources).call()) {
                StringBuilder why = new StringBuilder();
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        why.append(d.getMessage(Locale.ROOT).lines().findFirst().orElse("")).append("; ");
                    }
                }
                throw new IllegalStateException("a fused kernel does not compile: " + why);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        out.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        compiled += kernels.size();
        nanos += System.nanoTime() - t0;
        return classes;
    }

    /**
     * {@return the kernel's class, defined from its class file in the package, and the class loader, of
     * the kernels it calls}: package-private kernels (a pack's) are then in reach, as they are for the
     * generated device forms
     */
    public static Class<?> define(FusedKernel kernel, byte[] classFile) {
        ClassLoader loader = kernel.anchor().getClassLoader();
        Class<?> known = null;
        try {
            // The name carries the source's hash: a class of that name its loader already has (a device
            // backend loaded it from its folder of device classes) is this kernel.
            known = Class.forName(kernel.className(), false, loader);
            if (known.getClassLoader() == loader) {
                return known;
            }
        } catch (ClassNotFoundException e) {
            // Not defined yet: define it below.
        }
        try {
            return MethodHandles.privateLookupIn(kernel.anchor(), MethodHandles.lookup()).defineClass(classFile);
        } catch (LinkageError e) {
            // The loader asked its parent first and found the copy a device backend wrote to its folder of
            // device classes (on the class path): the loader now answers that name with that copy, the
            // same class file, and may define no other.
            if (known != null) {
                return known;
            }
            throw e;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot define " + kernel.className() + " beside " + kernel.anchor(), e);
        }
    }

    private static java.util.Optional<String> location(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Path.of(cs.getLocation().toURI()).toString());
        } catch (URISyntaxException e) {
            return java.util.Optional.empty();
        }
    }

    /** {@return the seconds spent in the compiler so far} */
    public double seconds() {
        return nanos / 1e9;
    }

    /** {@return the kernels compiled so far} */
    public int compiled() {
        return compiled;
    }
}
