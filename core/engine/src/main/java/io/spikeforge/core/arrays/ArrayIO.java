package io.spikeforge.core.arrays;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Primitive arrays and strings to and from checkpoint streams, in bulk: an element at a time through
 * {@link DataOutput} would dominate the time to save a large weight matrix.
 */
public final class ArrayIO {

    private static final int CHUNK = 1 << 14;

    private ArrayIO() {
    }

    /** Writes {@code a[from .. from+len)} as big-endian floats. */
    public static void writeFloats(DataOutput out, float[] a, int from, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4 * Math.min(CHUNK, Math.max(len, 1))).order(ByteOrder.BIG_ENDIAN);
        for (int done = 0; done < len; ) {
            int n = Math.min(CHUNK, len - done);
            buf.clear();
            buf.asFloatBuffer().put(a, from + done, n);
            out.write(buf.array(), 0, 4 * n);
            done += n;
        }
    }

    /** Reads {@code len} big-endian floats into {@code a[from ..]}. */
    public static void readFloats(DataInput in, float[] a, int from, int len) throws IOException {
        byte[] bytes = new byte[4 * Math.min(CHUNK, Math.max(len, 1))];
        for (int done = 0; done < len; ) {
            int n = Math.min(CHUNK, len - done);
            in.readFully(bytes, 0, 4 * n);
            ByteBuffer.wrap(bytes, 0, 4 * n).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(a, from + done, n);
            done += n;
        }
    }

    /**
     * Reads {@code len} big-endian floats and compares them, bit for bit, with {@code expected[0 ..]}.
     *
     * @return the index of the first that differs, or -1 when all are the same
     */
    public static int firstDifference(DataInput in, float[] expected, int len) throws IOException {
        byte[] bytes = new byte[4 * Math.min(CHUNK, Math.max(len, 1))];
        int first = -1;
        for (int done = 0; done < len; ) {
            int n = Math.min(CHUNK, len - done);
            in.readFully(bytes, 0, 4 * n);
            ByteBuffer buf = ByteBuffer.wrap(bytes, 0, 4 * n).order(ByteOrder.BIG_ENDIAN);
            for (int e = 0; e < n && first < 0; e++) {
                if (buf.getInt(4 * e) != Float.floatToRawIntBits(expected[done + e])) {
                    first = done + e;
                }
            }
            done += n;
        }
        return first;
    }

    /** Writes {@code a[from .. from+len)} as big-endian ints. */
    public static void writeInts(DataOutput out, int[] a, int from, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4 * Math.min(CHUNK, Math.max(len, 1))).order(ByteOrder.BIG_ENDIAN);
        for (int done = 0; done < len; ) {
            int n = Math.min(CHUNK, len - done);
            buf.clear();
            buf.asIntBuffer().put(a, from + done, n);
            out.write(buf.array(), 0, 4 * n);
            done += n;
        }
    }

    /** Reads {@code len} big-endian ints into {@code a[from ..]}. */
    public static void readInts(DataInput in, int[] a, int from, int len) throws IOException {
        byte[] bytes = new byte[4 * Math.min(CHUNK, Math.max(len, 1))];
        for (int done = 0; done < len; ) {
            int n = Math.min(CHUNK, len - done);
            in.readFully(bytes, 0, 4 * n);
            ByteBuffer.wrap(bytes, 0, 4 * n).order(ByteOrder.BIG_ENDIAN).asIntBuffer().get(a, from + done, n);
            done += n;
        }
    }

    /** Writes a string of any length as UTF-8 with an int length (DataOutput.writeUTF stops at 64 KiB). */
    public static void writeString(DataOutput out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** Reads a string written by {@link #writeString}. */
    public static String readString(DataInput in) throws IOException {
        return readString(in, "a text");
    }

    /**
     * Reads a string written by {@link #writeString}, naming it {@code what} should its length be wrong.
     * From a {@link SizedInput} its length is checked against the bytes left before its buffer is allocated.
     */
    public static String readString(DataInput in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException(what + " has a negative length, " + n);
        }
        if (in instanceof SizedInput sized) {
            sized.claim(n, what);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
