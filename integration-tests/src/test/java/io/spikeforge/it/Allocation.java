package io.spikeforge.it;

import java.lang.management.ManagementFactory;

/** How many bytes the current thread allocates while it does something: the tests' bound on memory. */
final class Allocation {

    private Allocation() {
    }

    /** @return the bytes this thread allocated while running {@code body} */
    static long during(Runnable body) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(id);
        body.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }
}
