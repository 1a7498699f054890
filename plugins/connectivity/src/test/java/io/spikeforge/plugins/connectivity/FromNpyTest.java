package io.spikeforge.plugins.connectivity;

import io.spikeforge.spi.InitializerModel;
import io.spikeforge.spi.testing.ModelParams;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** FromNpy: the file's values in order, whole or from a block's first element, and a count that does not fit. */
class FromNpyTest {

    private final InitializerModel init = new FromNpy();

    @Test
    void copiesTheValuesInOrderWholeAndByBlock() {
        double[] values = {0.5, -1.25, 3, 7.5};
        float[] whole = new float[4];
        init.fill(ModelParams.of(init, "values", values), whole, 9);
        assertArrayEquals(new float[] {0.5f, -1.25f, 3f, 7.5f}, whole);
        float[] tail = new float[2];
        init.fill(ModelParams.of(init, "values", values), tail, 9, 2);
        assertArrayEquals(new float[] {3f, 7.5f}, tail);
    }

    @Test
    void aCountThatDoesNotFitIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> init.fill(ModelParams.of(init, "values", new double[] {1, 2, 3}), new float[4], 1));
        assertEquals("values holds 3 numbers; 4 are needed, one per element (a projection's synapses in row-major"
                + " order)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> init.fill(ModelParams.of(init, "values", new double[] {1, 2, 3}), new float[2], 1, 2));
        assertEquals("values holds 3 numbers; elements up to 4 are needed, one per element (a projection's synapses"
                + " in row-major order)", e.getMessage());
    }
}
