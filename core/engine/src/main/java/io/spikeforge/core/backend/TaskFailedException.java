package io.spikeforge.core.backend;

/** A step task threw: the run stops, and the message names the task (its model and owner) and the step. */
public final class TaskFailedException extends RuntimeException {

    public TaskFailedException(String task, long step, Throwable cause) {
        super("task '" + task + "' failed in step " + step + ": " + cause.getClass().getName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    }
}
