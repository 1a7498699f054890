package io.spikeforge.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the loop index of a generated device form ({@link Kernel}) as data-parallel: each iteration
 * is one independent work-item. On the JVM the loop runs as written; TornadoVM, started with
 * {@code -Dtornado.load.annotation.parallel=io.spikeforge.spi.Parallel} (as the {@code spikeforge}
 * launcher starts it), maps the iterations onto the device's work-items. Pack authors do not write
 * it: the processor does.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.LOCAL_VARIABLE, ElementType.TYPE_USE})
public @interface Parallel {
}
