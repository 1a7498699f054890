package io.spikeforge.core.sim;

import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.arrays.ArrayIO;
import io.spikeforge.core.arrays.NpyWriter;
import io.spikeforge.kernels.MonitorKernelsCalls;
import io.spikeforge.spi.StepTask;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Records chosen elements of a state array (or of a projection's weights) every {@code every} steps
 * into a preallocated table: row r holds the values after step r * every, or, for a monitor that
 * records at the start of each step ({@code when: start}, Brian2's StateMonitor), the values step
 * r * every starts from: after the deliveries of the spikes that reach their targets in that step (and
 * the resets those may not undo), before the inputs, synapses and neurons update. That is Brian2's
 * state at its slot {@code start}, whose on_pre ran at the end of the step before. The start monitor's
 * {@link #startTask} takes the values there; its {@link #task} records them at the end of the step.
 */
public final class ValueMonitor implements Monitor {

    /** Reads element {@code i} of the monitored quantity. */
    public interface Reader {
        /** @return the current value of element i */
        float read(int i);
    }

    private final NetworkSpec.Monitor spec;
    private final String unit;
    private final int[] indices;
    private final int every;
    private final float[] table;
    private final int rowCapacity;
    private int rows;
    private final StepTask task;
    private final Object source;
    private final int[] clock;
    private final boolean start;
    /** A start monitor's values of this step, taken by {@link #startTask}; null for others. */
    private final float[] staging;
    private final StepTask startTask;

    /**
     * @param spec     the config's monitor, for its name and interval
     * @param unit     unit of the values
     * @param reader   element reader
     * @param indices  elements to record: the config's indices, or every element
     * @param steps    steps the run will take
     * @param clock    the step clock
     * @param watched  the array the reader reads, for the task's declaration; when it is a float[] or
     *                 int[] that {@code reader} reads element by element, the monitor can also record
     *                 on a device
     */
    public ValueMonitor(NetworkSpec.Monitor spec, String unit, Reader reader, int[] indices, long steps, int[] clock,
                        Object watched) {
        this.spec = spec;
        this.unit = unit;
        this.indices = indices;
        this.every = spec.every();
        String name = spec.name();
        long cap = (steps + every - 1) / every;
        long cells = cap * indices.length;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("monitor " + name + " would hold " + cells
                    + " values; record fewer indices or raise 'every'");
        }
        this.rowCapacity = (int) cap;
        this.table = new float[(int) cells];
        this.source = watched instanceof float[] || watched instanceof int[] ? watched : null;
        this.clock = clock;
        this.start = spec.start();
        this.staging = start ? new float[indices.length] : null;
        this.startTask = start ? gather(name, reader, watched) : null;
        this.task = StepTask.serial("monitor." + name, 1)
                .reads(Network.ALL_STATE, start ? staging : watched, clock)
                .writes(table)
                .body((from, to) -> {
                    if (clock[0] % every == 0 && rows < rowCapacity) {
                        int base = rows * indices.length;
                        for (int c = 0; c < indices.length; c++) {
                            table[base + c] = start ? staging[c] : reader.read(indices[c]);
                        }
                        rows++;
                    }
                });
    }

    /**
     * The start monitor's gather: a kernel where the monitored array is a float[] or int[] (so that a
     * device backend runs it in the step), else a host task that reads through {@code reader}.
     */
    private StepTask gather(String name, Reader reader, Object watched) {
        String task = "monitor." + name + ".start";
        if (source instanceof float[] f) {
            return StepTask.of(task, indices.length, MonitorKernelsCalls.gatherFloats(f, indices, staging));
        }
        if (source instanceof int[] a) {
            return StepTask.of(task, indices.length, MonitorKernelsCalls.gatherInts(a, indices, staging));
        }
        return StepTask.serial(task, 1).reads(Network.ALL_STATE, watched).writes(staging).body((from, to) -> {
            for (int c = 0; c < indices.length; c++) {
                staging[c] = reader.read(indices[c]);
            }
        });
    }

    /**
     * {@return for a monitor that records at the start of each step, the task that takes the values:
     * the network runs it after the step's deliveries, before the rest of the step; null for a monitor
     * that records at the end of the step}
     */
    @Override
    public StepTask startTask() {
        return startTask;
    }

    @Override
    public DeviceRecording deviceRecording(int batch) {
        // A start monitor appends what its gather kernel took in the step, an end monitor the array itself.
        if (source == null) {
            return null;
        }
        float[] buf = new float[batch * indices.length];
        int[] bufFill = new int[1];
        String name = "monitor." + spec.name() + ".device";
        StepTask device = StepTask.of(name, 1, start
                ? MonitorKernelsCalls.appendFloats(staging, columnsInOrder(), clock, every, buf, bufFill)
                : source instanceof float[] f
                ? MonitorKernelsCalls.appendFloats(f, indices, clock, every, buf, bufFill)
                : MonitorKernelsCalls.appendInts((int[]) source, indices, clock, every, buf, bufFill));
        return new DeviceRecording(device, buf, bufFill, () -> {
            for (int k = 0; k + indices.length <= bufFill[0] && rows < rowCapacity; k += indices.length) {
                System.arraycopy(buf, k, table, rows * indices.length, indices.length);
                rows++;
            }
            bufFill[0] = 0;
        });
    }

    private int[] columnsInOrder() {
        int[] c = new int[indices.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = i;
        }
        return c;
    }

    /** @return the number of recorded indices, the columns of every row */
    public int columns() {
        return indices.length;
    }

    /** @return recorded rows so far */
    public int rows() {
        return rows;
    }

    /** @return value of column c (the c-th index) at row r */
    public float value(int r, int c) {
        return table[r * indices.length + c];
    }

    /** @return the rows recorded so far, row-major ({@code rows() x columns()}), as {@link #write} writes them: a copy */
    public float[] values() {
        return java.util.Arrays.copyOf(table, rows * indices.length);
    }

    /** @return the element indices the columns hold, in column order */
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public NetworkSpec.Monitor spec() {
        return spec;
    }

    @Override
    public StepTask task() {
        return task;
    }

    @Override
    public Path write(Path dir) throws IOException {
        Path file = dir.resolve(name() + ".npy");
        NpyWriter.writeFloat32(file, shape(), i -> table[(int) i]);
        return file;
    }

    @Override
    public void save(DataOutput out) throws IOException {
        out.writeInt(indices.length);
        out.writeInt(rows);
        ArrayIO.writeFloats(out, table, 0, rows * indices.length);
    }

    @Override
    public void restore(DataInput in) throws IOException {
        int columns = in.readInt();
        int saved = in.readInt();
        if (columns != indices.length || saved < 0 || saved > rowCapacity) {
            throw new IOException("monitor " + name() + " records " + indices.length + " values in up to " + rowCapacity
                    + " rows; the checkpoint holds " + saved + " rows of " + columns);
        }
        ArrayIO.readFloats(in, table, 0, saved * columns);
        rows = saved;
    }

    @Override
    public String layout() {
        return "float32 (rows, " + indices.length + ") in " + (unit.isEmpty() ? "model units" : unit)
                + (start ? ": row r = values at the start of step r*" + every + ", after its deliveries, before its update (t = r*"
                + every + "*dt_ms; row 0 the initial values)" : ": row r = values after step r*" + every + " (t = r*" + every
                + "*dt_ms)");
    }

    @Override
    public String dtype() {
        return "float32";
    }

    @Override
    public long[] shape() {
        return new long[] {rows, indices.length};
    }

    @Override
    public String unit() {
        return unit;
    }
}
