package io.spikeforge.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One kernel launch per time step over {@code size} independent work items, with the state arrays it
 * reads and writes. The engine orders tasks by those declarations and puts a barrier between tasks
 * only where one touches what another wrote; a backend may split the items across threads or device
 * work-items. A serial task always runs as one range on one thread.
 *
 * <p>Declared arrays are compared by identity, so declare the very arrays the body uses.
 *
 * <p>A task may also declare arrays it touches only at its own items' indices ({@link Builder#local},
 * {@link Builder#elementwise}). Two tasks of the same size that meet only in such arrays need no
 * barrier between them: a backend gives both the same item ranges on the same thread, in order, and
 * may interleave them in tiles when every array they use is local, so that the data stays in cache.
 */
public final class StepTask {

    private final String name;
    private final int size;
    private final boolean serial;
    private final List<Object> reads;
    private final List<Object> writes;
    private final List<Object> local;
    private final RangeBody body;
    private final java.util.function.Supplier<DeviceCall> device;

    private StepTask(String name, int size, boolean serial, List<Object> reads, List<Object> writes, List<Object> local,
                     RangeBody body, java.util.function.Supplier<DeviceCall> device) {
        this.name = Objects.requireNonNull(name, "name");
        if (size < 0) {
            throw new IllegalArgumentException("task " + name + ": size must be >= 0, got " + size);
        }
        this.size = size;
        this.serial = serial;
        this.reads = List.copyOf(reads);
        this.writes = List.copyOf(writes);
        this.local = List.copyOf(local);
        this.body = Objects.requireNonNull(body, "body");
        this.device = device;
    }

    /**
     * {@return a builder for a task that may be split across threads}
     *
     * @param name the task's name, for listings
     * @param size the number of work items per step, for example the neurons of a group
     */
    public static Builder parallel(String name, int size) {
        return new Builder(name, size, false);
    }

    /**
     * {@return a builder for a task that runs as a single range {@code [0, size)} on one thread}
     *
     * @param name the task's name, for listings
     * @param size the number of work items per step
     */
    public static Builder serial(String name, int size) {
        return new Builder(name, size, true);
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
        return serial;
    }

    /** {@return the arrays the body reads} */
    public List<Object> reads() {
        return reads;
    }

    /** {@return the arrays the body writes} */
    public List<Object> writes() {
        return writes;
    }

    /**
     * {@return the declared arrays the body touches only at its items' indices: running items
     * {@code [from, to)} reads and writes elements {@code [from, to)} of each and no other}
     */
    public List<Object> local() {
        return local;
    }

    /** {@return how a device backend runs this task, or empty when only the JVM backend can} */
    public Optional<DeviceCall> device() {
        return device == null ? Optional.empty() : Optional.of(device.get());
    }

    /**
     * Runs the items {@code [from, to)}.
     *
     * @param from first item, inclusive
     * @param to   last item, exclusive
     */
    public void run(int from, int to) {
        body.run(from, to);
    }

    /** Builds a {@link StepTask}. */
    public static final class Builder {
        private final String name;
        private final int size;
        private final boolean serial;
        private List<Object> reads = List.of();
        private List<Object> writes = List.of();
        private List<Object> local = List.of();
        private boolean elementwise;
        private java.util.function.Supplier<DeviceCall> device;

        private Builder(String name, int size, boolean serial) {
            this.name = name;
            this.size = size;
            this.serial = serial;
        }

        /**
         * Declares the arrays the body reads, so that the engine orders it after their writers.
         *
         * @param arrays the {@code float[]} or {@code int[]} arrays read
         * @return this builder
         */
        public Builder reads(Object... arrays) {
            this.reads = List.of(arrays);
            return this;
        }

        /**
         * Declares the arrays the body writes (read-modify-write counts as a write).
         *
         * @param arrays the {@code float[]} or {@code int[]} arrays written
         * @return this builder
         */
        public Builder writes(Object... arrays) {
            this.writes = List.of(arrays);
            return this;
        }

        /**
         * Declares arrays, among those read or written, that the body touches only at its items'
         * indices (item i reads and writes element i and no other), as a post-partitioned
         * propagation does with its target. It lets the engine run the task after the writer of such
         * an array, or before its reader, without a barrier.
         *
         * @param arrays arrays indexed by item, each also declared read or written
         * @return this builder
         */
        public Builder local(Object... arrays) {
            this.local = List.of(arrays);
            return this;
        }

        /**
         * Declares that every array the body reads or writes is indexed by item: item i touches
         * element i of each and nothing else, as a neuron or synapse update does. Such tasks can run
         * in tiles, one after another, while a tile's data stays in cache.
         *
         * @return this builder
         */
        public Builder elementwise() {
            this.elementwise = true;
            return this;
        }

        /**
         * Declares the kernel call a device backend runs instead of the body (see {@link DeviceCall});
         * the body must call the same kernel with the same arguments.
         *
         * @param kernel the kernel, {@code Class.method} in {@code io.spikeforge.kernels}
         * @param args   its arguments after {@code (from, to)}
         * @return this builder
         */
        public Builder device(String kernel, Object... args) {
            DeviceCall call = DeviceCall.of(kernel, args);
            this.device = () -> call;
            return this;
        }

        /**
         * Like {@link #device(String, Object...)} for a call whose arguments cost memory to prepare
         * (a column index, say): only a device backend asks for it.
         *
         * @param call supplies the call when a device backend asks
         * @return this builder
         */
        public Builder device(java.util.function.Supplier<DeviceCall> call) {
            this.device = call;
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
                List<Object> all = new java.util.ArrayList<>(reads);
                all.addAll(writes);
                indexed = all;
            }
            for (Object a : indexed) {
                if (!reads.contains(a) && !writes.contains(a)) {
                    throw new IllegalArgumentException("task " + name + ": a local array must also be declared read or"
                            + " written");
                }
            }
            return new StepTask(name, size, serial, reads, writes, indexed, body, device);
        }
    }
}
