package io.spikeforge.core.backend;

import io.spikeforge.spi.NetworkView;
import io.spikeforge.spi.Backend;
import io.spikeforge.spi.RunListener;
import io.spikeforge.spi.StepTask;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a network's step tasks on JVM threads: a persistent set of workers that walk the stages in
 * lockstep, separated by a spinning barrier. Each parallel task is split into one contiguous item
 * range per worker; serial and small tasks go whole to one worker, round robin. The kernels are
 * written so that any split gives the same floats, so results do not depend on the thread count.
 */
public final class JvmBackend implements Backend {

    /** Below this many items per worker a task is not split: the barrier costs more than it saves. */
    static final int MIN_ITEMS_PER_WORKER = 2048;
    /**
     * Items per tile of a chain of elementwise tasks: 16 KiB of each of a chain's eight or so arrays,
     * together well inside a core's level-2 cache. Measured on the 2-core VM: 1024 and 2048 were no
     * faster on 400k neurons, and slower on 4000 (more calls per step).
     */
    static final int TILE = 4096;
    private static final int PROGRESS_EVERY = 256;

    private final int threads;
    private final int minItemsPerWorker;
    private final int tile;
    /**
     * Whether chains' elementwise kernels run as fused loops ({@link LoopFusion}), which makes COBA 4000's
     * five per-neuron passes three loops. {@code -Dspikeforge.fuseLoops=false}: never. {@code true}: always;
     * made when the network is built, from the disk cache ({@link FusedLoopCache}) when it has them,
     * else by a thread beside the run after {@link FusedSwitch#START_AFTER_CALLS} steps (at build time in
     * the launcher's ahead-of-time training, {@code -Dspikeforge.aot.training=true}). Unset (the default):
     * only where the cache has the chain's loops and the class path their classes (the launcher's jar,
     * {@link FusedLoopJar}), the one case in which a fresh JVM's first run measured no slower with them
     * than without: with hidden classes COBA 4000's 1 s loop took 0.09-0.15 s against 0.07-0.10 s
     * (BENCHMARKS.md, issue 21).
     */
    private final boolean fuseLoops;
    private final boolean onlyPrepared;
    /**
     * Whether hidden fused classes from the cache wait, the members' passes running, until a timed call
     * finds them faster ({@code -Dspikeforge.fuseLoops.warm=false}: they run from the first step).
     */
    private static final boolean WARM_FUSED = !"false".equals(System.getProperty("spikeforge.fuseLoops.warm"));
    /** In the launcher's training, fused loops missing from the disk cache are generated at build time. */
    private static final boolean GENERATE_AT_BUILD = Boolean.getBoolean("spikeforge.aot.training");
    /** The fused task of each run of tasks, so that every worker's range of a chain runs the same one. */
    private final java.util.Map<List<StepTask>, Optional<StepTask>> fused = new java.util.HashMap<>();

    /** @param threads worker threads, at least 1 */
    public JvmBackend(int threads) {
        this(threads, MIN_ITEMS_PER_WORKER);
    }

    /**
     * @param threads           worker threads, at least 1
     * @param minItemsPerWorker a task is split only when each worker gets at least this many items
     *                          (1 splits everything, which tests use to exercise every split)
     */
    public JvmBackend(int threads, int minItemsPerWorker) {
        this(threads, minItemsPerWorker, TILE);
    }

    /**
     * @param threads           worker threads, at least 1
     * @param minItemsPerWorker a task is split only when each worker gets at least this many items
     * @param tile              items per tile of a chain of elementwise tasks (tests use small tiles)
     */
    public JvmBackend(int threads, int minItemsPerWorker, int tile) {
        this(threads, minItemsPerWorker, tile, !"false".equals(System.getProperty("spikeforge.fuseLoops")),
                System.getProperty("spikeforge.fuseLoops") == null);
    }

    /** As {@link #JvmBackend(int, int, int)}, with fused loops or without, whatever the system property says. */
    JvmBackend(int threads, int minItemsPerWorker, int tile, boolean fuseLoops) {
        this(threads, minItemsPerWorker, tile, fuseLoops, false);
    }

    private JvmBackend(int threads, int minItemsPerWorker, int tile, boolean fuseLoops, boolean onlyPrepared) {
        this.fuseLoops = fuseLoops;
        this.onlyPrepared = onlyPrepared;
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.minItemsPerWorker = Math.max(1, minItemsPerWorker);
        this.tile = Math.max(1, tile);
    }

    @Override
    public String name() {
        return "jvm";
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public long run(NetworkView network, long steps, RunListener listener) {
        if (steps <= 0) {
            return 0;
        }
        StepGraph graph = StepGraph.of(network);
        return threads == 1 ? runSingle(network, graph, steps, listener) : runParallel(network, graph, steps, listener);
    }

    private long runSingle(NetworkView network, StepGraph graph, long steps, RunListener listener) {
        Unit[] units = java.util.Arrays.stream(plan(graph)[0]).flatMap(share -> java.util.Arrays.stream(share.units()))
                .toArray(Unit[]::new);
        int[] clock = network.clock();
        long done = 0;
        while (done < steps) {
            step(units, clock);
            clock[0]++;
            done++;
            if (done % PROGRESS_EVERY == 0 || done == steps) {
                listener.progress(done, steps);
            }
            if (listener.afterStep(clock[0])) {
                break;
            }
        }
        return done;
    }

    /**
     * One step's units. A method of its own so that the JIT compiles it after a few hundred steps: a
     * loop over the units inside the run loop would stay interpreted until on-stack replacement, after
     * thousands of steps (half of COBA 4000's 10,000 steps, measured with -XX:+PrintCompilation).
     */
    private static void step(Unit[] units, int[] clock) {
        for (Unit u : units) {
            u.run(clock);
        }
    }

    /**
     * Tasks run over one item range: one task, or a chain of elementwise tasks run tile by tile so
     * that a tile's data stays in the core's cache from one task to the next.
     */
    record Unit(StepTask[] tasks, int from, int to, int tile, boolean tiled) {

        Unit(StepTask[] tasks, int from, int to, int tile) {
            this(tasks, from, to, tile, tasks.length > 1);
        }

        void run(int[] clock) {
            StepTask current = tasks[0];
            try {
                if (!tiled) {
                    current.run(from, to);
                    return;
                }
                for (int lo = from; lo < to; lo += tile) {
                    int hi = Math.min(lo + tile, to);
                    for (StepTask t : tasks) {
                        current = t;
                        t.run(lo, hi);
                    }
                }
            } catch (RuntimeException | Error e) {
                throw new TaskFailedException(current.name(), clock[0], e);
            }
        }
    }

    /** One worker's share of one stage. */
    record Share(Unit[] units) {
    }

    /**
     * Splits each stage among the workers. A chain (see {@link StepGraph}) is split as one: its tasks
     * have the same size, so splitting by size gives each the same ranges; a chain too small to
     * split goes whole to one worker, round robin.
     */
    Share[][] plan(StepGraph graph) {
        List<List<StepTask>> stages = graph.stages();
        Share[][] plan = new Share[threads][stages.size()];
        int next = 0;
        for (int s = 0; s < stages.size(); s++) {
            List<StepTask> stage = stages.get(s);
            int[] chain = graph.chains(s);
            List<List<Unit>> units = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                units.add(new ArrayList<>());
            }
            boolean[] placed = new boolean[stage.size()];
            for (int first = 0; first < stage.size(); first++) {
                if (placed[first]) {
                    continue;
                }
                List<StepTask> members = new ArrayList<>();
                for (int i = first; i < stage.size(); i++) {
                    if (chain[i] == chain[first]) {
                        members.add(stage.get(i));
                        placed[i] = true;
                    }
                }
                int size = members.get(0).size();
                if (members.get(0).serial() || size < (long) minItemsPerWorker * threads) {
                    units.get(next++ % threads).addAll(units(members, 0, size));
                } else {
                    for (int w = 0; w < threads; w++) {
                        units.get(w).addAll(units(members, (int) ((long) size * w / threads),
                                (int) ((long) size * (w + 1) / threads)));
                    }
                }
            }
            for (int w = 0; w < threads; w++) {
                plan[w][s] = new Share(units.get(w).toArray(Unit[]::new));
            }
        }
        return plan;
    }

    /** A chain's tasks over one range, consecutive elementwise ones grouped to run in tiles. */
    private List<Unit> units(List<StepTask> chain, int from, int to) {
        List<Unit> units = new ArrayList<>();
        List<StepTask> run = new ArrayList<>();
        for (StepTask t : chain) {
            if (elementwise(t)) {
                run.add(t);
                continue;
            }
            if (!run.isEmpty()) {
                units.add(tiles(run, from, to));
                run.clear();
            }
            units.add(new Unit(new StepTask[] {t}, from, to, tile));
        }
        if (!run.isEmpty()) {
            units.add(tiles(run, from, to));
        }
        return units;
    }

    /** Consecutive elementwise tasks, run tile by tile, their kernels fused into loops where they allow it. */
    private Unit tiles(List<StepTask> run, int from, int to) {
        if (fuseLoops && run.size() > 1) {
            // One task per run of tasks, shared by every worker's range of the chain (or none: the passes).
            Optional<StepTask> t = fused.computeIfAbsent(List.copyOf(run), r -> Optional.ofNullable(LoopFusion.atBuild(r,
                    FusedLoopCache.standard(), GENERATE_AT_BUILD, WARM_FUSED && !GENERATE_AT_BUILD, onlyPrepared)));
            if (t.isPresent()) {
                return new Unit(new StepTask[] {t.get()}, from, to, tile, true);
            }
        }
        return new Unit(run.toArray(StepTask[]::new), from, to, tile);
    }

    private static boolean elementwise(StepTask t) {
        return !t.serial() && t.local().containsAll(t.reads()) && t.local().containsAll(t.writes());
    }

    private long runParallel(NetworkView network, StepGraph graph, long steps, RunListener listener) {
        Share[][] plan = plan(graph);
        SpinBarrier barrier = new SpinBarrier(threads);
        int[] clock = network.clock();
        RunState state = new RunState();
        Runnable endOfStep = () -> {
            if (state.failure == null) {
                clock[0]++;
                long done = ++state.done;
                try {
                    if (done % PROGRESS_EVERY == 0 || done == steps) {
                        listener.progress(done, steps);
                    }
                    state.stop |= listener.afterStep(clock[0]);
                } catch (RuntimeException | Error e) {
                    // Thrown here it would leave the barrier unreleased and every worker waiting forever.
                    state.failure = e;
                }
            }
            state.stop |= state.done >= steps || state.failure != null;
        };
        Thread[] workers = new Thread[threads - 1];
        for (int w = 1; w < threads; w++) {
            Share[] mine = plan[w];
            workers[w - 1] = Thread.ofPlatform().name("spikeforge-worker-" + w).daemon()
                    .start(() -> work(mine, barrier, endOfStep, state, clock));
        }
        if (steps > 0) {
            work(plan[0], barrier, endOfStep, state, clock);
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (state.failure != null) {
            if (state.failure instanceof RuntimeException re) {
                throw re;
            }
            throw (Error) state.failure;
        }
        return state.done;
    }

    /** Shared between workers; fields are published by the barrier. */
    private static final class RunState {
        long done;
        boolean stop;
        volatile Throwable failure;
    }

    private static void work(Share[] stages, SpinBarrier barrier, Runnable endOfStep, RunState state, int[] clock) {
        do {
            step(stages, barrier, endOfStep, state, clock);
        } while (!state.stop);
    }

    /**
     * One step of one worker: its share of each stage, then the barrier. A method of its own, as
     * {@link #step(Unit[], int[])} is, so that the JIT compiles it early.
     */
    private static void step(Share[] stages, SpinBarrier barrier, Runnable endOfStep, RunState state, int[] clock) {
        int last = stages.length - 1;
        for (int s = 0; s <= last; s++) {
            if (state.failure == null) {
                try {
                    for (Unit u : stages[s].units()) {
                        u.run(clock);
                    }
                } catch (TaskFailedException e) {
                    synchronized (state) {
                        if (state.failure == null) {
                            state.failure = e;
                        }
                    }
                }
            }
            barrier.await(s == last ? endOfStep : null);
        }
    }
}
