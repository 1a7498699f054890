package io.spikeforge.spi;

import java.util.Arrays;
import java.util.List;

/**
 * How a device backend (TornadoVM) runs a {@link StepTask}: the static kernel method, named
 * {@code Class.method} within {@code io.spikeforge.kernels}, and the arguments that follow its leading
 * {@code (from, to)} range. A parallel task runs as {@code method(i, i + 1, args...)} for every item i
 * in a data-parallel loop; a serial one as {@code method(0, size, args...)} on one work-item. The JVM
 * backend runs the task's body, which calls the same method, so the math is written once.
 *
 * @param kernel for example {@code NeuronKernels.lif}
 * @param args   primitive arrays and boxed scalars (Float, Double, Integer, Long), in order
 */
public record DeviceCall(String kernel, List<Object> args) {

    /**
     * {@return a call with these arguments (arrays are kept by reference)}
     *
     * @param kernel the kernel, {@code Class.method}
     * @param args   its arguments after {@code (from, to)}
     */
    public static DeviceCall of(String kernel, Object... args) {
        return new DeviceCall(kernel, Arrays.asList(args));
    }
}
