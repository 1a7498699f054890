package io.spikeforge.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the JVM's own form of a {@link Kernel}: a static method in a class nested in the kernel's
 * class, with the kernel's name and parameter types, that gives the same results by means a device
 * cannot compile (a SIMD intrinsic such as {@link java.util.Arrays#mismatch(int[], int, int, int[],
 * int, int)}). The JVM backend calls it; a device backend compiles the kernel itself. The processor
 * refuses a host form that matches no kernel, and the engine's contract test checks that both forms
 * give the same arrays.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface HostForm {
}
