package io.spikeforge.core.split;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The spike exchange on MPJ Express (Debian's {@code libmpj-java} 0.44, its multicore device on one
 * machine and niodev over several), reached by method handles: MPJ Express is not on Maven Central,
 * so it is found at run time, on the class path its own starter gives each process, as the TornadoVM
 * SDK is. An exchange is an all-gather of the counts, then an all-gather of the messages
 * ({@code Allgatherv}); the handles' call sites box nothing, and the buffers are kept, so a step
 * allocates nothing of ours.
 */
public final class MpjExchange implements SpikeExchange {

    private final Object comm;
    private final Object intType;
    private final int rank;
    private final int processes;
    private final MethodHandle allgather;
    private final MethodHandle barrier;
    private final MethodHandle finalizer;

    private MpjExchange(ClassLoader loader) throws Throwable {
        Class<?> mpi = Class.forName("mpi.MPI", true, loader);
        Class<?> datatype = Class.forName("mpi.Datatype", true, loader);
        comm = mpi.getField("COMM_WORLD").get(null);
        intType = mpi.getField("INT").get(null);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> c = comm.getClass();
        rank = (int) lookup.findVirtual(c, "Rank", MethodType.methodType(int.class)).invoke(comm);
        processes = (int) lookup.findVirtual(c, "Size", MethodType.methodType(int.class)).invoke(comm);
        allgather = lookup.findVirtual(c, "Allgather", MethodType.methodType(void.class, Object.class, int.class,
                int.class, datatype, Object.class, int.class, int.class, datatype));
        barrier = lookup.findVirtual(c, "Barrier", MethodType.methodType(void.class));
        finalizer = lookup.findStatic(mpi, "Finalize", MethodType.methodType(void.class));
    }

    /**
     * Starts MPJ Express in this process ({@code MPI.Init}) and wraps its world communicator.
     *
     * @param args   the arguments MPJ's starter gave {@code main}
     * @param loader the class loader that sees MPJ's classes (the caller's: in the multicore device each
     *               rank has its own, with its own MPJ state)
     * @return the exchange and the arguments MPJ leaves to the program
     * @throws IllegalStateException when MPJ Express is not on the class path
     */
    public static Started start(String[] args, ClassLoader loader) {
        try {
            Class<?> mpi = Class.forName("mpi.MPI", true, loader);
            String[] rest = (String[]) MethodHandles.publicLookup().findStatic(mpi, "Init",
                    MethodType.methodType(String[].class, String[].class)).invoke((Object) args);
            return new Started(new MpjExchange(loader), rest);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("MPJ Express is not on the class path (mpi.MPI not found)", e);
        } catch (Throwable e) {
            throw new IllegalStateException("MPJ Express failed to start: " + e, e);
        }
    }

    /** MPJ Express started: the exchange, and the program's own arguments. */
    public record Started(MpjExchange exchange, String[] args) {
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int processes() {
        return processes;
    }

    @Override
    public void allGather(int[] send, int size, int[] recv) {
        try {
            allgather.invoke(comm, (Object) send, 0, size, intType, (Object) recv, 0, size, intType);
        } catch (Throwable e) {
            throw new IllegalStateException("MPJ Express failed in the spike exchange: " + e, e);
        }
    }

    @Override
    public void barrier() {
        try {
            barrier.invoke(comm);
        } catch (Throwable e) {
            throw new IllegalStateException("MPJ Express failed at a barrier: " + e, e);
        }
    }

    /** Ends MPJ Express in this process ({@code MPI.Finalize}). */
    public void finish() {
        try {
            finalizer.invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("MPJ Express failed to finish: " + e, e);
        }
    }
}
