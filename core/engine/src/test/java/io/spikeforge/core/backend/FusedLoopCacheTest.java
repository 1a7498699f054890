package io.spikeforge.core.backend;

import io.spikeforge.kernels.InputKernelsCalls;
import io.spikeforge.kernels.NeuronKernelsCalls;
import io.spikeforge.kernels.OutputKernelsCalls;
import io.spikeforge.spi.KernelCall;
import io.spikeforge.spi.StepTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fused loops on disk: a later build loads them without generating, and a damaged entry is made anew. */
class FusedLoopCacheTest {

    private static final int N = 777;

    /** A COBA population's arrays (the bias, two Expon + COBA projections, LIF). */
    private static final class Net {
        final float[] v = new float[N];
        final float[] current = new float[N];
        final float[] ge = new float[N];
        final float[] ine = new float[N];
        final float[] gi = new float[N];
        final float[] ini = new float[N];
        final int[] refractory = new int[N];
        final int[] spikes = new int[N];

        Net() {
            SplittableRandom r = new SplittableRandom(5);
            for (int i = 0; i < N; i++) {
                v[i] = (float) (-60 + 12 * r.nextDouble());
                ge[i] = (float) r.nextDouble();
                gi[i] = (float) (3 * r.nextDouble());
                ine[i] = r.nextInt(4) == 0 ? 0.6f : 0f;
                ini[i] = r.nextInt(6) == 0 ? 6.7f : 0f;
                refractory[i] = r.nextInt(5) == 0 ? r.nextInt(50) : 0;
            }
        }

        List<StepTask> tasks() {
            List<KernelCall> calls = List.of(InputKernelsCalls.addConstant(current, 20f),
                    OutputKernelsCalls.exponCoba(ge, ine, v, current, 0.98f, 0f),
                    OutputKernelsCalls.exponCoba(gi, ini, v, current, 0.99f, -80f),
                    NeuronKernelsCalls.lif(v, refractory, current, spikes, -60f, -60f, -50f, 1f, 0.995f, 50));
            List<StepTask> out = new ArrayList<>();
            for (int k = 0; k < calls.size(); k++) {
                out.add(StepTask.of("t" + k, N, calls.get(k)));
            }
            return out;
        }
    }

    /** Steps the task and the passes over fresh networks and compares every array, bit for bit. */
    private static void assertSameAsPasses(StepTask one, Net fused) {
        Net passes = new Net();
        List<StepTask> plain = passes.tasks();
        for (int step = 0; step < 20; step++) {
            for (StepTask t : plain) {
                t.run(0, N);
            }
            one.run(0, N);
        }
        assertArrayEquals(passes.v, fused.v);
        assertArrayEquals(passes.current, fused.current);
        assertArrayEquals(passes.ge, fused.ge);
        assertArrayEquals(passes.gi, fused.gi);
        assertArrayEquals(passes.refractory, fused.refractory);
        assertArrayEquals(passes.spikes, fused.spikes);
    }

    @Test
    void aSecondBuildLoadsTheLoopsWithoutGeneratingThem(@TempDir Path dir) {
        FusedLoopCache cache = new FusedLoopCache(dir);
        Net first = new Net();
        int generated = LoopFusion.GENERATED.get();
        int hits = LoopFusion.CACHE_HITS.get();
        StepTask made = LoopFusion.atBuild(first.tasks(), cache, true, false, false);
        assertEquals(generated + 1, LoopFusion.GENERATED.get(), "one class generated on a miss");
        assertEquals(hits, LoopFusion.CACHE_HITS.get());
        assertTrue(Files.exists(cache.file(LoopFusion.cacheKey(first.tasks()))));
        assertSameAsPasses(made, first);

        Net second = new Net();
        StepTask loaded = LoopFusion.atBuild(second.tasks(), cache, true, false, false);
        assertEquals(generated + 1, LoopFusion.GENERATED.get(), "nothing generated on a hit");
        assertEquals(hits + 1, LoopFusion.CACHE_HITS.get());
        assertEquals("t0+t1+t2+t3", loaded.name());
        assertSameAsPasses(loaded, second);
    }

    @Test
    void aNewEntryPrunesTheFolderToItsMostRecentlyUsedEntries(@TempDir Path dir) throws IOException {
        FusedLoopCache cache = new FusedLoopCache(dir);
        java.time.Instant now = java.time.Instant.now();
        for (int k = 0; k < FusedLoopCache.KEEP + 10; k++) {
            Path old = dir.resolve(String.format("%04d.fused", k));
            Files.writeString(old, "an entry of older kernels");
            // k = 0 the most recently used, 1 minute older each
            Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(now.minusSeconds(60L * (k + 1))));
        }
        Net net = new Net();
        LoopFusion.atBuild(net.tasks(), cache, true, false, false);
        Path made = cache.file(LoopFusion.cacheKey(net.tasks()));
        try (var s = Files.list(dir)) {
            List<String> left = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(FusedLoopCache.KEEP, left.size());
            assertTrue(left.contains(made.getFileName().toString()), "the run's own entry stays");
            assertTrue(left.contains("0000.fused") && left.contains(String.format("%04d.fused", FusedLoopCache.KEEP - 2))
                    && !left.contains(String.format("%04d.fused", FusedLoopCache.KEEP - 1)), left.toString());
        }
    }

    @Test
    void aDamagedOrTruncatedEntryIsGeneratedAndWrittenAnew(@TempDir Path dir) throws IOException {
        FusedLoopCache cache = new FusedLoopCache(dir);
        LoopFusion.atBuild(new Net().tasks(), cache, true, false, false);
        Path file = cache.file(LoopFusion.cacheKey(new Net().tasks()));
        byte[] good = Files.readAllBytes(file);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        for (byte[] bad : List.of(flipped, java.util.Arrays.copyOf(good, good.length - 9), new byte[3])) {
            Files.write(file, bad);
            assertNull(cache.load(LoopFusion.cacheKey(new Net().tasks()), 4), "a damaged entry reads as absent");
            int generated = LoopFusion.GENERATED.get();
            Net net = new Net();
            StepTask again = LoopFusion.atBuild(net.tasks(), cache, true, false, false);
            assertEquals(generated + 1, LoopFusion.GENERATED.get(), "generated anew");
            assertArrayEquals(good, Files.readAllBytes(file), "and written anew");
            assertSameAsPasses(again, net);
        }
    }

    @Test
    void anEntryIsLookedUpByTheWholeKeyOfItsRun(@TempDir Path dir) {
        FusedLoopCache cache = new FusedLoopCache(dir);
        Net net = new Net();
        LoopFusion.atBuild(net.tasks(), cache, true, false, false);
        String key = LoopFusion.cacheKey(net.tasks());
        assertTrue(key.contains("java " + Runtime.version().feature()), key);
        // Another sameness of arrays (the second projection onto its own current) is another class.
        List<StepTask> other = new ArrayList<>(net.tasks());
        other.set(2, StepTask.of("t2", N, OutputKernelsCalls.exponCoba(net.gi, net.ini, net.v, new float[N], 0.99f, -80f)));
        assertFalse(key.equals(LoopFusion.cacheKey(other)));
        assertNull(cache.load(LoopFusion.cacheKey(other), 4));
        assertNotNull(cache.load(key, 4));
        assertNull(cache.load(key, 5), "an entry of another run length is not this run's");
    }

    @Test
    void loopsFromTheCacheSwitchedToWhileTheRunGoesOnGiveThePassesFloats(@TempDir Path dir) {
        FusedLoopCache cache = new FusedLoopCache(dir);
        LoopFusion.atBuild(new Net().tasks(), cache, true, false, false);
        Net passes = new Net();
        Net sampled = new Net();
        List<StepTask> plain = passes.tasks();
        StepTask one = LoopFusion.atBuild(sampled.tasks(), cache, false, true, false);
        // Every sample runs the fused loops once, the switch may come at any of them: all steps must agree.
        for (int step = 0; step < 8 * FusedSwitch.SAMPLE_EVERY; step++) {
            for (StepTask t : plain) {
                t.run(0, 300);
                t.run(300, N);
            }
            one.run(0, 300);
            one.run(300, N);
            passes.ine[step % N] = 0.6f;
            sampled.ine[step % N] = 0.6f;
        }
        assertArrayEquals(passes.v, sampled.v);
        assertArrayEquals(passes.current, sampled.current);
        assertArrayEquals(passes.ge, sampled.ge);
        assertArrayEquals(passes.refractory, sampled.refractory);
        assertArrayEquals(passes.spikes, sampled.spikes);
    }

    @Test
    void theJarListsAndHoldsEveryClassGenerated(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("fused.jar");
        System.setProperty(FusedLoopJar.PROPERTY, jar.toString());
        try {
            LoopFusion.atBuild(new Net().tasks(), new FusedLoopCache(dir.resolve("cache")), true, false, false);
        } finally {
            System.clearProperty(FusedLoopJar.PROPERTY);
        }
        String name = LoopFusion.className(new Net().tasks().stream().map(t -> t.kernel().orElseThrow()).toList());
        try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar.toFile())) {
            String list = new String(j.getInputStream(j.getEntry(FusedLoopJar.LIST)).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(list.lines().anyMatch(name::equals), list);
            assertNotNull(j.getEntry(name.replace('.', '/') + ".class"));
        }
        // A loader over the jar (as the class path) defines the class as a RangeBody of this class path.
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
                getClass().getClassLoader())) {
            assertTrue(io.spikeforge.spi.RangeBody.class.isAssignableFrom(Class.forName(name, true, loader)));
        }
    }

    @Test
    void byDefaultOnlyLoopsWhoseClassesTheClassPathHoldsAreTaken(@TempDir Path dir) {
        FusedLoopCache cache = new FusedLoopCache(dir);
        assertNull(LoopFusion.atBuild(new Net().tasks(), cache, true, true, true), "not in the cache: the passes");
        LoopFusion.atBuild(new Net().tasks(), cache, true, false, false);
        // In the cache now, but as a hidden class (no jar of fused classes on this test's class path).
        assertNull(LoopFusion.atBuild(new Net().tasks(), cache, false, true, true));
        assertNotNull(LoopFusion.atBuild(new Net().tasks(), cache, false, true, false));
    }
}
