package io.spikeforge.core.backend;

import io.spikeforge.spi.Backend;
import io.spikeforge.spi.NetworkView;
import io.spikeforge.spi.RunListener;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JVM backend when the user names no thread count. {@link ThreadChoice} decides from the step's work
 * and the run's length: every core where splitting cannot lose, one thread where it cannot win, and
 * otherwise a measurement: rounds of probe steps on one thread and as many on every core, alternating so
 * that both see the same phase of the dynamics, the rest of the run on whichever was faster. Results do
 * not depend on the thread count, so switching mid-run changes nothing but the time.
 */
final class AutoThreadsBackend implements Backend {

    private final JvmBackend single;
    private final JvmBackend parallel;
    private JvmBackend chosen;
    private String reason = "not run yet";

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
    public Map<String, Object> stats() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("thread_choice", reason);
        return s;
    }

    @Override
    public long run(NetworkView network, long steps, RunListener listener) {
        ThreadChoice.Decision d = ThreadChoice.decide(ThreadChoice.splittableItems(network.tasks()), steps,
                parallel.threads());
        reason = d.reason();
        if (d.kind() != ThreadChoice.Kind.MEASURE) {
            chosen = d.kind() == ThreadChoice.Kind.SPLIT ? parallel : single;
            return chosen.run(network, steps, listener);
        }
        long done = 0;
        long singleNs = 0;
        long parallelNs = 0;
        for (int round = 0; round < 2 * ThreadChoice.ROUNDS; round++) {
            JvmBackend b = round % 2 == 0 ? single : parallel;
            long t0 = System.nanoTime();
            long ran = b.run(network, d.probeSteps(), offset(listener, done, steps));
            long ns = System.nanoTime() - t0;
            done += ran;
            if (ran < d.probeSteps()) {
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
        reason += String.format(java.util.Locale.ROOT, " (1 thread %.2f ms, %d threads %.2f ms)", singleNs / 1e6,
                parallel.threads(), parallelNs / 1e6);
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
