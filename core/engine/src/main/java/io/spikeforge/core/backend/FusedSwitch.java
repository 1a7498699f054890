package io.spikeforge.core.backend;

import io.spikeforge.spi.RangeBody;
import io.spikeforge.spi.StepTask;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The task a chain's run of elementwise tasks becomes when its kernels fuse ({@link LoopFusion}): it runs
 * the members' passes, or their fused loops, or the passes until the fused loops are ready and faster.
 */
final class FusedSwitch {

    private FusedSwitch() {
    }

    /**
     * {@return one task that runs {@code run}'s tasks one after another, and their fused loops once a
     * thread of its own has built them and they have become the faster} Building a fused class costs a
     * fresh JVM about 0.1 s (the class-file library's first use, then the JIT), as long as COBA 4000's
     * whole loop, so it is never on the run's path; both forms give the same floats, so when the switch
     * comes changes nothing.
     *
     * @param run consecutive elementwise tasks of one chain, of one size, at least two
     */
    static StepTask deferred(List<StepTask> run) {
        return switching(run, run, null, START_AFTER_CALLS, null, null);
    }

    /**
     * {@return one task over {@code run}'s members that runs {@code tasks}} and switches to
     * {@code candidate} once it is the faster ({@link Switch}); without a candidate, from call
     * {@code startAfter} on (never when negative), a thread beside the run generates one (storing it in
     * {@code cache} under {@code key} when both are given)
     */
    static StepTask switching(List<StepTask> run, List<StepTask> tasks, List<StepTask> candidate,
            int startAfter, FusedLoopCache cache, String key) {
        Map<Object, Boolean> reads = new IdentityHashMap<>();
        Map<Object, Boolean> writes = new IdentityHashMap<>();
        for (StepTask t : run) {
            t.reads().forEach(a -> reads.put(a, true));
            t.writes().forEach(a -> writes.put(a, true));
        }
        Switch body = new Switch(run, tasks, candidate, startAfter, cache, key);
        return StepTask.parallel(LoopFusion.names(run), run.get(0).size()).reads(reads.keySet().toArray())
                .writes(writes.keySet().toArray()).elementwise().body(body);
    }

    /**
     * Calls before the fusing thread starts. Its first use of the class-file library gives the JIT
     * hundreds of methods to compile, and on two cores that kept the run's own step methods in C1's code
     * when it began with the run (a fresh JVM's COBA 4000 first run, 3 s simulated: 0.28-0.33 against
     * 0.17-0.18 s); by this many steps they are compiled.
     */
    static final int START_AFTER_CALLS = 5000;

    /** One call in this many runs the candidate fused loops, the one before it the current tasks, both timed. */
    static final int SAMPLE_EVERY = 256;
    /** Samples in a row in which the fused loops must be the faster before the run switches to them. */
    static final int WINS = 3;
    /** Samples after which fused loops that have not won are dropped (about 100,000 calls). */
    static final int GIVE_UP_SAMPLES = 400;

    /**
     * Runs its tasks one after another, and switches to their fused loops once those are faster. A fused
     * class is compiled by the JIT after the members' kernels (which start-up had compiled), so at first
     * its calls run in the interpreter or in C1's code, several times slower; every {@link #SAMPLE_EVERY}
     * calls the run times one call of the members and the next of the candidate fused loops (both give the
     * same floats, so which one runs a step changes nothing), and takes the fused loops when they have
     * been the faster {@link #WINS} times in a row. No thread of its own competes with the run for the
     * cores: on two cores, a thread warming the fused class beside the run made COBA 4000's first run
     * slower than the members alone (BENCHMARKS.md, issue 21). Without a candidate yet, a thread makes one
     * from call {@code startAfter} on (the class-file library, then the disk cache's entry).
     */
    private static final class Switch implements RangeBody {
        private final List<StepTask> run;
        private final int startAfter;
        private final FusedLoopCache cache;
        private final String key;
        volatile StepTask[] tasks;
        volatile StepTask[] candidate;
        private int calls;
        // Sampling state: updated by every worker without locks; a race only moves the switch by a sample.
        private int sampleCalls;
        private long membersNanos;
        private int wins;
        private int samples;
        private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();

        Switch(List<StepTask> run, List<StepTask> tasks, List<StepTask> candidate, int startAfter,
                FusedLoopCache cache, String key) {
            this.run = List.copyOf(run);
            this.tasks = tasks.toArray(StepTask[]::new);
            this.candidate = candidate == null ? null : candidate.toArray(StepTask[]::new);
            this.startAfter = startAfter;
            this.cache = cache;
            this.key = key;
        }

        @Override
        public void run(int from, int to) {
            if (calls <= startAfter && calls++ == startAfter && started.compareAndSet(false, true)) {
                Thread.ofPlatform().daemon().name("spikeforge-loop-fusion").start(this::fuseNow);
            }
            StepTask[] c = candidate;
            if (c == null) {
                runAll(tasks, from, to);
                return;
            }
            int phase = ++sampleCalls & (SAMPLE_EVERY - 1);
            if (phase == SAMPLE_EVERY - 1) {
                long t0 = System.nanoTime();
                runAll(tasks, from, to);
                membersNanos = System.nanoTime() - t0;
            } else if (phase == 0) {
                long t0 = System.nanoTime();
                runAll(c, from, to);
                long fused = System.nanoTime() - t0;
                wins = fused < membersNanos ? wins + 1 : 0;
                if (wins >= WINS) {
                    tasks = c;
                    candidate = null;
                } else if (++samples >= GIVE_UP_SAMPLES) {
                    candidate = null;
                }
            } else {
                runAll(tasks, from, to);
            }
        }

        private static void runAll(StepTask[] tasks, int from, int to) {
            for (StepTask t : tasks) {
                t.run(from, to);
            }
        }

        private void fuseNow() {
            try {
                List<FusedLoopCache.Segment> s = LoopFusion.segments(run);
                if (cache != null && key != null) {
                    cache.store(key, s);
                }
                List<StepTask> f = LoopFusion.instantiate(run, s, true);
                if (f.size() < run.size()) {
                    candidate = f.toArray(StepTask[]::new);
                }
            } catch (RuntimeException | LinkageError e) {
                // The members go on running as they are: fusion only saves time.
            }
        }
    }

}
