package io.spikeforge.kernels;

import io.spikeforge.spi.KernelCall;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelPairsTest {

    private static final int N = 1000;

    /** Conductances, arrivals, potentials and currents as a COBA step meets them, with a few zeros and extremes. */
    private static float[][] state(long seed) {
        Random r = new Random(seed);
        float[][] s = new float[4][N];
        for (int i = 0; i < N; i++) {
            s[0][i] = r.nextInt(8) == 0 ? 0f : r.nextFloat() * 20f;
            s[1][i] = r.nextInt(3) == 0 ? 0.6f * r.nextInt(4) : 0f;
            s[2][i] = -80f + 40f * r.nextFloat();
            s[3][i] = r.nextInt(5) == 0 ? Float.MAX_VALUE : 20f * r.nextFloat();
        }
        return s;
    }

    @Test
    void exponThenCobaInOnePassGivesTheTwoKernelsFloats() {
        for (long seed = 1; seed <= 5; seed++) {
            float[][] a = state(seed);
            float[][] b = state(seed);
            for (int step = 0; step < 20; step++) {
                SynapseKernels.expon(0, N, a[0], a[1], 0.98f);
                OutputKernels.coba(0, N, a[0], a[2], a[3], -80f);
                OutputKernels.exponCoba(0, N, b[0], b[1], b[2], b[3], 0.98f, -80f);
                for (int k = 0; k < 4; k++) {
                    assertArrayEquals(a[k], b[k], "array " + k + ", seed " + seed + ", step " + step);
                }
                a[1][(int) (seed * step) % N] = 6.7f;
                b[1][(int) (seed * step) % N] = 6.7f;
            }
        }
    }

    @Test
    void fusesAnExponUpdateWithTheCobaOutputReadingItsConductance() {
        float[][] s = state(7);
        Optional<KernelCall> fused = KernelPairs.fuse(SynapseKernelsCalls.expon(s[0], s[1], 0.9f),
                OutputKernelsCalls.coba(s[0], s[2], s[3], 0f));
        assertTrue(fused.isPresent());
        assertSame(OutputKernelsCalls.EXPON_COBA, fused.get().signature());
        assertEquals(java.util.List.of(s[0], s[1], s[2], s[3], 0.9f, 0f), fused.get().args());
        float[][] ref = state(7);
        SynapseKernels.expon(0, N, ref[0], ref[1], 0.9f);
        OutputKernels.coba(0, N, ref[0], ref[2], ref[3], 0f);
        fused.get().run(0, N);
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(ref[k], s[k], "array " + k);
        }
    }

    @Test
    void leavesOtherPairsAndSharedArraysAlone() {
        float[][] s = state(3);
        float[] other = new float[N];
        assertTrue(KernelPairs.fuse(SynapseKernelsCalls.expon(s[0], s[1], 0.9f),
                OutputKernelsCalls.coba(other, s[2], s[3], 0f)).isEmpty(), "the output reads another g");
        assertTrue(KernelPairs.fuse(SynapseKernelsCalls.expon(s[0], s[1], 0.9f),
                OutputKernelsCalls.coba(s[0], s[1], s[3], 0f)).isEmpty(), "V is the synapse's input array");
        assertTrue(KernelPairs.fuse(OutputKernelsCalls.coba(s[0], s[2], s[3], 0f),
                SynapseKernelsCalls.expon(s[0], s[1], 0.9f)).isEmpty(), "the output first");
        assertTrue(KernelPairs.fuse(SynapseKernelsCalls.expon(s[0], s[1], 0.9f),
                OutputKernelsCalls.cuba(s[0], s[3])).isEmpty(), "CUBA has no one-pass kernel");
    }
}
