package io.spikeforge.core.backend;

import io.spikeforge.spi.StepTask;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Chains of tasks that meet only in local arrays share a stage, ranges and, when elementwise, tiles. */
class ChainPlanTest {

    private static final int N = 5000;
    private final float[] input = new float[N];
    private final float[] g = new float[N];
    private final float[] current = new float[N];
    private final float[] v = new float[N];
    private final int[] list = new int[N];

    private final StepTask deliver = StepTask.parallel("deliver", N).reads(list).writes(input).local(input)
            .body((f, t) -> { });
    private final StepTask synapse = StepTask.parallel("synapse", N).reads(input).writes(g, input).elementwise()
            .body((f, t) -> { });
    private final StepTask output = StepTask.parallel("output", N).reads(g, v).writes(current).elementwise()
            .body((f, t) -> { });
    private final StepTask neuron = StepTask.parallel("neuron", N).reads(current).writes(v, current).elementwise()
            .body((f, t) -> { });

    @Test
    void tasksMeetingOnlyInLocalArraysFormOneChainInOneStage() {
        StepGraph graph = StepGraph.of(List.of(deliver, synapse, output, neuron));
        assertEquals(List.of(List.of(deliver, synapse, output, neuron)), graph.stages());
        int[] chain = graph.chains(0);
        assertEquals(1, java.util.Arrays.stream(chain).distinct().count(), java.util.Arrays.toString(chain));
    }

    @Test
    void aBarrierStaysWhereASharedArrayIsNotLocalToBothOrSizesDiffer() {
        StepTask globalRead = StepTask.parallel("gather", N).reads(current).writes(new float[N]).body((f, t) -> { });
        StepTask smaller = StepTask.parallel("smaller", N - 1).reads(current).writes(new float[N]).elementwise()
                .body((f, t) -> { });
        StepTask serial = StepTask.serial("compact", N).reads(current).writes(new int[1]).body((f, t) -> { });
        for (StepTask reader : List.of(globalRead, smaller, serial)) {
            StepGraph graph = StepGraph.of(List.of(output, reader));
            assertEquals(List.of(List.of(output), List.of(reader)), graph.stages(), reader.name());
        }
    }

    @Test
    void independentChainsGetTheirOwnIds() {
        float[] other = new float[N];
        StepTask unrelated = StepTask.parallel("unrelated", N).writes(other).elementwise().body((f, t) -> { });
        StepGraph graph = StepGraph.of(List.of(synapse, unrelated, output));
        int[] chain = graph.chains(0);
        assertEquals(chain[0], chain[2]);
        assertNotEquals(chain[0], chain[1]);
    }

    @Test
    void everyWorkerRunsAChainOverOneRangeWithConsecutiveElementwiseTasksTiled() {
        StepGraph graph = StepGraph.of(List.of(deliver, synapse, output, neuron));
        JvmBackend.Share[][] plan = new JvmBackend(3, 1, 64, false).plan(graph);
        int covered = 0;
        for (JvmBackend.Share[] worker : plan) {
            JvmBackend.Unit[] units = worker[0].units();
            assertEquals(2, units.length, "the delivery alone, then one tiled unit");
            assertArrayEquals(new StepTask[] {deliver}, units[0].tasks());
            assertArrayEquals(new StepTask[] {synapse, output, neuron}, units[1].tasks());
            assertEquals(units[0].from(), units[1].from());
            assertEquals(units[0].to(), units[1].to());
            assertEquals(64, units[1].tile());
            covered += units[0].to() - units[0].from();
        }
        assertEquals(N, covered);
        // With fused loops the tiled unit is one task over the three, the same one in every worker's range.
        JvmBackend.Share[][] fused = new JvmBackend(3, 1, 64, true).plan(graph);
        StepTask one = fused[0][0].units()[1].tasks()[0];
        for (JvmBackend.Share[] worker : fused) {
            assertEquals(1, worker[0].units()[1].tasks().length);
            assertSame(one, worker[0].units()[1].tasks()[0]);
        }
        assertEquals(synapse.name() + "+" + output.name() + "+" + neuron.name(), one.name());
    }

    @Test
    void aLocalArrayMustBeDeclaredReadOrWritten() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StepTask.parallel("bad", N).reads(input).local(g).body((f, t) -> { }));
        assertEquals("task bad: a local array must also be declared read or written", e.getMessage());
    }
}
