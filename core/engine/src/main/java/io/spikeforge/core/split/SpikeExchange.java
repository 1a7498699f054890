package io.spikeforge.core.split;

/**
 * The collective operations a network split over processes needs, provided by a message-passing
 * engine (MPJ Express in {@link MpjExchange}); every process calls each of them the same number of
 * times, in the same order.
 */
public interface SpikeExchange {

    /** @return this process's rank, 0 to {@link #processes()} - 1 */
    int rank();

    /** @return the number of processes */
    int processes();

    /**
     * All-gathers fixed-size int messages, in one collective: process {@code p}'s {@code send[0 .. size)}
     * lands in {@code recv[p * size .. (p + 1) * size)}.
     *
     * @param send this process's message, {@code size} ints (the same size in every process)
     * @param size the message's length
     * @param recv receives the messages, in rank order ({@code processes() * size} ints)
     */
    void allGather(int[] send, int size, int[] recv);

    /** Waits until every process has called it. */
    void barrier();
}
