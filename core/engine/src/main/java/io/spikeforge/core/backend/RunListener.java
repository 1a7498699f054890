package io.spikeforge.core.backend;

/** Hears about a run's progress; called from a worker thread between steps. */
public interface RunListener {

    /** Asks for nothing. */
    RunListener NONE = new RunListener() {
    };

    /** Called every few steps with the steps done in this run; keep it cheap. */
    default void progress(long done, long total) {
    }

    /** @return true to stop at the end of the current step */
    default boolean stopRequested() {
        return false;
    }
}
