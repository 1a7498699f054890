package io.spikeforge.core.backend;

import io.spikeforge.core.sim.Network;

/**
 * The JVM backend when the user names no thread count: it measures instead of guessing. The first
 * {@link #PROBE_STEPS} steps run on one thread, the next as many on every core, and the rest of the
 * run uses whichever was faster per step. Results do not depend on the thread count, so switching
 * mid-run changes nothing but the time.
 */
final class AutoThreadsBackend implements Backend {

    static final int PROBE_STEPS = 200;

    private final JvmBackend single;
    private final JvmBackend parallel;
    private JvmBackend chosen;

    AutoThreadsBackend(int cores) {
        this.single = new JvmBackend(1);
        this.parallel = new JvmBackend(cores);
        this.chosen = single;
    }

    @Override
    public String name() {
        return "jvm";
    }

    /** @return the thread count the run settled on (1 before a run) */
    @Override
    public int threads() {
        return chosen.threads();
    }

    @Override
    public long run(Network network, long steps, RunListener listener) {
        if (steps < 4L * PROBE_STEPS) {
            return single.run(network, steps, listener);
        }
        long t0 = System.nanoTime();
        long done = single.run(network, PROBE_STEPS, offset(listener, 0, steps));
        long t1 = System.nanoTime();
        if (done < PROBE_STEPS) {
            return done;
        }
        long more = parallel.run(network, PROBE_STEPS, offset(listener, done, steps));
        long t2 = System.nanoTime();
        done += more;
        if (more < PROBE_STEPS) {
            return done;
        }
        // Ask the many threads to be clearly faster: a tie goes to the thread that disturbs nothing else.
        chosen = (t2 - t1) < 0.9 * (t1 - t0) ? parallel : single;
        return done + chosen.run(network, steps - done, offset(listener, done, steps));
    }

    private static RunListener offset(RunListener inner, long before, long total) {
        return new RunListener() {
            @Override
            public void progress(long done, long ignored) {
                inner.progress(before + done, total);
            }

            @Override
            public boolean stopRequested() {
                return inner.stopRequested();
            }
        };
    }
}
