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
     * All-gathers variable-length int messages: process {@code p}'s {@code send[0 .. count)} lands in
     * {@code recv} after those of processes {@code 0 .. p-1}, and {@code counts[p]} is its length.
     *
     * @param send   this process's message
     * @param count  its length
     * @param counts receives each process's length (length {@link #processes()})
     * @param recv   receives the messages, in rank order; long enough for all of them
     */
    void allGather(int[] send, int count, int[] counts, int[] recv);

    /** Waits until every process has called it. */
    void barrier();
}
