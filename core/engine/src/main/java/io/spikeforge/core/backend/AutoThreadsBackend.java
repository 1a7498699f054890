package io.spikeforge.core.backend;

import io.spikeforge.spi.NetworkView;
import io.spikeforge.spi.Backend;
import io.spikeforge.spi.RunListener;
import io.spikeforge.core.sim.Network;

/**
 * The JVM backend when the user names no thread count: it measures instead of guessing. The run starts
 * with {@link #ROUNDS} rounds of {@link #PROBE_STEPS} steps on one thread and as many on every core,
 * alternating so that both see the same phase of the dynamics, and the rest of the run uses whichever
 * was faster. Results do not depend on the thread count, so switching mid-run changes nothing but the
 * time.
 */
final class AutoThreadsBackend implements Backend {

    static final int PROBE_STEPS = 100;
    static final int ROUNDS = 2;

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
    public long run(NetworkView network, long steps, RunListener listener) {
        if (steps < 4L * ROUNDS * PROBE_STEPS) {
            return single.run(network, steps, listener);
        }
        long done = 0;
        long singleNs = 0;
        long parallelNs = 0;
        for (int round = 0; round < 2 * ROUNDS; round++) {
            JvmBackend b = round % 2 == 0 ? single : parallel;
            long t0 = System.nanoTime();
            long ran = b.run(network, PROBE_STEPS, offset(listener, done, steps));
            long ns = System.nanoTime() - t0;
            done += ran;
            if (ran < PROBE_STEPS) {
                return done;
            }
            if (b == single) {
                singleNs += ns;
            } else {
                parallelNs += ns;
            }
        }
        // Ask the many threads to be clearly faster: a tie goes to the thread that disturbs nothing else.
        chosen = parallelNs < 0.9 * singleNs ? parallel : single;
        return done + chosen.run(network, steps - done, offset(listener, done, steps));
    }

    private static RunListener offset(RunListener inner, long before, long total) {
        return new RunListener() {
            @Override
            public void progress(long done, long ignored) {
                inner.progress(before + done, total);
            }

            @Override
            public boolean afterStep(long step) {
                return inner.afterStep(step);
            }

            @Override
            public long checkInterval() {
                return inner.checkInterval();
            }

            @Override
            public boolean stopRequested() {
                return inner.stopRequested();
            }
        };
    }
}
