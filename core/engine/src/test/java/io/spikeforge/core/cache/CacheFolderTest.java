package io.spikeforge.core.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cache folder keeps its most recently used entries and drops what no run has used for a month. */
class CacheFolderTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @TempDir
    Path folder;

    private Path entry(String name, Duration ago, boolean directory) throws IOException {
        Path p = folder.resolve(name);
        if (directory) {
            Files.createDirectories(p.resolve("io/spikeforge"));
            Files.writeString(p.resolve("io/spikeforge/A.class"), "x");
        } else {
            Files.writeString(p, "x");
        }
        Files.setLastModifiedTime(p, FileTime.from(NOW.minus(ago)));
        return p;
    }

    private List<String> left() throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void keepsTheMostRecentlyUsedAndTheOneInUse() throws IOException {
        Path inUse = entry("a.fused", Duration.ofDays(3), false);
        entry("b.fused", Duration.ofHours(1), false);
        entry("c.fused", Duration.ofHours(2), false);
        entry("d", Duration.ofHours(3), true);
        entry("e.fused", Duration.ofDays(2), false);
        List<Path> removed = CacheFolder.prune(folder, 3, inUse, NOW);
        // a (in use, counted), then b and c by recency; d (a folder, with what it holds) and e go.
        assertEquals(List.of("a.fused", "b.fused", "c.fused"), left());
        assertEquals(List.of("d", "e.fused"), removed.stream().map(p -> p.getFileName().toString()).sorted().toList());
    }

    @Test
    void dropsWhatNoRunHasUsedForLongerThanTheLimitAndStaleTemporaries() throws IOException {
        entry("old.fused", CacheFolder.MAX_UNUSED.plusMinutes(1), false);
        entry("recent.fused", CacheFolder.MAX_UNUSED.minusMinutes(1), false);
        entry("entry123.tmp", CacheFolder.STALE_TEMPORARY.plusMinutes(1), false);
        entry("m1.tmp42", CacheFolder.STALE_TEMPORARY.plusMinutes(1), true);
        entry("entry456.tmp", CacheFolder.STALE_TEMPORARY.minusMinutes(1), false);
        CacheFolder.prune(folder, 100, null, NOW);
        assertEquals(List.of("entry456.tmp", "recent.fused"), left());
    }

    @Test
    void touchMakesAnEntryTheMostRecent() throws IOException {
        Path a = entry("a.fused", Duration.ofDays(1), false);
        entry("b.fused", Duration.ofHours(1), false);
        CacheFolder.touch(a);
        assertTrue(Files.getLastModifiedTime(a).toInstant().isAfter(Instant.now().minusSeconds(60)));
        CacheFolder.prune(folder, 1, null, Instant.now());
        assertEquals(List.of("a.fused"), left());
    }

    @Test
    void aMissingFolderIsLeftAsItIs() {
        assertEquals(List.of(), CacheFolder.prune(folder.resolve("none"), 1, null, NOW));
    }
}
