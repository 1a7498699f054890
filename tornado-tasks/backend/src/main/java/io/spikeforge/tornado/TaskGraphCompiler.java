package io.spikeforge.tornado;

import io.spikeforge.spi.DeviceCall;
import io.spikeforge.spi.StepTask;
import uk.ac.manchester.tornado.api.TaskGraph;

import java.util.List;

/** Adds one step task to a TornadoVM {@link TaskGraph}, through its {@link DeviceCall}, as a {@link DeviceKernels} wrapper. */
final class TaskGraphCompiler {

    private TaskGraphCompiler() {
    }

    /** Kernels a device runs on one work-item. */
    static boolean serialKernel(String kernel) {
        return switch (kernel) {
            case "InputKernels.spikeTimes", "SpikeKernels.joinRuns", "SpikeKernels.pushRingAt",
                 "SpikeKernels.readRingAt", "SpikeKernels.tick", "MonitorKernels.appendSpikes",
                 "MonitorKernels.appendFloats", "MonitorKernels.appendInts" -> true;
            default -> false;
        };
    }

    /**
     * @throws UnsupportedOperationException naming the kernel when no wrapper exists for it
     */
    static void add(TaskGraph tg, String id, StepTask task, DeviceCall call) {
        List<Object> a = call.args();
        int n = task.size();
        switch (call.kernel()) {
            case "NeuronKernels.lif" -> tg.task(id, DeviceKernels::lif, n, f(a, 0), i(a, 1), f(a, 2), i(a, 3),
                    fl(a, 4), fl(a, 5), fl(a, 6), fl(a, 7), fl(a, 8), in(a, 9));
            case "NeuronKernels.expIf" -> tg.task(id, DeviceKernels::expIf, n, f(a, 0), i(a, 1), f(a, 2), i(a, 3),
                    fl(a, 4), fl(a, 5), fl(a, 6), fl(a, 7), fl(a, 8), fl(a, 9), fl(a, 10), in(a, 11));
            case "NeuronKernels.adExIf" -> tg.task(id, DeviceKernels::adExIf, n, f(a, 0), f(a, 1), i(a, 2), f(a, 3),
                    i(a, 4), fl(a, 5), fl(a, 6), fl(a, 7), fl(a, 8), fl(a, 9), fl(a, 10), fl(a, 11), fl(a, 12), fl(a, 13),
                    fl(a, 14), in(a, 15));
            case "NeuronKernels.izhikevich" -> tg.task(id, DeviceKernels::izhikevich, n, f(a, 0), f(a, 1), i(a, 2),
                    f(a, 3), i(a, 4), fl(a, 5), fl(a, 6), fl(a, 7), fl(a, 8), fl(a, 9), fl(a, 10), fl(a, 11), in(a, 12));
            case "SynapseKernels.expon" -> tg.task(id, DeviceKernels::expon, n, f(a, 0), f(a, 1), fl(a, 2));
            case "SynapseKernels.dualExpon" -> tg.task(id, DeviceKernels::dualExpon, n, f(a, 0), f(a, 1), f(a, 2),
                    f(a, 3), fl(a, 4), fl(a, 5), fl(a, 6));
            case "SynapseKernels.alpha" -> tg.task(id, DeviceKernels::alpha, n, f(a, 0), f(a, 1), f(a, 2), fl(a, 3),
                    fl(a, 4));
            case "SynapseKernels.trace" -> tg.task(id, DeviceKernels::trace, n, f(a, 0), i(a, 1), db(a, 2));
            case "OutputKernels.cuba" -> tg.task(id, DeviceKernels::cuba, n, f(a, 0), f(a, 1));
            case "OutputKernels.coba" -> tg.task(id, DeviceKernels::coba, n, f(a, 0), f(a, 1), f(a, 2), fl(a, 3));
            case "OutputKernels.mgBlock" -> tg.task(id, DeviceKernels::mgBlock, n, f(a, 0), f(a, 1), f(a, 2), fl(a, 3),
                    fl(a, 4), fl(a, 5), fl(a, 6));
            case "CsrKernels.gatherSpikes" -> tg.task(id, DeviceKernels::gatherSpikes, n, i(a, 0), i(a, 1), i(a, 2),
                    f(a, 3), i(a, 4), f(a, 5));
            case "CsrKernels.propagateValues" -> tg.task(id, DeviceKernels::propagateValues, n, i(a, 0), i(a, 1),
                    f(a, 2), f(a, 3), in(a, 4), f(a, 5));
            case "CsrKernels.updateRows" -> tg.task(id, DeviceKernels::updateRows, n, i(a, 0), i(a, 1), f(a, 2),
                    i(a, 3), i(a, 4), f(a, 5), fl(a, 6), fl(a, 7), fl(a, 8));
            case "CsrKernels.updateColumns" -> tg.task(id, DeviceKernels::updateColumns, n, i(a, 0), i(a, 1), i(a, 2),
                    f(a, 3), i(a, 4), i(a, 5), f(a, 6), fl(a, 7), fl(a, 8), fl(a, 9));
            case "DenseKernels.propagateSpikes" -> tg.task(id, DeviceKernels::denseSpikes, n, f(a, 0), in(a, 1),
                    i(a, 2), i(a, 3), f(a, 4));
            case "DenseKernels.propagateValues" -> tg.task(id, DeviceKernels::denseValues, n, f(a, 0), in(a, 1),
                    f(a, 2), in(a, 3), f(a, 4));
            case "DenseKernels.oneToOne" -> tg.task(id, DeviceKernels::oneToOne, n, f(a, 0), i(a, 1), i(a, 2),
                    f(a, 3));
            case "DenseKernels.oneToOneValues" -> tg.task(id, DeviceKernels::oneToOneValues, n, f(a, 0), f(a, 1),
                    f(a, 2));
            case "CounterRng.bernoulli" -> tg.task(id, DeviceKernels::bernoulli, n, i(a, 0), lg(a, 1), i(a, 2),
                    db(a, 3));
            case "InputKernels.addConstant" -> tg.task(id, DeviceKernels::addConstant, n, f(a, 0), fl(a, 1));
            case "InputKernels.addSection" -> tg.task(id, DeviceKernels::addSection, n, f(a, 0), f(a, 1), i(a, 2));
            case "InputKernels.spikeTimes" -> tg.task(id, DeviceKernels::spikeTimes, n, i(a, 0), (long[]) a.get(1),
                    i(a, 2), i(a, 3));
            case "SpikeKernels.scanRun" -> tg.task(id, DeviceKernels::scanRun, n, i(a, 0), i(a, 1), i(a, 2), i(a, 3),
                    i(a, 4));
            case "SpikeKernels.joinRuns" -> tg.task(id, DeviceKernels::joinRuns, n, i(a, 0), i(a, 1), i(a, 2), i(a, 3),
                    i(a, 4), (long[]) a.get(5));
            case "SpikeKernels.pushRingAt" -> tg.task(id, DeviceKernels::pushRingAt, n, i(a, 0), i(a, 1), in(a, 2),
                    in(a, 3), i(a, 4), i(a, 5), i(a, 6));
            case "SpikeKernels.readRingAt" -> tg.task(id, DeviceKernels::readRingAt, n, i(a, 0), i(a, 1), in(a, 2),
                    in(a, 3), in(a, 4), i(a, 5), i(a, 6), i(a, 7), i(a, 8));
            case "SpikeKernels.flagsToInput" -> tg.task(id, DeviceKernels::flagsToInput, n, i(a, 0), f(a, 1));
            case "SpikeKernels.clear" -> tg.task(id, DeviceKernels::clear, n, f(a, 0));
            case "SpikeKernels.tick" -> tg.task(id, DeviceKernels::tick, n, i(a, 0));
            case "MonitorKernels.appendSpikes" -> tg.task(id, DeviceKernels::appendSpikes, n, i(a, 0), i(a, 1), i(a, 2),
                    i(a, 3), i(a, 4), i(a, 5));
            case "MonitorKernels.appendFloats" -> tg.task(id, DeviceKernels::appendFloats, n, f(a, 0), i(a, 1), i(a, 2),
                    in(a, 3), f(a, 4), i(a, 5));
            case "MonitorKernels.appendInts" -> tg.task(id, DeviceKernels::appendInts, n, i(a, 0), i(a, 1), i(a, 2),
                    in(a, 3), f(a, 4), i(a, 5));
            default -> throw new UnsupportedOperationException("no TornadoVM wrapper for kernel " + call.kernel());
        }
    }

    private static float[] f(List<Object> a, int k) {
        return (float[]) a.get(k);
    }

    private static int[] i(List<Object> a, int k) {
        return (int[]) a.get(k);
    }

    private static float fl(List<Object> a, int k) {
        return ((Number) a.get(k)).floatValue();
    }

    private static double db(List<Object> a, int k) {
        return ((Number) a.get(k)).doubleValue();
    }

    private static int in(List<Object> a, int k) {
        return ((Number) a.get(k)).intValue();
    }

    private static long lg(List<Object> a, int k) {
        return ((Number) a.get(k)).longValue();
    }
}
