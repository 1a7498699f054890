package io.spikeforge.core.cache;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps a disk cache (the generated models', the fused loops') from growing without end. Every entry is
 * a file or a folder directly in the cache folder, its modification time the last time a run used it
 * ({@link #touch}); a changed kernel, model or JDK makes new entries and leaves the old ones unused. After
 * a run adds an entry, {@link #prune} removes those unused for longer than a limit and, least recently used
 * first, those past a count, and leftovers of writes that a killed run never finished.
 */
public final class CacheFolder {

    /** Entries unused for longer than this are removed. */
    public static final Duration MAX_UNUSED = Duration.ofDays(30);
    /** A temporary entry ({@code *.tmp*}) this old belongs to no run still writing it. */
    static final Duration STALE_TEMPORARY = Duration.ofHours(1);

    private CacheFolder() {
    }

    /** Marks {@code entry} used now, so that {@link #prune} keeps it; an entry that cannot be touched is left as it is. */
    public static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
        } catch (IOException | UnsupportedOperationException e) {
            // Only the order of pruning depends on it.
        }
    }

    /**
     * Removes from {@code folder} the entries unused for longer than {@link #MAX_UNUSED}, then the least recently
     * used beyond {@code keep}, never {@code inUse}; and temporary entries older than {@link #STALE_TEMPORARY}.
     * What cannot be listed or removed is left: a cache that cannot be pruned still works.
     *
     * @param folder the cache folder
     * @param keep   the most entries to keep, at least 1
     * @param inUse  the entry the calling run uses (kept whatever its age), or null
     * @param now    the present time
     * @return the entries removed
     */
    public static List<Path> prune(Path folder, int keep, Path inUse, Instant now) {
        List<Path> removed = new ArrayList<>();
        List<Path> entries;
        try (Stream<Path> s = Files.list(folder)) {
            entries = s.toList();
        } catch (IOException e) {
            return removed;
        }
        record Used(Path path, Instant at) {
        }
        List<Used> used = new ArrayList<>();
        for (Path p : entries) {
            Instant at;
            try {
                at = Files.getLastModifiedTime(p).toInstant();
            } catch (IOException e) {
                continue;
            }
            if (p.getFileName().toString().contains(".tmp")) {
                if (at.isBefore(now.minus(STALE_TEMPORARY)) && delete(p)) {
                    removed.add(p);
                }
            } else if (!p.equals(inUse)) {
                used.add(new Used(p, at));
            }
        }
        used.sort(Comparator.comparing(Used::at).reversed().thenComparing(u -> u.path().getFileName().toString()));
        int kept = inUse != null && Files.exists(inUse) ? 1 : 0;
        for (Used u : used) {
            boolean keepIt = kept < Math.max(1, keep) && !u.at().isBefore(now.minus(MAX_UNUSED));
            if (keepIt) {
                kept++;
            } else if (delete(u.path())) {
                removed.add(u.path());
            }
        }
        return removed;
    }

    /** {@return whether {@code p}, a file or a folder with all it holds, is gone} */
    private static boolean delete(Path p) {
        try {
            if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.walkFileTree(p, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                        Files.delete(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } else {
                Files.deleteIfExists(p);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
