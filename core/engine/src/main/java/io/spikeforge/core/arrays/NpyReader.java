package io.spikeforge.core.arrays;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the NumPy {@code .npy} files that {@link NpyWriter} writes: little-endian float32 or int32 (and
 * float64, read into float32),
 * C order, any rank. Other files are refused with an {@link IOException} that names the file and
 * says what is wrong.
 */
public final class NpyReader {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyReader() {
    }

    /**
     * A loaded array: exactly one of {@code floats} and {@code ints} is set.
     *
     * @param dtype  {@code float32} or {@code int32}
     * @param shape  the dimensions, in C order
     * @param floats the flattened values of a float32 array, else null
     * @param ints   the flattened values of an int32 array, else null
     */
    public record NpyArray(String dtype, long[] shape, float[] floats, int[] ints) {

        /** @return the number of rows: the first dimension, or 1 for a scalar */
        public int rows() {
            return shape.length == 0 ? 1 : (int) shape[0];
        }

        /** @return the number of columns of a 2-D array, 1 for a 1-D array */
        public int columns() {
            return shape.length < 2 ? 1 : (int) shape[1];
        }

        /** @return element (r, c) of a float32 array of rank 1 or 2 */
        public float floatAt(int r, int c) {
            return floats[r * columns() + c];
        }

        /** @return element (r, c) of an int32 array of rank 1 or 2 */
        public int intAt(int r, int c) {
            return ints[r * columns() + c];
        }
    }

    /** @return the array in {@code file} */
    public static NpyArray read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a NumPy file SpikeForge can read: " + e.getMessage(), e);
        }
    }

    private static NpyArray parse(byte[] bytes) {
        if (bytes.length < 10 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IllegalArgumentException("it does not start with the .npy magic string");
        }
        int major = bytes[6];
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = buf.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new IllegalArgumentException("truncated header");
            }
            headerLength = buf.getInt(8);
            headerStart = 12;
        } else {
            throw new IllegalArgumentException("unknown format version " + major);
        }
        if (headerLength < 0 || headerStart + headerLength > bytes.length) {
            throw new IllegalArgumentException("truncated header");
        }
        String header = new String(bytes, headerStart, headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, "descr");
        if (group(FORTRAN, header, "fortran_order").equals("True")) {
            throw new IllegalArgumentException("Fortran order is not supported");
        }
        long[] shape = shape(group(SHAPE, header, "shape"));
        long count = 1;
        for (long d : shape) {
            count = Math.multiplyExact(count, d);
        }
        int dataStart = headerStart + headerLength;
        int itemSize = descr.equals("<f8") ? 8 : 4;
        if (count > (bytes.length - dataStart) / itemSize) {
            throw new IllegalArgumentException("the header promises " + count + " values of " + itemSize
                    + " bytes but the file holds " + (bytes.length - dataStart) + " bytes of data");
        }
        buf.position(dataStart);
        return switch (descr) {
            case "<f4" -> {
                float[] values = new float[(int) count];
                buf.asFloatBuffer().get(values);
                yield new NpyArray("float32", shape, values, null);
            }
            case "<f8" -> {
                // NumPy's default dtype, read into single precision as the state is.
                float[] values = new float[(int) count];
                for (int k = 0; k < values.length; k++) {
                    values[k] = (float) buf.getDouble(dataStart + 8 * k);
                }
                yield new NpyArray("float32", shape, values, null);
            }
            case "<i4" -> {
                int[] values = new int[(int) count];
                buf.asIntBuffer().get(values);
                yield new NpyArray("int32", shape, null, values);
            }
            default -> throw new IllegalArgumentException("dtype '" + descr
                    + "' is not supported (SpikeForge reads <f4, <f8 and <i4)");
        };
    }

    private static String group(Pattern p, String header, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException("the header has no '" + key + "': " + header.strip());
        }
        return m.group(1);
    }

    private static long[] shape(String text) {
        String[] parts = text.split(",");
        return Arrays.stream(parts).map(String::strip).filter(s -> !s.isEmpty()).mapToLong(s -> {
            try {
                long d = Long.parseLong(s);
                if (d < 0) {
                    throw new IllegalArgumentException("negative dimension " + d);
                }
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad shape (" + text + ")");
            }
        }).toArray();
    }
}
