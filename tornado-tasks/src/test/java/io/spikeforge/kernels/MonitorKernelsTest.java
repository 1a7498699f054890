package io.spikeforge.kernels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MonitorKernelsTest {

    /**
     * A batch of 3 steps from step 5: the buffer starts empty at steps 5, 8 and 11 and keeps what the
     * batch's earlier steps appended in between, whatever the clock's offset.
     */
    @Test
    void aBufferRestartsAtTheFirstStepOfEachBatchOnly() {
        int[] clock = {5};
        int[] fill = {0};
        int[] buf = new int[2 * 3];
        int[] list = {7};
        int[] count = {1};
        int[] fills = new int[9];
        for (int s = 0; s < 9; s++) {
            MonitorKernels.startBatch(0, 1, clock, 5 % 3, 3, fill);
            MonitorKernels.appendSpikes(0, 1, list, count, new int[0], clock, buf, fill);
            fills[s] = fill[0];
            clock[0]++;
        }
        assertArrayEquals(new int[] {2, 4, 6, 2, 4, 6, 2, 4, 6}, fills);
        assertArrayEquals(new int[] {11, 7, 12, 7, 13, 7}, buf, "the last batch's (step, index) pairs");
    }

    @Test
    void aBatchOfOneStepEmptiesTheBufferEveryStep() {
        int[] fill = {4};
        MonitorKernels.startBatch(0, 1, new int[] {9}, 0, 1, fill);
        assertEquals(0, fill[0]);
    }
}
