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
        StepTask made = LoopFusion.atBuild(first.tasks(), cache, true, false);
        assertEquals(generated + 1, LoopFusion.GENERATED.get(), "one class generated on a miss");
        assertEquals(hits, LoopFusion.CACHE_HITS.get());
        assertTrue(Files.exists(cache.file(LoopFusion.cacheKey(first.tasks()))));
        assertSameAsPasses(made, first);

        Net second = new Net();
        StepTask loaded = LoopFusion.atBuild(second.tasks(), cache, true, false);
        assertEquals(generated + 1, LoopFusion.GENERATED.get(), "nothing generated on a hit");
        assertEquals(hits + 1, LoopFusion.CACHE_HITS.get());
        assertEquals("t0+t1+t2+t3", loaded.name());
        assertSameAsPasses(loaded, second);
    }

    @Test
    void aDamagedOrTruncatedEntryIsGeneratedAndWrittenAnew(@TempDir Path dir) throws IOException {
        FusedLoopCache cache = new FusedLoopCache(dir);
        LoopFusion.atBuild(new Net().tasks(), cache, true, false);
        Path file = cache.file(LoopFusion.cacheKey(new Net().tasks()));
        byte[] good = Files.readAllBytes(file);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        for (byte[] bad : List.of(flipped, java.util.Arrays.copyOf(good, good.length - 9), new byte[3])) {
            Files.write(file, bad);
            assertNull(cache.load(LoopFusion.cacheKey(new Net().tasks()), 4), "a damaged entry reads as absent");
            int generated = LoopFusion.GENERATED.get();
            Net net = new Net();
            StepTask again = LoopFusion.atBuild(net.tasks(), cache, true, false);
            assertEquals(generated + 1, LoopFusion.GENERATED.get(), "generated anew");
            assertArrayEquals(good, Files.readAllBytes(file), "and written anew");
            assertSameAsPasses(again, net);
        }
    }

    @Test
    void anEntryOfAnotherKernelOrGeneratorIsNotCurrent(@TempDir Path dir) {
        String key = LoopFusion.cacheKey(new Net().tasks());
        assertNotNull(key);
        assertTrue(LoopFusion.current(key));
        // The first member's class file checksum, as another build of the kernel would have it.
        int bar = key.indexOf('|');
        String other = key.substring(0, bar + 1) + "0" + key.substring(key.indexOf('|', bar + 1));
        assertFalse(LoopFusion.current(other));
        assertFalse(LoopFusion.current(key.replaceFirst("java \\d+", "java 11")));
        FusedLoopCache cache = new FusedLoopCache(dir);
        assertNull(cache.load(other, 4), "an entry is looked up by its whole key");
    }

    @Test
    void aPreloadedClassIsTheOneTheBuildUses(@TempDir Path dir) {
        FusedLoopCache cache = new FusedLoopCache(dir);
        LoopFusion.atBuild(new Net().tasks(), cache, true, false);
        FusedLoopCache.Entry e = FusedLoopCache.read(cache.newest(1).get(0));
        assertNotNull(e);
        FusedLoopCache.Segment s = e.segments().get(0);
        List<Object> args = LoopFusion.warmArgs(s.classKey(), s.scalars());
        // current, ge, in_e, v (shared), gi, in_i, refractory, spikes: eight distinct arrays of the 14 arguments.
        assertNotNull(args);
        assertEquals(8, args.stream().filter(a -> a.getClass().isArray())
                .map(System::identityHashCode).distinct().count());
        assertEquals(List.of(20f, 0.98f, 0f, 0.99f, -80f, -60f, -60f, -50f, 1f, 0.995f, 50),
                args.stream().filter(a -> !a.getClass().isArray()).toList());
        LoopFusion.preload(cache, 2);
        Net net = new Net();
        assertSameAsPasses(LoopFusion.atBuild(net.tasks(), cache, false, false), net);
    }
}
