package io.spikeforge.core.backend;

/**
 * A step task threw: the run stops, and the message names the task, the step and, once the engine has
 * looked it up, the config path of the model that made the task and its pack.
 */
public final class TaskFailedException extends RuntimeException {

    private final String task;
    private final long step;

    /**
     * @param task  the task's name
     * @param step  the step it failed in
     * @param cause what it threw
     */
    public TaskFailedException(String task, long step, Throwable cause) {
        this(task, step, null, cause);
    }

    private TaskFailedException(String task, long step, String origin, Throwable cause) {
        super((origin == null ? "task '" + task + "'" : origin) + " failed in step " + step + ": "
                + cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        this.task = task;
        this.step = step;
    }

    /** @return the name of the task that failed */
    public String task() {
        return task;
    }

    /** @return the step it failed in */
    public long step() {
        return step;
    }

    /**
     * @param path  the config path of the model that made the task, for example {@code populations[0].neuron}
     * @param model the model and its pack, for example "neuron model 'HH' from pack sample (DIR)"
     * @return this failure, its message naming where the task came from
     */
    public TaskFailedException from(String path, String model) {
        return new TaskFailedException(task, step, path + ": task '" + task + "' of " + model, getCause());
    }
}
