package io.spikeforge.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an array parameter of a {@link Kernel} that the kernel writes (read-modify-write counts as a
 * write). The engine orders the task after every earlier task that reads or writes the array, and
 * before every later one; a device backend copies the array back to the host.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Write {
}
