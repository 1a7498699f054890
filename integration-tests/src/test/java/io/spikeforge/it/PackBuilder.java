package io.spikeforge.it;

import io.spikeforge.spi.SpikeForgePlugin;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds small packs for tests as a pack author would: Java sources compiled against the SPI jar alone,
 * packed into a jar with a manifest and a service file, in a pack directory of its own.
 */
final class PackBuilder {

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> plugins = new ArrayList<>();
    private final List<String> omitted = new ArrayList<>();
    private String spiVersion = String.valueOf(SpikeForgePlugin.SPI_VERSION);

    /** Adds a class, given its fully qualified name and source. */
    PackBuilder source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Adds a class and lists it as a plugin in the service file. */
    PackBuilder plugin(String className, String code) {
        plugins.add(className);
        return source(className, code);
    }

    /** Sets the manifest's SpikeForge-SPI-Version; null leaves it out. */
    PackBuilder spiVersion(String version) {
        this.spiVersion = version;
        return this;
    }

    /** Compiles the class but leaves it out of the jar, as a pack that forgot a dependency would. */
    PackBuilder omit(String className) {
        omitted.add(className.replace('.', '/') + ".class");
        return this;
    }

    /**
     * Compiles and writes {@code packs/<name>/<name>.jar}; returns the pack directory. The sources and
     * classes go to a temporary folder that is deleted before this returns, whether the pack builds or not.
     */
    Path build(Path packs, String name) throws IOException {
        Path work = Files.createTempDirectory("pack-src-");
        try {
            return compileAndPack(work, packs, name);
        } finally {
            deleteTree(work);
        }
    }

    private Path compileAndPack(Path work, Path packs, String name) throws IOException {
        Path src = work.resolve("src");
        Path classes = work.resolve("classes");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", spiLocation().toString(),
                "--release", "25", "-nowarn"));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("test pack " + name + " does not compile");
        }
        Path dir = packs.resolve(name);
        Files.createDirectories(dir);
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (spiVersion != null) {
            mf.getMainAttributes().putValue(SpikeForgePlugin.MANIFEST_ATTRIBUTE, spiVersion);
        }
        try (OutputStream file = Files.newOutputStream(dir.resolve(name + ".jar"));
             JarOutputStream jar = new JarOutputStream(file, mf);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path c : walk.filter(Files::isRegularFile).sorted().toList()) {
                String entry = classes.relativize(c).toString().replace('\\', '/');
                if (omitted.contains(entry)) {
                    continue;
                }
                jar.putNextEntry(new JarEntry(entry));
                jar.write(Files.readAllBytes(c));
                jar.closeEntry();
            }
            if (!plugins.isEmpty()) {
                jar.putNextEntry(new JarEntry("META-INF/services/" + SpikeForgePlugin.class.getName()));
                jar.write((String.join("\n", plugins) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return dir;
    }

    /** Deletes a folder and everything in it, deepest first. */
    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Path spiLocation() {
        try {
            return Path.of(SpikeForgePlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
