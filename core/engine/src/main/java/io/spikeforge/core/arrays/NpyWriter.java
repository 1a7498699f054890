package io.spikeforge.core.arrays;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Writes NumPy {@code .npy} files (format 1.0, little-endian, C order), through a temp file and a rename. */
public final class NpyWriter {

    private NpyWriter() {
    }

    /** A source of values written in C order. */
    public interface FloatSource {
        /** @return element {@code i} of the flattened array */
        float get(long i);
    }

    /** A source of int values written in C order. */
    public interface IntSource {
        /** @return element {@code i} of the flattened array */
        int get(long i);
    }

    /** Writes a float32 array of the given shape. */
    public static void writeFloat32(Path file, long[] shape, FloatSource data) throws IOException {
        write(file, "<f4", shape, elements(shape, (buf, i) -> buf.putFloat(data.get(i))));
    }

    /** Writes an int32 array of the given shape. */
    public static void writeInt32(Path file, long[] shape, IntSource data) throws IOException {
        write(file, "<i4", shape, elements(shape, (buf, i) -> buf.putInt(data.get(i))));
    }

    /** Puts element i, 4 bytes, into the buffer. */
    private interface Put {
        void put(ByteBuffer buf, long i);
    }

    /** Streams every element, little-endian, through a 64 KiB buffer. */
    private static Body elements(long[] shape, Put put) {
        return out -> {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            long n = count(shape);
            for (long i = 0; i < n; i++) {
                if (buf.remaining() < 4) {
                    out.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                put.put(buf, i);
            }
            out.write(buf.array(), 0, buf.position());
        };
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static long count(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    private static void write(Path file, String descr, long[] shape, Body body) throws IOException {
        String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        if (shape.length == 1) {
            dims += ",";
        }
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }";
        int unpadded = 10 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        String header = dict + " ".repeat(total - unpadded) + "\n";
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp),
                    1 << 16))) {
                out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
                byte[] h = header.getBytes(StandardCharsets.US_ASCII);
                out.write(h.length & 0xff);
                out.write((h.length >>> 8) & 0xff);
                out.write(h);
                body.write(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // A half-written file (a full disk) is no output: leave none behind.
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
