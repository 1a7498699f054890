package io.spikeforge.core.backend;

import io.spikeforge.core.sim.Network;
import io.spikeforge.spi.StepTask;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a network's step tasks on JVM threads: a persistent set of workers that walk the stages in
 * lockstep, separated by a spinning barrier. Each parallel task is split into one contiguous item
 * range per worker; serial and small tasks go whole to one worker, round robin. The kernels are
 * written so that any split gives the same floats, so results do not depend on the thread count.
 */
public final class JvmBackend implements Backend {

    /** Below this many items per worker a task is not split: the barrier costs more than it saves. */
    static final int MIN_ITEMS_PER_WORKER = 2048;
    private static final int PROGRESS_EVERY = 256;

    private final int threads;
    private final int minItemsPerWorker;

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
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.minItemsPerWorker = Math.max(1, minItemsPerWorker);
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
    public long run(Network network, long steps, RunListener listener) {
        if (steps <= 0) {
            return 0;
        }
        StepGraph graph = StepGraph.of(network.tasks());
        return threads == 1 ? runSingle(network, graph, steps, listener) : runParallel(network, graph, steps, listener);
    }

    private static long runSingle(Network network, StepGraph graph, long steps, RunListener listener) {
        StepTask[] tasks = graph.stages().stream().flatMap(List::stream).toArray(StepTask[]::new);
        int[] clock = network.clock();
        long done = 0;
        while (done < steps) {
            for (StepTask t : tasks) {
                try {
                    t.run(0, t.size());
                } catch (RuntimeException | Error e) {
                    throw new TaskFailedException(t.name(), clock[0], e);
                }
            }
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

    /** One worker's share of one stage. */
    private record Share(StepTask[] tasks, int[] from, int[] to) {
    }

    private Share[][] plan(StepGraph graph) {
        List<List<StepTask>> stages = graph.stages();
        Share[][] plan = new Share[threads][stages.size()];
        int next = 0;
        for (int s = 0; s < stages.size(); s++) {
            List<List<int[]>> ranges = new ArrayList<>();
            List<List<StepTask>> owned = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                ranges.add(new ArrayList<>());
                owned.add(new ArrayList<>());
            }
            for (StepTask t : stages.get(s)) {
                if (t.serial() || t.size() < (long) minItemsPerWorker * threads) {
                    int w = next++ % threads;
                    owned.get(w).add(t);
                    ranges.get(w).add(new int[] {0, t.size()});
                } else {
                    for (int w = 0; w < threads; w++) {
                        int from = (int) ((long) t.size() * w / threads);
                        int to = (int) ((long) t.size() * (w + 1) / threads);
                        owned.get(w).add(t);
                        ranges.get(w).add(new int[] {from, to});
                    }
                }
            }
            for (int w = 0; w < threads; w++) {
                List<int[]> r = ranges.get(w);
                plan[w][s] = new Share(owned.get(w).toArray(StepTask[]::new),
                        r.stream().mapToInt(a -> a[0]).toArray(), r.stream().mapToInt(a -> a[1]).toArray());
            }
        }
        return plan;
    }

    private long runParallel(Network network, StepGraph graph, long steps, RunListener listener) {
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
        int last = stages.length - 1;
        do {
            for (int s = 0; s <= last; s++) {
                Share share = stages[s];
                if (state.failure == null) {
                    StepTask[] tasks = share.tasks();
                    for (int i = 0; i < tasks.length; i++) {
                        try {
                            tasks[i].run(share.from()[i], share.to()[i]);
                        } catch (RuntimeException | Error e) {
                            synchronized (state) {
                                if (state.failure == null) {
                                    state.failure = new TaskFailedException(tasks[i].name(), clock[0], e);
                                }
                            }
                            break;
                        }
                    }
                }
                barrier.await(s == last ? endOfStep : null);
            }
        } while (!state.stop);
    }
}
