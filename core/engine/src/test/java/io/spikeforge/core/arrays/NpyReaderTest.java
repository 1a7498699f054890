package io.spikeforge.core.arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsBackWhatTheWriterWroteWithDtypeAndShape() throws IOException {
        Path f = dir.resolve("v.npy");
        float[] data = {1.5f, -2f, 3.25f, Float.MIN_VALUE, 7f, -0f};
        NpyWriter.writeFloat32(f, new long[] {3, 2}, i -> data[(int) i]);
        NpyReader.NpyArray a = NpyReader.read(f);
        assertEquals("float32", a.dtype());
        assertArrayEquals(new long[] {3, 2}, a.shape());
        assertArrayEquals(data, a.floats());
        assertNull(a.ints());
        assertEquals(3, a.rows());
        assertEquals(2, a.columns());
        assertEquals(Float.MIN_VALUE, a.floatAt(1, 1));

        Path g = dir.resolve("s.npy");
        int[] pairs = {0, 3, 17, 0, Integer.MAX_VALUE, -1};
        NpyWriter.writeInt32(g, new long[] {3, 2}, i -> pairs[(int) i]);
        NpyReader.NpyArray b = NpyReader.read(g);
        assertEquals("int32", b.dtype());
        assertArrayEquals(pairs, b.ints());
        assertEquals(17, b.intAt(1, 0));
    }

    @Test
    void readsOneDimensionalAndEmptyArrays() throws IOException {
        Path f = dir.resolve("one.npy");
        NpyWriter.writeFloat32(f, new long[] {4}, i -> i);
        NpyReader.NpyArray a = NpyReader.read(f);
        assertArrayEquals(new long[] {4}, a.shape());
        assertEquals(1, a.columns());
        assertEquals(3f, a.floatAt(3, 0));

        Path e = dir.resolve("empty.npy");
        NpyWriter.writeInt32(e, new long[] {0, 2}, i -> 0);
        NpyReader.NpyArray b = NpyReader.read(e);
        assertArrayEquals(new long[] {0, 2}, b.shape());
        assertEquals(0, b.ints().length);
    }

    @Test
    void readsNumPysDefaultFloat64IntoSinglePrecision() throws IOException {
        // NumPy's np.save of [0.1, -2.5, 1e6] as float64: the header, then 8 bytes per value.
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }";
        StringBuilder h = new StringBuilder(header);
        while ((10 + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(10 + h.length() + 24).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buf.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) h.length())
                .put(h.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        buf.putDouble(0.1).putDouble(-2.5).putDouble(1e6);
        Path f8 = dir.resolve("f8.npy");
        Files.write(f8, buf.array());
        NpyReader.NpyArray a = NpyReader.read(f8);
        assertArrayEquals(new long[] {3}, a.shape());
        assertArrayEquals(new float[] {0.1f, -2.5f, 1e6f}, a.floats());
    }

    @Test
    void refusesOtherFilesNamingTheFileAndTheReason() throws IOException {
        Path text = dir.resolve("text.npy");
        Files.writeString(text, "not numpy at all");
        IOException e = assertThrows(IOException.class, () -> NpyReader.read(text));
        assertTrue(e.getMessage().contains("text.npy") && e.getMessage().contains("magic"), e.getMessage());

        Path f2 = dir.resolve("f2.npy");
        NpyWriter.writeFloat32(f2, new long[] {1}, i -> 1f);
        byte[] bytes = Files.readAllBytes(f2);
        String header = new String(bytes, 10, bytes.length - 10, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("<f4", "<f2");
        System.arraycopy(header.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, bytes, 10, header.length());
        Files.write(f2, bytes);
        e = assertThrows(IOException.class, () -> NpyReader.read(f2));
        assertTrue(e.getMessage().contains("'<f2' is not supported (SpikeForge reads <f4, <f8 and <i4)"), e.getMessage());

        Path cut = dir.resolve("cut.npy");
        NpyWriter.writeFloat32(cut, new long[] {100}, i -> 1f);
        byte[] whole = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 8));
        e = assertThrows(IOException.class, () -> NpyReader.read(cut));
        assertTrue(e.getMessage().contains("promises 100 values"), e.getMessage());
    }
}
