package io.spikeforge.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One kernel launch per time step over {@code size} independent work items, with the state arrays it
 * reads and writes. The engine orders tasks by those declarations and puts a barrier between tasks
 * only where one touches what another wrote; a backend may split the items across threads or device
 * work-items. A serial task always runs as one range on one thread.
 *
 * <p>A model's task runs one {@link Kernel}, through the typed call generated from the kernel's
 * declaration: {@code StepTask.of(name, size, NeuronKernelsCalls.lif(v, ...))}. Everything else
 * follows from that declaration: whether the task is serial, what it reads and writes, which arrays
 * it touches only at its items' indices, how the JVM backend runs it and how a device backend does.
 * A task made with {@link #parallel} or {@link #serial} and a {@link Builder#body body} instead runs
 * on the JVM backend only (the engine's monitors do, to write their recordings).
 *
 * <p>Declared arrays are compared by identity.
 *
 * <p>A task may also declare arrays it touches only at its own items' indices ({@link Local},
 * {@link Kernel#elementwise()}). Two tasks of the same size that meet only in such arrays need no
 * barrier between them: a backend gives both the same item ranges on the same thread, in order, and
 * may interleave them in tiles when every array they use is local, so that the data stays in cache.
 */
public final class StepTask {

    private final String name;
    private final int size;
    private boolean serial;
    private List<Object> reads;
    private List<Object> writes;
    private List<Object> local;
    private RangeBody body;
    private KernelCall kernel;
    private Supplier<KernelCall> pending;

    private StepTask(String name, int size) {
        this.name = Objects.requireNonNull(name, "name");
        if (size < 0) {
            throw new IllegalArgumentException("task " + name + ": size must be >= 0, got " + size);
        }
        this.size = size;
    }

    /**
     * {@return a task that runs {@code call} over {@code size} items each step}
     *
     * @param name the task's name, for listings and errors
     * @param size the number of work items per step, for example the neurons of a group
     * @param call the kernel and its arguments, from a generated {@code Calls} factory
     */
    public static StepTask of(String name, int size, KernelCall call) {
        StepTask t = new StepTask(name, size);
        t.bind(Objects.requireNonNull(call, "call"));
        return t;
    }

    /**
     * {@return a task whose kernel call is chosen once the network is complete}: {@code call} is asked
     * once, when a backend (or the engine) first needs the task, after every model of the network was
     * created. A comm uses it to pick a faster kernel when no rule made later changes its weights.
     *
     * @param name the task's name, for listings and errors
     * @param size the number of work items per step
     * @param call supplies the kernel and its arguments
     */
    public static StepTask deferred(String name, int size, Supplier<KernelCall> call) {
        StepTask t = new StepTask(name, size);
        t.pending = Objects.requireNonNull(call, "call");
        return t;
    }

    /**
     * {@return a builder for a JVM-only task that may be split across threads}
     *
     * @param name the task's name, for listings
     * @param size the number of work items per step
     */
    public static Builder parallel(String name, int size) {
        return new Builder(name, size, false);
    }

    /**
     * {@return a builder for a JVM-only task that runs as a single range {@code [0, size)} on one thread}
     *
     * @param name the task's name, for listings
     * @param size the number of work items per step
     */
    public static Builder serial(String name, int size) {
        return new Builder(name, size, true);
    }

    private void bind(KernelCall call) {
        this.kernel = call;
        this.serial = call.signature().serial();
        this.reads = call.reads();
        this.writes = call.writes();
        this.local = call.local();
        this.body = call.body();
    }

    private void resolve() {
        if (pending != null) {
            KernelCall call = Objects.requireNonNull(pending.get(), () -> "task " + name + ": no kernel call");
            pending = null;
            bind(call);
        }
    }

    /** {@return the task's name, shown in task-graph listings and errors} */
    public String name() {
        return name;
    }

    /** {@return the number of work items per step} */
    public int size() {
        return size;
    }

    /** {@return whether the items must run together on one thread} */
    public boolean serial() {
        resolve();
        return serial;
    }

    /** {@return the arrays the task reads} */
    public List<Object> reads() {
        resolve();
        return reads;
    }

    /** {@return the arrays the task writes} */
    public List<Object> writes() {
        resolve();
        return writes;
    }

    /**
     * {@return the declared arrays the task touches only at its items' indices: running items
     * {@code [from, to)} reads and writes elements {@code [from, to)} of each and no other}
     */
    public List<Object> local() {
        resolve();
        return local;
    }

    /** {@return whether the kernel is still to be chosen ({@link #deferred}): asking for it would choose it now} */
    public boolean pending() {
        return pending != null;
    }

    /** {@return the kernel the task runs, or empty for a JVM-only task} */
    public Optional<KernelCall> kernel() {
        resolve();
        return Optional.ofNullable(kernel);
    }

    /**
     * Runs the items {@code [from, to)}.
     *
     * @param from first item, inclusive
     * @param to   last item, exclusive
     */
    public void run(int from, int to) {
        RangeBody b = body;
        if (b == null) {
            resolve();
            b = body;
        }
        b.run(from, to);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Builds a JVM-only {@link StepTask} around a body. */
    public static final class Builder {
        private final String name;
        private final int size;
        private final boolean serial;
        private List<Object> reads = List.of();
        private List<Object> writes = List.of();
        private List<Object> local = List.of();
        private boolean elementwise;

        private Builder(String name, int size, boolean serial) {
            this.name = name;
            this.size = size;
            this.serial = serial;
        }

        /**
         * Declares the arrays the body reads, so that the engine orders it after their writers.
         *
         * @param arrays the arrays read
         * @return this builder
         */
        public Builder reads(Object... arrays) {
            this.reads = List.of(arrays);
            return this;
        }

        /**
         * Declares the arrays the body writes (read-modify-write counts as a write).
         *
         * @param arrays the arrays written
         * @return this builder
         */
        public Builder writes(Object... arrays) {
            this.writes = List.of(arrays);
            return this;
        }

        /**
         * Declares arrays, among those read or written, that the body touches only at its items'
         * indices (see {@link Local}).
         *
         * @param arrays arrays indexed by item, each also declared read or written
         * @return this builder
         */
        public Builder local(Object... arrays) {
            this.local = List.of(arrays);
            return this;
        }

        /**
         * Declares that every array the body reads or writes is indexed by item (see
         * {@link Kernel#elementwise()}).
         *
         * @return this builder
         */
        public Builder elementwise() {
            this.elementwise = true;
            return this;
        }

        /**
         * {@return the task running {@code body}}
         *
         * @param body the loop over a range of items; it must not allocate
         */
        public StepTask body(RangeBody body) {
            List<Object> indexed = local;
            if (elementwise) {
                List<Object> all = new ArrayList<>(reads);
                all.addAll(writes);
                indexed = all;
            }
            for (Object a : indexed) {
                if (!reads.contains(a) && !writes.contains(a)) {
                    throw new IllegalArgumentException("task " + name + ": a local array must also be declared read or"
                            + " written");
                }
            }
            StepTask t = new StepTask(name, size);
            t.serial = serial;
            t.reads = reads;
            t.writes = writes;
            t.local = List.copyOf(indexed);
            t.body = Objects.requireNonNull(body, "body");
            return t;
        }
    }
}
