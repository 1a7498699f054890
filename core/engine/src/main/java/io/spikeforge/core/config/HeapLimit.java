package io.spikeforge.core.config;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * How much of the heap a network may fill. A network's state is a few large arrays that live for the
 * whole run, and a generational collector keeps them in its old generation: with ParallelGC's default
 * sizing that is two thirds of the heap, and a network that fitted the whole heap but not the old
 * generation ran out of memory while building, or not, depending on when a collection came.
 */
public final class HeapLimit {

    private HeapLimit() {
    }

    /** {@return the largest old generation the JVM may grow to, or its whole heap when it has none} */
    public static long bytes() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            long max = pool.getUsage().getMax();
            if (pool.getType() == MemoryType.HEAP && (name.endsWith("Old Gen") || name.endsWith("Tenured Gen"))
                    && max > 0) {
                return Math.min(max, Runtime.getRuntime().maxMemory());
            }
        }
        return Runtime.getRuntime().maxMemory();
    }

    /** {@return a byte count for people: "512.0 MiB", "23.4 GiB"} */
    public static String describe(long bytes) {
        double gib = bytes / (double) (1L << 30);
        return gib >= 1 ? String.format(Locale.ROOT, "%.1f GiB", gib)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
}
