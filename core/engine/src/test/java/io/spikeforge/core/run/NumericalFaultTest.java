package io.spikeforge.core.run;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NumericalFaultTest {

    @Test
    void theFirstNonFiniteElementIsFoundWhateverItsKind() {
        assertEquals(-1, FiniteCheck.firstNonFinite(new float[] {0f, -1e38f, Float.MAX_VALUE, Float.MIN_VALUE}));
        assertEquals(2, FiniteCheck.firstNonFinite(new float[] {0f, 1f, Float.NaN, Float.POSITIVE_INFINITY}));
        assertEquals(1, FiniteCheck.firstNonFinite(new float[] {0f, Float.NEGATIVE_INFINITY, Float.NaN}));
        assertEquals(-1, FiniteCheck.firstNonFinite(new float[0]));
    }

    @Test
    void aFaultFoundByAnEveryStepCheckNamesItsStepAndTimes() {
        NumericalFault f = new NumericalFault("population", "exc", "V", 7, Float.NaN, 100, 100, 0.1);
        assertEquals("numerical fault in step 100 (t = 10 to 10.1 ms): population 'exc', variable 'V', neuron 7 is NaN."
                + " Lower dt or check the model's parameters", f.message());
    }

    @Test
    void aFaultFoundByASparseCheckNamesTheSpanSinceTheLastCleanCheck() {
        NumericalFault f = new NumericalFault("projection", "ff", "g", 3, Float.NEGATIVE_INFINITY, 1000, 1999, 0.025);
        assertEquals("numerical fault between steps 1000 and 1999 (t = 25 to 50 ms; --check-every 1 finds the step):"
                + " projection 'ff', variable 'g', element 3 is -Infinity. Lower dt or check the model's parameters",
                f.message());
    }

    @Test
    void aFaultInTheInitialStateSaysSo() {
        NumericalFault f = new NumericalFault("population", "n", "V", 0, Float.POSITIVE_INFINITY, 0, -1, 0.1);
        assertEquals("numerical fault in the initial state: population 'n', variable 'V', neuron 0 is Infinity."
                + " Lower dt or check the model's parameters", f.message());
    }
}
