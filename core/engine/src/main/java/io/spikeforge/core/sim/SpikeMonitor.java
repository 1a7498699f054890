package io.spikeforge.core.sim;

import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.arrays.ArrayIO;
import io.spikeforge.core.arrays.NpyWriter;
import io.spikeforge.core.arrays.SizedInput;
import io.spikeforge.spi.SpikeBuffer;
import io.spikeforge.kernels.MonitorKernelsCalls;
import io.spikeforge.spi.StepTask;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Records spikes as (step, index) pairs; the spike time is step * dt ms. Storage grows in fixed
 * chunks, so a step allocates nothing unless a chunk fills.
 */
public final class SpikeMonitor implements Monitor {

    private static final int CHUNK = 1 << 16;

    private final NetworkSpec.Monitor spec;
    /** 1 for a recorded neuron; empty when every neuron is recorded (the form the device kernel takes). */
    private final int[] selected;
    private final SpikeBuffer spikes;
    private final int[] clock;
    private final List<int[]> chunks = new ArrayList<>();
    private int[] current = new int[CHUNK];
    private int fill;
    private final StepTask task;

    /**
     * @param spec   the config's monitor: its indices (null for all) select the neurons to record
     * @param spikes the spikes of the group to record
     * @param clock  the step clock
     */
    public SpikeMonitor(NetworkSpec.Monitor spec, SpikeBuffer spikes, int[] clock) {
        this.spec = spec;
        this.selected = spec.indices() == null ? new int[0] : mask(spikes.size(), spec.indices());
        this.spikes = spikes;
        this.clock = clock;
        chunks.add(current);
        this.task = StepTask.serial("monitor." + spec.name(), 1)
                .reads(Network.ALL_STATE, spikes.list, spikes.count, clock)
                .writes()
                .body((from, to) -> record(clock[0], spikes.list, spikes.count[0]));
    }

    private static int[] mask(int size, int[] indices) {
        int[] m = new int[size];
        for (int i : indices) {
            m[i] = 1;
        }
        return m;
    }

    private void record(int step, int[] list, int n) {
        for (int s = 0; s < n; s++) {
            int i = list[s];
            if (selected.length == 0 || selected[i] != 0) {
                add(step, i);
            }
        }
    }

    private void add(int step, int index) {
        if (fill == CHUNK) {
            current = new int[CHUNK];
            chunks.add(current);
            fill = 0;
        }
        current[fill++] = step;
        current[fill++] = index;
    }

    @Override
    public DeviceRecording deviceRecording(int batch) {
        long capacity = 2L * batch * spikes.size();
        if (capacity > Integer.MAX_VALUE - 8) {
            return null;
        }
        int[] buf = new int[(int) capacity];
        int[] bufFill = new int[1];
        StepTask device = StepTask.of("monitor." + spec.name() + ".device", 1,
                MonitorKernelsCalls.appendSpikes(spikes.list, spikes.count, selected, clock, buf, bufFill));
        return new DeviceRecording(device, buf, bufFill, () -> {
            for (int k = 0; k < bufFill[0]; k += 2) {
                add(buf[k], buf[k + 1]);
            }
            bufFill[0] = 0;
        });
    }

    /** @return the number of recorded spikes */
    public long count() {
        return ((long) (chunks.size() - 1) * CHUNK + fill) / 2;
    }

    /** @return the recorded (step, index) pairs, flattened */
    public int[] pairs() {
        int[] out = new int[(int) (count() * 2)];
        int pos = 0;
        for (int c = 0; c < chunks.size(); c++) {
            int len = c == chunks.size() - 1 ? fill : CHUNK;
            System.arraycopy(chunks.get(c), 0, out, pos, len);
            pos += len;
        }
        return out;
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
        NpyWriter.writeInt32(file, shape(), i -> chunks.get((int) (i / CHUNK))[(int) (i % CHUNK)]);
        return file;
    }

    @Override
    public String layout() {
        return "int32 (n, 2): columns step, neuron index; spike time = step * dt_ms";
    }

    @Override
    public String dtype() {
        return "int32";
    }

    @Override
    public long[] shape() {
        return new long[] {count(), 2};
    }

    @Override
    public String unit() {
        return "1";
    }

    @Override
    public void save(DataOutput out) throws IOException {
        out.writeLong(count());
        for (int c = 0; c < chunks.size(); c++) {
            ArrayIO.writeInts(out, chunks.get(c), 0, c == chunks.size() - 1 ? fill : CHUNK);
        }
    }

    @Override
    public void restore(DataInput in) throws IOException {
        long pairs = in.readLong();
        if (pairs < 0 || pairs > (Long.MAX_VALUE / 8)) {
            throw new IOException("monitor " + name() + ": bad spike count " + pairs);
        }
        if (in instanceof SizedInput sized) {
            // Each pair is two ints: a count the file cannot hold is refused before a chunk is allocated.
            sized.claim(8 * pairs, "the recording of monitor " + name() + " (" + pairs + " spikes)");
        }
        chunks.clear();
        current = new int[CHUNK];
        chunks.add(current);
        fill = 0;
        for (long left = 2 * pairs; left > 0; ) {
            if (fill == CHUNK) {
                current = new int[CHUNK];
                chunks.add(current);
                fill = 0;
            }
            int n = (int) Math.min(left, CHUNK - fill);
            ArrayIO.readInts(in, current, fill, n);
            fill += n;
            left -= n;
        }
    }
}
