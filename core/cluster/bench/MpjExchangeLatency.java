import mpi.MPI;

/**
 * Exchange latency of MPJ Express on loopback: the time of one all-gather of a step's packed spike
 * flags ({@code words} ints a process: N/32 for N neurons, as the engine's SpikeExchangeTask sends),
 * the collective a split network makes once per minimum delay. Prints the median and 90th percentile
 * in microseconds on rank 0. Run through MPJ's starter (see README.md beside it); not part of the Maven
 * build, since MPJ Express is not on Maven Central.
 */
public final class MpjExchangeLatency {
    public static void main(String[] args) throws Exception {
        String[] rest = MPI.Init(args);
        int words = rest.length > 0 ? Integer.parseInt(rest[0]) : 125;
        int rounds = rest.length > 1 ? Integer.parseInt(rest[1]) : 20000;
        int rank = MPI.COMM_WORLD.Rank();
        int size = MPI.COMM_WORLD.Size();
        int[] send = new int[words];
        int[] recv = new int[words * size];
        long[] ns = new long[rounds];
        for (int r = -2000; r < rounds; r++) { // the first 2000 rounds warm up the JIT
            long t0 = System.nanoTime();
            MPI.COMM_WORLD.Allgather(send, 0, words, MPI.INT, recv, 0, words, MPI.INT);
            if (r >= 0) {
                ns[r] = System.nanoTime() - t0;
            }
        }
        if (rank == 0) {
            java.util.Arrays.sort(ns);
            System.out.printf("MPJ processes=%d words/process=%d rounds=%d median=%.1f us p90=%.1f us%n",
                    size, words, rounds, ns[rounds / 2] / 1e3, ns[rounds * 9 / 10] / 1e3);
        }
        MPI.Finalize();
    }
}
