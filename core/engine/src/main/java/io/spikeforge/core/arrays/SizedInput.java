package io.spikeforge.core.arrays;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A data stream that knows how many bytes are left in it, so that a length read from a file is checked
 * against what the file still holds before anything of that length is allocated: a forged length
 * fails at once with what it claimed, instead of making the reader allocate gigabytes.
 */
public final class SizedInput extends DataInputStream {

    private final Counting counting;

    /**
     * @param in     the stream, positioned at its first byte of interest
     * @param length how many bytes it holds from there
     */
    public SizedInput(InputStream in, long length) {
        this(new Counting(in, length));
    }

    private SizedInput(Counting counting) {
        super(counting);
        this.counting = counting;
    }

    /** @return how many bytes are left */
    public long remaining() {
        return counting.left;
    }

    /**
     * @param bytes how many bytes the next read of {@code what} needs
     * @param what  what is to be read, for the message ("a text", "monitor n.V")
     * @throws EOFException when fewer bytes are left, so that nothing is allocated for them
     */
    public void claim(long bytes, String what) throws EOFException {
        if (bytes < 0 || bytes > counting.left) {
            throw new EOFException(what + " is announced as " + bytes + " bytes, but only " + counting.left
                    + " follow");
        }
    }

    /** Counts down the bytes read or skipped. */
    private static final class Counting extends FilterInputStream {
        long left;

        Counting(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long done = super.skip(n);
            left -= done;
            return done;
        }
    }
}
