package io.spikeforge.tornado;

import io.spikeforge.kernels.fusion.FusedKernel;
import io.spikeforge.spi.BackendUnavailableException;
import io.spikeforge.spi.KernelCall;
import io.spikeforge.spi.KernelSignature;
import uk.ac.manchester.tornado.api.TaskGraph;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds a kernel call to a TornadoVM {@link TaskGraph} as a task of the kernel's device form, the
 * {@code Device} class generated from its declaration, with no table of kernels: the form is found
 * from the call's {@link KernelSignature}, and TornadoVM's typed {@code task(id, TaskN, args...)} is
 * given a {@code TaskN} made for that form, as {@code Class::method} would make it. Built-in kernels,
 * a pack's kernels and generated ones go the same way.
 */
final class DeviceTasks {

    /** TaskGraph.task takes the code and up to 20 arguments: the item count, the blocks and the kernel's. */
    static final int MAX_ARGUMENTS = 20;
    private static final String FUNCTIONS = "uk.ac.manchester.tornado.api.common.TornadoFunctions$Task";

    private final DeviceClassPath classPath;
    private final Map<KernelSignature, Object> tasks = new HashMap<>();

    DeviceTasks(DeviceClassPath classPath) {
        this.classPath = classPath;
    }

    /**
     * {@return whether the kernel of {@code call} takes more arguments than a TornadoVM task, besides its
     * size and blocks}: it then runs as a fused kernel of one member, which packs its scalars into one
     * array per kind
     */
    static boolean tooWide(KernelCall call) {
        return call.args().size() + (call.signature().serial() ? 1 : 2) > MAX_ARGUMENTS;
    }

    /**
     * Adds {@code call} over {@code size} items to {@code graph} as task {@code id}.
     *
     * @param task   the step task's name, for messages
     * @param blocks for a parallel kernel, the number of ranges its items are split into, one work-item
     *               each (1 to size)
     * @throws BackendUnavailableException when the kernel cannot be handed to TornadoVM
     */
    void add(TaskGraph graph, String id, String task, int size, int blocks, KernelCall call) {
        KernelSignature s = call.signature();
        Object code = tasks.computeIfAbsent(s, k -> taskOf(classPath.deviceMethod(k, task), k.qualifiedName(), task));
        add(graph, id, task, code, s.serial(), size, blocks, call.args(), s.qualifiedName());
    }

    /**
     * Adds a fused kernel to {@code graph} as task {@code id}.
     *
     * @param kernel the fused kernel
     * @param device its compiled class's {@code run} method
     * @param blocks for a parallel group, the number of ranges, one work-item each
     */
    void add(TaskGraph graph, String id, FusedKernel kernel, java.lang.reflect.Method device, int blocks) {
        String what = "fused kernel " + device.getDeclaringClass().getSimpleName();
        Object code = taskOf(device, what, what);
        add(graph, id, what, code, kernel.serial(), kernel.size(), blocks, kernel.arguments(), what);
    }

    /**
     * Adds a fused kernel that loops over steps ({@link FusedKernel#stepLoop}) to {@code graph} as task
     * {@code id}, with any number of arguments: its code is a TornadoVM {@code Task} of none that holds
     * {@code steps} and every argument and calls the kernel's {@code run}, as a lambda {@code () ->
     * run(steps, a0, ...)} would ({@link StepLaunch}). TornadoVM passes a task's captured values to the
     * kernel as its arguments, so the typed tasks' limit ({@link #MAX_ARGUMENTS}) does not apply.
     *
     * @param kernel the fused kernel
     * @param device its compiled class's {@code run} method
     * @param steps  the steps one launch runs
     */
    void addStepLoop(TaskGraph graph, String id, FusedKernel kernel, java.lang.reflect.Method device, int steps) {
        String what = "fused kernel " + device.getDeclaringClass().getSimpleName();
        Object[] captured = new Object[kernel.arguments().size() + 1];
        captured[0] = steps;
        for (int k = 0; k < kernel.arguments().size(); k++) {
            captured[k + 1] = kernel.arguments().get(k);
        }
        Object code;
        try {
            Class<?> fn = Class.forName(FUNCTIONS, false, TaskGraph.class.getClassLoader());
            code = StepLaunch.define(fn, device, captured);
            graph.getClass().getMethod("task", String.class, fn).invoke(graph, id, code);
        } catch (InvocationTargetException e) {
            throw new BackendUnavailableException("the step's " + what + " cannot run on TornadoVM: " + e.getCause());
        } catch (Throwable e) {
            throw new BackendUnavailableException("the step's " + what + " could not be handed to TornadoVM (" + e
                    + ")");
        }
    }

    private static void add(TaskGraph graph, String id, String task, Object code, boolean serial, int size, int blocks,
                            List<Object> kernelArgs, String kernel) {
        int lead = serial ? 1 : 2;
        int arity = kernelArgs.size() + lead;
        if (arity > MAX_ARGUMENTS) {
            throw new BackendUnavailableException("task '" + task + "' cannot run on TornadoVM: its kernel " + kernel
                    + " takes " + (arity - lead) + " arguments, and a TornadoVM task at most " + (MAX_ARGUMENTS - lead)
                    + " besides its size" + (lead == 2 ? " and blocks" : "") + "; pass fewer (several arrays in one,"
                    + " say)");
        }
        Object[] args = new Object[arity + 2];
        args[0] = id;
        args[1] = code;
        args[2] = size;
        if (!serial) {
            args[3] = Math.max(1, Math.min(size, blocks));
        }
        for (int k = 0; k < kernelArgs.size(); k++) {
            args[k + 2 + lead] = kernelArgs.get(k);
        }
        try {
            taskMethod(arity).invoke(graph, args);
        } catch (InvocationTargetException e) {
            throw new BackendUnavailableException("task '" + task + "' (" + kernel + ") cannot run on TornadoVM: "
                    + e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code TaskN} whose {@code apply} calls the kernel's device form, as a method reference would. */
    private static Object taskOf(Method device, String kernel, String task) {
        int arity = device.getParameterCount();
        try {
            Class<?> fn = Class.forName(FUNCTIONS + arity, false, TaskGraph.class.getClassLoader());
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle impl = lookup.unreflect(device);
            Class<?>[] objects = new Class<?>[arity];
            Arrays.fill(objects, Object.class);
            MethodType erased = MethodType.methodType(void.class, objects);
            MethodType boxed = impl.type().wrap().changeReturnType(void.class);
            return LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(fn), erased, impl, boxed)
                    .getTarget().invoke();
        } catch (Throwable e) {
            throw new BackendUnavailableException("task '" + task + "' cannot run on TornadoVM: the device form of "
                    + kernel + " could not be handed to it (" + e + ")");
        }
    }

    private static Method taskMethod(int arity) {
        try {
            Class<?>[] types = new Class<?>[arity + 2];
            types[0] = String.class;
            types[1] = Class.forName(FUNCTIONS + arity, false, TaskGraph.class.getClassLoader());
            Arrays.fill(types, 2, types.length, Object.class);
            return TaskGraph.class.getMethod("task", types);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TornadoVM's TaskGraph has no task(String, Task" + arity + ", ...)", e);
        }
    }
}
