package io.spikeforge.core.split;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NeuronPartitionTest {

    @Test
    void rangesTileTheGroupInOrderAndDifferByAtMostOne() {
        for (int size : new int[]{1, 7, 10, 4000}) {
            for (int processes = 1; processes <= Math.min(size, 9); processes++) {
                NeuronPartition part = new NeuronPartition(size, processes);
                assertEquals(0, part.first(0));
                assertEquals(size, part.end(processes - 1));
                for (int p = 0; p < processes; p++) {
                    int n = part.end(p) - part.first(p);
                    assertEquals(size / processes + (p < size % processes ? 1 : 0), n, size + "/" + processes);
                    for (int i = part.first(p); i < part.end(p); i++) {
                        assertEquals(p, part.owner(i), "owner of " + i + " in " + size + "/" + processes);
                    }
                }
            }
        }
    }

    @Test
    void tenOverFourGivesThreeThreeTwoTwo() {
        NeuronPartition part = new NeuronPartition(10, 4);
        assertEquals(List.of(0, 3, 6, 8, 10),
                List.of(part.first(0), part.first(1), part.first(2), part.first(3), part.end(3)));
    }

    @Test
    void aGroupSmallerThanTheProcessesLeavesTheLastOnesEmpty() {
        NeuronPartition part = new NeuronPartition(2, 4);
        assertEquals(List.of(0, 1, 2, 2, 2), List.of(part.first(0), part.first(1), part.first(2), part.first(3),
                part.end(3)));
        assertEquals(1, part.owner(1));
    }

    @Test
    void refusesFewerThanOneProcess() {
        assertEquals("--processes: 0 processes; allowed: a whole number from 1 up",
                assertThrows(IllegalArgumentException.class, () -> new NeuronPartition(10, 0)).getMessage());
    }
}
