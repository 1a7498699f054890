package io.spikeforge.core.backend;

import io.spikeforge.spi.StepTask;

import java.util.List;

/**
 * How the JVM backend picks its thread count when the user names none, from the work of one step and the
 * length of the run, never from timing alone:
 * <ul>
 *   <li>where every core would get at least {@link #SPLIT_ITEMS_PER_CORE} items of a step (hundreds of
 *       microseconds of work against a barrier of a few), splitting cannot lose: every core, at once;</li>
 *   <li>where the whole step is under {@link #SPLIT_ITEMS_PER_CORE}{@code / 25} items, the hand-off
 *       costs as much as it saves: one thread;</li>
 *   <li>in between it can go either way (cache sizes, a busy second core, the JIT's threads): the run
 *       measures, alternating one thread and every core, but only when the probes fit in a tenth of the
 *       run ({@link #PROBE_SHARE}); when they do not, one thread.</li>
 * </ul>
 * "Items" are the elements of the step's splittable tasks (neurons, synapse slots, rows), the unit the
 * backend splits by.
 */
final class ThreadChoice {

    /** Items per core per step beyond which splitting cannot lose (about 0.3 ms of work per core). */
    static final long SPLIT_ITEMS_PER_CORE = 250_000;
    /** Below this many items per step one thread wins: the split's hand-off costs about as much. */
    static final long SINGLE_ITEMS = SPLIT_ITEMS_PER_CORE / 25;
    /** The most of a run's steps that measuring may take. */
    static final double PROBE_SHARE = 0.1;
    /** Probe rounds of each setting, alternating. */
    static final int ROUNDS = 2;
    /** The longest probe; shorter ones where the run is short. */
    static final int MAX_PROBE_STEPS = 100;
    /** The shortest probe worth timing (a few milliseconds of a mid-sized network). */
    static final int MIN_PROBE_STEPS = 20;

    /** What to do. */
    enum Kind { SINGLE, SPLIT, MEASURE }

    /**
     * @param kind       the choice
     * @param probeSteps steps per probe when measuring, else 0
     * @param reason     why, for {@code bench}'s line and the debug log
     */
    record Decision(Kind kind, int probeSteps, String reason) {
    }

    private ThreadChoice() {
    }

    /** @return the items of one step's tasks that a backend may split: the sizes of its parallel tasks */
    static long splittableItems(List<StepTask> tasks) {
        long items = 0;
        for (StepTask t : tasks) {
            if (!t.serial()) {
                items += t.size();
            }
        }
        return items;
    }

    /**
     * @param items items per step that may be split ({@link #splittableItems})
     * @param steps the run's steps
     * @param cores the cores available
     */
    static Decision decide(long items, long steps, int cores) {
        if (cores <= 1) {
            return new Decision(Kind.SINGLE, 0, "one core");
        }
        if (items >= SPLIT_ITEMS_PER_CORE * cores) {
            return new Decision(Kind.SPLIT, 0, items + " items per step: at least " + SPLIT_ITEMS_PER_CORE
                    + " per core, splitting cannot lose");
        }
        if (items < SINGLE_ITEMS) {
            return new Decision(Kind.SINGLE, 0, items + " items per step: too few to split");
        }
        long affordable = (long) (steps * PROBE_SHARE) / (2L * ROUNDS);
        if (affordable < MIN_PROBE_STEPS) {
            return new Decision(Kind.SINGLE, 0, items + " items per step, either way; " + steps
                    + " steps are too few to measure in a tenth of the run");
        }
        int probe = (int) Math.min(MAX_PROBE_STEPS, affordable);
        return new Decision(Kind.MEASURE, probe, items + " items per step, either way: measured, " + ROUNDS
                + " rounds of " + probe + " steps each");
    }
}
