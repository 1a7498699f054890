package io.spikeforge.tornado;

import io.spikeforge.spi.KernelCall;
import io.spikeforge.spi.KernelSignature;
import uk.ac.manchester.tornado.api.common.TornadoDevice;
import uk.ac.manchester.tornado.api.enums.TornadoDeviceType;

/**
 * How many work-items a parallel kernel's items are split into on a device ({@code blocks} of its
 * device form). Any split gives the same floats, so this is a matter of speed only. An elementwise
 * kernel on a GPU gets one work-item per item, so that neighbouring work-items read neighbouring
 * elements. Every other kernel walks something all its items share (the step's spike list, the rows
 * of the neurons that spiked) once per block, so it gets a few blocks per compute unit: enough to keep
 * the device busy, few enough that the walks stay a small part of the work, which then follows the
 * spikes and their synapses. On a CPU device every kernel is split that way: a work-item there is a
 * thread's loop, and long ranges keep it in cache.
 */
final class Blocks {

    /** Work-items per compute unit for a kernel that walks shared data: a CPU core, a GPU multiprocessor. */
    private static final int CPU_PER_UNIT = 4;
    private static final int GPU_PER_UNIT = 64;

    private static final boolean ONE_PER_ITEM = Boolean.getBoolean("spikeforge.tornado.itemwise");
    /**
     * The most items of a chain that a CPU device runs on one work-item inside the serial launch next to
     * it ({@link io.spikeforge.kernels.fusion.Fusion#serialize}). A launch on PoCL costs 60-140 us
     * (BENCHMARKS.md), more than one core takes for a few passes over 16384 neurons or the rows of a
     * step's spikes among them. {@code -Dspikeforge.tornado.serialItems=N} sets it, 0 turns it off.
     */
    private static final int CPU_SERIAL_ITEMS = Integer.getInteger("spikeforge.tornado.serialItems", 16384);

    private final boolean gpu;
    private final boolean cpu;
    private final int units;

    Blocks(TornadoDevice device) {
        TornadoDeviceType type = device.getDeviceType();
        this.gpu = type == TornadoDeviceType.GPU;
        this.cpu = type == TornadoDeviceType.CPU;
        this.units = Math.max(1, device.getPhysicalDevice().getDeviceMaxComputeUnits());
    }

    /** {@return the blocks for {@code call} over {@code size} items (1 for a serial kernel)} */
    int of(KernelCall call, Integer size) {
        KernelSignature s = call.signature();
        if (s.serial() || size <= 1) {
            return 1;
        }
        if ((gpu || ONE_PER_ITEM) && elementwise(s)) {
            return size;
        }
        return (int) Math.min(size, (long) units * (gpu ? GPU_PER_UNIT : CPU_PER_UNIT));
    }

    /**
     * {@return the most items of a chain that runs on one work-item in the serial launch next to it}: 0
     * on a GPU, whose single work-item is slow and whose launches are cheap (not measured here)
     */
    int serialItems() {
        return gpu ? 0 : CPU_SERIAL_ITEMS;
    }

    /**
     * {@return whether a step runs by default as one kernel looping over a round trip's steps on one
     * work-item} ({@link io.spikeforge.kernels.fusion.Fusion#whole}): on a CPU device, whose launches cost
     * 60-140 us each (PoCL, BENCHMARKS.md) while a core runs a small network's step in a few, and whose
     * single work-item runs compiled code at a core's speed. Not on a GPU, whose single work-item is slow.
     */
    boolean stepLoop() {
        return cpu;
    }

    private static boolean elementwise(KernelSignature s) {
        return s.params().stream().allMatch(p -> p.access() == KernelSignature.Access.SCALAR || p.local());
    }
}
