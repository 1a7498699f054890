package io.spikeforge.core.arrays;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ArrayIOTest {

    @Test
    void arraysLongerThanOneChunkAndEveryFloatBitPatternRoundTrip() throws Exception {
        Random r = new Random(1);
        float[] f = new float[40_000];
        int[] n = new int[40_000];
        for (int i = 0; i < f.length; i++) {
            f[i] = Float.intBitsToFloat(r.nextInt());
            n[i] = r.nextInt();
        }
        f[0] = Float.NaN;
        f[1] = -0f;
        String text = "dt: 0.1\n" + "x".repeat(70_000) + " µs";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            ArrayIO.writeFloats(out, f, 5, f.length - 5);
            ArrayIO.writeInts(out, n, 0, n.length);
            ArrayIO.writeString(out, text);
        }
        float[] f2 = new float[f.length];
        int[] n2 = new int[n.length];
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            ArrayIO.readFloats(in, f2, 5, f.length - 5);
            ArrayIO.readInts(in, n2, 0, n.length);
            assertEquals(text, ArrayIO.readString(in));
        }
        for (int i = 5; i < f.length; i++) {
            assertEquals(Float.floatToRawIntBits(f[i]), Float.floatToRawIntBits(f2[i]), "float " + i);
        }
        assertArrayEquals(n, n2);
    }
}
