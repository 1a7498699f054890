package io.spikeforge.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a kernel: one update loop, written once, from which every backend's form is derived. A
 * kernel is a {@code public static void} method whose first two parameters are the item range
 * {@code (int from, int to)}, followed by primitive arrays ({@code float[]}, {@code int[]},
 * {@code long[]}, {@code double[]}), each marked {@link Read} or {@link Write}, and primitive scalars.
 * Its body allocates nothing, throws nothing, does not recurse, and touches only its arguments (and
 * static methods of the same kind), which is the subset of Java that TornadoVM compiles.
 *
 * <p>SpikeForge's annotation processor ({@code spikeforge-processor}) reads the declarations of a
 * class {@code C} and generates, next to it:
 * <ul>
 *   <li>{@code CCalls}: one typed factory per kernel, {@code CCalls.name(args)}, returning the
 *       {@link KernelCall} a {@link StepTask} runs: the arguments are checked by {@code javac}, and the
 *       JVM backend calls the kernel with them directly, without boxing;</li>
 *   <li>{@code CDevice}: the device form of each kernel. For a parallel kernel,
 *       {@code CDevice.name(int size, int blocks, args)} splits the items into {@code blocks}
 *       contiguous ranges and runs {@code name(from, to, args)} on each, one range per work-item of a
 *       {@link Parallel} loop: one item per work-item when {@code blocks == size}, as elementwise work
 *       suits a GPU, or a few long ranges, as a walk over the step's spike list suits any device
 *       (its cost is paid once per range). A serial kernel's form {@code CDevice.name(int size, args)}
 *       runs {@code name(0, size, args)} once. On the JVM it is a plain loop; a device backend
 *       compiles it.</li>
 * </ul>
 * The arrays a task reads and writes, and which of them it touches only at its items' indices, follow
 * from the parameters' annotations; a task never lists them a second time.
 *
 * <p>A parallel kernel must give the same floats for any split of {@code [0, size)} into ranges run
 * in any order, one range per thread or one item per device work-item: items are independent.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Kernel {

    /**
     * {@return true for a kernel whose items depend on one another (a spike compaction, a clock): it
     * runs as one range {@code [0, size)} on one thread or one device work-item}
     */
    boolean serial() default false;

    /**
     * {@return true when item i reads and writes element i of every array parameter and nothing else
     * (a neuron or synapse update), as though every array were {@link Local}}: such tasks run in
     * cache-sized tiles, one after another, with their neighbours
     */
    boolean elementwise() default false;
}
