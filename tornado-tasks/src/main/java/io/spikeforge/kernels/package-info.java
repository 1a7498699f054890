/**
 * The update loops of every built-in model, written once as static, allocation-free methods over
 * primitive arrays: the subset TornadoVM compiles. The JVM backend calls them on a thread pool with
 * item ranges {@code [from, to)}; a TornadoVM task wraps the same method in a {@code @Parallel} loop.
 * No method here throws, allocates, recurses or calls {@code Math.fma}.
 */
package io.spikeforge.kernels;
