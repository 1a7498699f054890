package io.spikeforge.core.backend;

import io.spikeforge.kernels.InputKernelsCalls;
import io.spikeforge.kernels.NeuronKernelsCalls;
import io.spikeforge.kernels.OutputKernelsCalls;
import io.spikeforge.kernels.SpikeKernelsCalls;
import io.spikeforge.kernels.SynapseKernelsCalls;
import io.spikeforge.spi.KernelCall;
import io.spikeforge.spi.StepTask;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A chain's elementwise kernels fused into loops give the floats of running them pass by pass. */
class LoopFusionTest {

    private static final int N = 1031;

    /** One population's state, filled with values that include the edges of float arithmetic. */
    private static final class State {
        final float[] v = new float[N];
        final float[] w = new float[N];
        final float[] current = new float[N];
        final float[] g1 = new float[N];
        final float[] in1 = new float[N];
        final float[] g2 = new float[N];
        final float[] in2 = new float[N];
        final float[] h = new float[N];
        final int[] refractory = new int[N];
        final int[] spikes = new int[N];

        State(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            float[] edges = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, -50f,
                    Math.nextUp(-50f), Math.nextDown(-50f), Float.MIN_VALUE, -Float.MAX_VALUE};
            for (int i = 0; i < N; i++) {
                v[i] = i % 17 == 0 ? edges[(i / 17) % edges.length] : (float) (-65 + 20 * r.nextDouble());
                w[i] = (float) r.nextDouble();
                current[i] = i % 13 == 0 ? edges[(i / 13) % edges.length] : (float) (r.nextDouble() - 0.5);
                g1[i] = (float) r.nextDouble();
                in1[i] = r.nextInt(5) == 0 ? 0.6f : 0f;
                g2[i] = (float) (2 * r.nextDouble());
                in2[i] = r.nextInt(7) == 0 ? 6.7f : 0f;
                h[i] = (float) r.nextDouble();
                refractory[i] = r.nextInt(4) == 0 ? r.nextInt(-3, 50) : 0;
            }
        }

        Object[] arrays() {
            return new Object[] {v, w, current, g1, in1, g2, in2, h, refractory, spikes};
        }
    }

    private static List<StepTask> tasks(List<KernelCall> calls) {
        List<StepTask> tasks = new ArrayList<>();
        for (int k = 0; k < calls.size(); k++) {
            tasks.add(StepTask.of("t" + k, N, calls.get(k)));
        }
        return tasks;
    }

    /** Runs the chain pass by pass and fused, over the whole range and over uneven ranges, for several steps. */
    private static void assertSameAsPasses(Function<State, List<KernelCall>> chain, int expectedTasks) {
        for (int[] cuts : new int[][] {{0, N}, {0, 1, 500, 777, N}}) {
            State passes = new State(7);
            State fused = new State(7);
            List<StepTask> plain = tasks(chain.apply(passes));
            List<StepTask> joined = LoopFusion.fuse(tasks(chain.apply(fused)), false);
            assertEquals(expectedTasks, joined.size(), joined.toString());
            for (int step = 0; step < 12; step++) {
                for (int c = 0; c + 1 < cuts.length; c++) {
                    for (StepTask t : plain) {
                        t.run(cuts[c], cuts[c + 1]);
                    }
                    for (StepTask t : joined) {
                        t.run(cuts[c], cuts[c + 1]);
                    }
                }
                Object[] a = passes.arrays();
                Object[] b = fused.arrays();
                for (int k = 0; k < a.length; k++) {
                    if (a[k] instanceof float[] x) {
                        assertArrayEquals(bits(x), bits((float[]) b[k]), "array " + k + " step " + step);
                    } else {
                        assertArrayEquals((int[]) a[k], (int[]) b[k], "array " + k + " step " + step);
                    }
                }
            }
        }
    }

    /** Bits of each float, every NaN as one: the JIT may give a NaN of another sign in any kernel, as Java allows. */
    private static int[] bits(float[] x) {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Float.floatToIntBits(x[i]);
        }
        return out;
    }

    @Test
    void cobaPopulationsChainIsOneTaskWithThePassesFloats() {
        assertSameAsPasses(s -> List.of(InputKernelsCalls.addConstant(s.current, 20f),
                OutputKernelsCalls.exponCoba(s.g1, s.in1, s.v, s.current, 0.98f, 0f),
                OutputKernelsCalls.exponCoba(s.g2, s.in2, s.v, s.current, 0.99f, -80f),
                NeuronKernelsCalls.lif(s.v, s.refractory, s.current, s.spikes, -60f, -60f, -50f, 1f, 0.995f, 50)), 1);
        List<StepTask> joined = LoopFusion.fuse(tasks(List.of(InputKernelsCalls.addConstant(new float[N], 1f),
                SynapseKernelsCalls.expon(new float[N], new float[N], 0.9f))));
        assertEquals("t0+t1", joined.get(0).name());
    }

    @Test
    void theDeferredTaskGivesThePassesFloatsBeforeAndAfterItSwitches() throws InterruptedException {
        Function<State, List<KernelCall>> chain = s -> List.of(InputKernelsCalls.addConstant(s.current, 20f),
                OutputKernelsCalls.exponCoba(s.g1, s.in1, s.v, s.current, 0.98f, 0f),
                NeuronKernelsCalls.lif(s.v, s.refractory, s.current, s.spikes, -60f, -60f, -50f, 1f, 0.995f, 50));
        State passes = new State(3);
        State deferred = new State(3);
        List<StepTask> plain = tasks(chain.apply(passes));
        StepTask one = FusedSwitch.deferred(tasks(chain.apply(deferred)));
        assertEquals("t0+t1+t2", one.name());
        for (int step = 0; step < FusedSwitch.START_AFTER_CALLS + 4000; step++) {
            if (step == FusedSwitch.START_AFTER_CALLS + 10) {
                Thread.sleep(300); // time for the fusing thread, so that later steps may run the fused loop
            }
            for (StepTask t : plain) {
                t.run(0, 600);
                t.run(600, N);
            }
            one.run(0, 600);
            one.run(600, N);
            passes.in1[step % N] = 0.6f;
            deferred.in1[step % N] = 0.6f;
        }
        Object[] a = passes.arrays();
        Object[] b = deferred.arrays();
        for (int k = 0; k < a.length; k++) {
            if (a[k] instanceof float[] x) {
                assertArrayEquals(bits(x), bits((float[]) b[k]), "array " + k);
            } else {
                assertArrayEquals((int[]) a[k], (int[]) b[k], "array " + k);
            }
        }
    }

    @Test
    void branchingNeuronsAndOtherSynapsesKeepTheirFloats() {
        assertSameAsPasses(s -> List.of(SynapseKernelsCalls.dualExpon(s.g1, s.h, s.g2, s.in1, 0.9f, 0.95f, 1.3f),
                OutputKernelsCalls.cuba(s.g1, s.current),
                SynapseKernelsCalls.alpha(s.in2, s.w, s.in1, 0.97f, 0.1f),
                OutputKernelsCalls.mgBlock(s.in2, s.v, s.current, 0f, 1f, 0.062f, 3.57f),
                NeuronKernelsCalls.expIf(s.v, s.refractory, s.current, s.spikes, -65f, -68f, -30f, -59.9f, 3.48f, 1f,
                        0.01f, 20)), 1);
        assertSameAsPasses(s -> List.of(OutputKernelsCalls.coba(s.g1, s.v, s.current, 0f),
                NeuronKernelsCalls.adExIf(s.v, s.w, s.refractory, s.current, s.spikes, -70f, -58f, -50f, -50f, 2f, 0.5f,
                        2f, 0.5f, 0.01f, 0.002f, 20)), 1);
        assertSameAsPasses(s -> List.of(InputKernelsCalls.addConstant(s.current, 10f),
                NeuronKernelsCalls.izhikevich(s.v, s.w, s.refractory, s.current, s.spikes, 0.02f, 0.2f, -65f, 8f, 30f,
                        1f, 0.1f, 0)), 1);
    }

    @Test
    void aKernelWithAHostFormOrWithoutAKernelEndsTheRun() {
        int[] runs = new int[N];
        int[] counts = new int[N];
        int[] length = new int[N];
        int[] end = new int[N];
        State s = new State(1);
        StepTask scan = StepTask.of("scan", N, SpikeKernelsCalls.scanRun(s.spikes, runs, counts, length, end));
        StepTask plain = StepTask.parallel("plain", N).writes(s.current).elementwise().body((f, t) -> { });
        List<StepTask> tasks = new ArrayList<>(tasks(List.of(InputKernelsCalls.addConstant(s.current, 1f),
                NeuronKernelsCalls.lif(s.v, s.refractory, s.current, s.spikes, -60f, -60f, -50f, 1f, 0.99f, 5))));
        tasks.add(scan);
        tasks.add(plain);
        tasks.addAll(tasks(List.of(InputKernelsCalls.addConstant(s.current, 2f))));
        List<StepTask> joined = LoopFusion.fuse(tasks);
        assertEquals(4, joined.size(), joined.toString());
        assertEquals("t0+t1", joined.get(0).name());
        assertSame(scan, joined.get(1));
        assertSame(plain, joined.get(2));
    }
}
