package io.spikeforge.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an array parameter (also {@link Read} or {@link Write}) that a {@link Kernel} touches only at
 * its items' indices: running items {@code [from, to)} reads and writes elements {@code [from, to)}
 * and no other, as a propagation split by post neuron does with its target. Two tasks of one size
 * that meet only in such arrays then run back to back on one thread without a barrier.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Local {
}
