package io.spikeforge.it.split;

import io.spikeforge.core.split.SpikeExchange;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The exchange among threads of one JVM, each playing one process, for tests of the partition's logic
 * without MPJ Express (which the CLI tests use): every rank posts its message, all wait, each copies
 * everyone's, all wait again before the next.
 */
final class ThreadExchange {

    private final int processes;
    private final int[][] messages;
    private final CyclicBarrier barrier;

    ThreadExchange(int processes) {
        this.processes = processes;
        this.messages = new int[processes][];
        this.barrier = new CyclicBarrier(processes);
    }

    /** @return the exchange of rank {@code rank} */
    SpikeExchange rank(int rank) {
        return new SpikeExchange() {
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
                messages[rank] = send;
                await();
                for (int p = 0; p < processes; p++) {
                    System.arraycopy(messages[p], 0, recv, p * size, size);
                }
                await();
            }

            @Override
            public void barrier() {
                await();
            }
        };
    }

    private void await() {
        try {
            barrier.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("a rank did not reach the exchange", e);
        }
    }
}
