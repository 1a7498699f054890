package io.spikeforge.core.backend;

import io.spikeforge.core.cache.CacheFolder;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The fused loops ({@link LoopFusion}) of each run of tasks, on disk, so that a later JVM loads the
 * generated classes instead of reading the kernels' class files and writing new ones with the class-file
 * library: that library's first use costs a fresh JVM about 0.1 s and hundreds of JIT compilations, as long
 * as COBA 4000's whole loop (BENCHMARKS.md, issue 21).
 *
 * <p>An entry is named by a hash of its key and holds the key itself, which names every member's kernel,
 * a checksum of the kernel's class file and of the generator's own, the Java version and which arguments
 * are the same array; a changed kernel, generator or JDK therefore never meets an old entry. An entry that
 * does not read back whole (its checksum, its key, its segments) counts as absent and is written anew.
 *
 * <p>The folder is {@value #PROPERTY} when set, else {@code $XDG_CACHE_HOME/spikeforge/fused}, else
 * {@code ~/.cache/spikeforge/fused}. A run that adds an entry removes those unused for
 * {@link CacheFolder#MAX_UNUSED} and the least recently used past {@link #KEEP}.
 */
final class FusedLoopCache {

    /** The system property naming the cache folder. */
    static final String PROPERTY = "spikeforge.fuseLoops.cache";
    private static final int MAGIC = 0x53464c34; // "SFL4"
    /**
     * Entries kept when a run adds one ({@link CacheFolder#prune}): each is a few kilobytes, and a network has
     * one per chain of elementwise tasks, so this covers hundreds of networks of every kernel version in use.
     */
    static final int KEEP = 256;

    /**
     * Members {@code [from, to)} of a run: one fused class ({@code bytes}, its class file, of the class
     * {@code name}, which {@code classKey} keys in this JVM) or, with {@code bytes} null, one member left to run as its own pass ({@code to == from + 1}).
     */
    record Segment(int from, int to, byte[] bytes, String classKey, String name) {

        /** A member left to run as its own pass. */
        static Segment plain(int member) {
            return new Segment(member, member + 1, null, null, null);
        }
    }

    /** An entry as stored: its key and its segments. */
    record Entry(String key, List<Segment> segments) {
    }

    private final Path folder;

    FusedLoopCache(Path folder) {
        this.folder = folder;
    }

    /** {@return the cache in the folder the system property or the environment names} */
    static FusedLoopCache standard() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return new FusedLoopCache(Path.of(p));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new FusedLoopCache(base.resolve("spikeforge").resolve("fused"));
    }

    /** {@return the entry's file} */
    Path file(String key) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return folder.resolve(String.format("%08x%08x.fused", key.hashCode(), crc.getValue()));
    }

    /**
     * {@return the segments stored for {@code key}, covering members 0 to {@code members} in order, or
     * null when there is no such entry or it does not read back whole}
     */
    List<Segment> load(String key, int members) {
        Path file = file(key);
        Entry e = read(file);
        if (e == null || !e.key().equals(key) || e.segments().getLast().to() != members) {
            return null;
        }
        CacheFolder.touch(file);
        return e.segments();
    }

    /** {@return the entry in {@code file}, or null when there is none or it does not read back whole} */
    static Entry read(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
        if (all.length < 12) {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        if (ByteBuffer.wrap(all, all.length - 8, 8).getLong() != crc.getValue()) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(all, 0, all.length - 8))) {
            if (in.readInt() != MAGIC) {
                return null;
            }
            String key = string(in);
            int n = in.readInt();
            List<Segment> out = new ArrayList<>();
            int next = 0;
            for (int s = 0; s < n; s++) {
                int from = in.readInt();
                int to = in.readInt();
                int length = in.readInt();
                if (from != next || to <= from || (length < 0 && to != from + 1)) {
                    return null;
                }
                if (length < 0) {
                    out.add(Segment.plain(from));
                } else {
                    byte[] bytes = in.readNBytes(length);
                    if (bytes.length != length) {
                        return null;
                    }
                    String classKey = string(in);
                    String name = string(in);
                    out.add(new Segment(from, to, bytes, classKey, name));
                }
                next = to;
            }
            return next > 0 && in.available() == 0 ? new Entry(key, out) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        byte[] b = in.readNBytes(length);
        if (length < 0 || b.length != length) {
            throw new IOException("truncated");
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** Stores the segments for {@code key}, replacing any entry; a folder that cannot be written is left as it is. */
    void store(String key, List<Segment> segments) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(MAGIC);
                string(out, key);
                out.writeInt(segments.size());
                for (Segment s : segments) {
                    out.writeInt(s.from());
                    out.writeInt(s.to());
                    out.writeInt(s.bytes() == null ? -1 : s.bytes().length);
                    if (s.bytes() != null) {
                        out.write(s.bytes());
                        string(out, s.classKey());
                        string(out, s.name());
                    }
                }
                CRC32 crc = new CRC32();
                crc.update(bytes.toByteArray());
                out.writeLong(crc.getValue());
            }
            Files.createDirectories(folder);
            // Written under another name and moved, so that a concurrent run never reads half an entry.
            Path tmp = Files.createTempFile(folder, "entry", ".tmp");
            try {
                Files.write(tmp, bytes.toByteArray());
                Files.move(tmp, file(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            CacheFolder.prune(folder, KEEP, file(key), java.time.Instant.now());
        } catch (IOException | RuntimeException e) {
            // Only a cache: the next run generates the loops again.
        }
    }
}
