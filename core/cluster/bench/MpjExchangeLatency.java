import mpi.MPI;

/**
 * Exchange latency of MPJ Express on loopback: the time of one all-gather of a spike interval's
 * indices (a count, then the indices), as a split network would make once per minimum delay.
 * Prints the median and 90th percentile in microseconds on rank 0. Run through mpjrun (see README.md
 * beside it); not part of the Maven build, since MPJ Express is not on Maven Central.
 */
public final class MpjExchangeLatency {
    public static void main(String[] args) throws Exception {
        String[] rest = MPI.Init(args);
        int spikes = rest.length > 0 ? Integer.parseInt(rest[0]) : 16;
        int rounds = rest.length > 1 ? Integer.parseInt(rest[1]) : 20000;
        int rank = MPI.COMM_WORLD.Rank();
        int size = MPI.COMM_WORLD.Size();
        int[] count = {spikes};
        int[] counts = new int[size];
        int[] send = new int[spikes];
        int[] recv = new int[spikes * size];
        long[] ns = new long[rounds];
        for (int r = -2000; r < rounds; r++) { // the first 2000 rounds warm up the JIT
            long t0 = System.nanoTime();
            MPI.COMM_WORLD.Allgather(count, 0, 1, MPI.INT, counts, 0, 1, MPI.INT);
            MPI.COMM_WORLD.Allgather(send, 0, spikes, MPI.INT, recv, 0, spikes, MPI.INT);
            if (r >= 0) {
                ns[r] = System.nanoTime() - t0;
            }
        }
        if (rank == 0) {
            java.util.Arrays.sort(ns);
            System.out.printf("MPJ processes=%d spikes/process=%d rounds=%d median=%.1f us p90=%.1f us%n",
                    size, spikes, rounds, ns[rounds / 2] / 1e3, ns[rounds * 9 / 10] / 1e3);
        }
        MPI.Finalize();
    }
}
