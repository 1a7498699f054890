package io.spikeforge.core.checkpoint;

import io.spikeforge.core.arrays.ArrayIO;
import io.spikeforge.core.arrays.SizedInput;
import io.spikeforge.core.sim.StateRegistry;
import io.spikeforge.core.config.ConfigOrigin;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Monitor;
import io.spikeforge.core.sim.Network;
import io.spikeforge.core.sim.ProjectionRuntime;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The checkpoint file: a 24-byte header (the signature {@code SFCKPT\r\n}, the format version, the
 * payload's length and its CRC32) followed by the payload: the run's {@link CheckpointMeta} (config
 * text included), every registered state array by name, and every monitor's recording. The file is
 * written to a temporary file, forced to disk and renamed over the old one, so a checkpoint on disk is
 * always complete; reading checks the signature, version, length and CRC before it trusts a byte.
 */
public final class CheckpointFile {

    /** The format version this build writes and reads. */
    public static final int VERSION = 1;
    static final byte[] SIGNATURE = {'S', 'F', 'C', 'K', 'P', 'T', '\r', '\n'};
    static final int HEADER = 24;
    private static final int TRAILER = 0x454E4421;

    private CheckpointFile() {
    }

    /** Writes the network's complete state at its current step, atomically. */
    public static void write(Path file, Network net, CheckpointMeta meta) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        CRC32 crc = new CRC32();
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.allocate(HEADER), 0);
            ch.position(HEADER);
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(
                    new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16), crc));
            writePayload(out, net, meta);
            out.flush();
            long length = ch.position() - HEADER;
            ByteBuffer header = ByteBuffer.allocate(HEADER).put(SIGNATURE).putInt(VERSION).putLong(length)
                    .putInt((int) crc.getValue()).flip();
            ch.write(header, 0);
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writePayload(DataOutputStream out, Network net, CheckpointMeta meta) throws IOException {
        ConfigOrigin o = meta.origin();
        ArrayIO.writeString(out, o.text());
        ArrayIO.writeString(out, o.source());
        ArrayIO.writeString(out, o.defaultName());
        Overrides ov = o.overrides();
        writeNullable(out, ov.duration());
        writeNullable(out, ov.dt());
        writeNullable(out, ov.seed());
        writeNullable(out, ov.threads());
        writeNullable(out, ov.backend());
        out.writeLong(meta.step());
        ArrayIO.writeString(out, meta.outDir());
        out.writeLong(meta.checkpointEverySteps());
        out.writeLong(meta.checkEverySteps());
        out.writeInt(net.states().size());
        for (StateRegistry.State s : net.states().all()) {
            ArrayIO.writeString(out, s.name());
            switch (s.array()) {
                case float[] f -> {
                    out.writeByte('F');
                    out.writeInt(f.length);
                    ArrayIO.writeFloats(out, f, 0, f.length);
                }
                case int[] i -> {
                    out.writeByte('I');
                    out.writeInt(i.length);
                    ArrayIO.writeInts(out, i, 0, i.length);
                }
                case long[] l -> {
                    out.writeByte('L');
                    out.writeInt(l.length);
                    for (long v : l) {
                        out.writeLong(v);
                    }
                }
                default -> throw new IllegalStateException("unexpected state type " + s.array().getClass());
            }
        }
        out.writeInt(net.monitors().size());
        for (Monitor m : net.monitors()) {
            ArrayIO.writeString(out, m.name());
            m.save(out);
        }
        out.writeInt(TRAILER);
    }

    private static void writeNullable(DataOutput out, Object v) throws IOException {
        out.writeBoolean(v != null);
        switch (v) {
            case null -> {
            }
            case Double d -> out.writeDouble(d);
            case Long l -> out.writeLong(l);
            case Integer i -> out.writeInt(i);
            case String s -> ArrayIO.writeString(out, s);
            default -> throw new IllegalArgumentException(v.getClass().toString());
        }
    }

    /**
     * Opens a checkpoint: checks its header, length and CRC, and reads its meta data.
     *
     * @throws CheckpointException when the file is missing, not a checkpoint, of another format
     *                             version, truncated or corrupt
     */
    public static Checkpoint read(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException("checkpoint " + file + " does not exist");
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] header = raw.readNBytes(HEADER);
            ByteBuffer h = ByteBuffer.wrap(header);
            byte[] signature = new byte[SIGNATURE.length];
            if (header.length >= SIGNATURE.length) {
                h.get(signature);
            }
            if (header.length < SIGNATURE.length || !Arrays.equals(signature, SIGNATURE)) {
                throw new CheckpointException(file + " is not a SpikeForge checkpoint (it does not start with the"
                        + " checkpoint signature)");
            }
            if (header.length < HEADER) {
                throw new CheckpointException("checkpoint " + file + " is truncated: it ends inside its "
                        + HEADER + "-byte header");
            }
            int version = h.getInt();
            long length = h.getLong();
            long expectedCrc = h.getInt() & 0xFFFFFFFFL;
            if (version != VERSION) {
                throw new CheckpointException("checkpoint " + file + " is in format version " + version
                        + "; this SpikeForge reads version " + VERSION);
            }
            if (size - HEADER != length) {
                throw new CheckpointException("checkpoint " + file + (size - HEADER < length ? " is truncated" : " is corrupt")
                        + ": its header announces " + length + " bytes of state, but " + (size - HEADER)
                        + " follow the header");
            }
            CRC32 crc = new CRC32();
            raw.transferTo(new CheckedOutputStream(OutputStream.nullOutputStream(), crc));
            if (crc.getValue() != expectedCrc) {
                throw new CheckpointException("checkpoint " + file + " is corrupt: the CRC32 of its state is "
                        + String.format("%08x", crc.getValue()) + ", its header records "
                        + String.format("%08x", expectedCrc));
            }
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
        try (SizedInput in = open(file, size - HEADER)) {
            return new Checkpoint(file, size - HEADER, readMeta(in));
        } catch (IOException e) {
            throw corrupt(file, e);
        }
    }

    private static CheckpointException corrupt(Path file, IOException e) {
        return new CheckpointException("checkpoint " + file + " is corrupt: " + (e instanceof EOFException
                && e.getMessage() == null ? "it ends before its state does" : e.getMessage()), e);
    }

    /** @return the payload of a checkpoint whose header says it holds {@code length} bytes */
    private static SizedInput open(Path file, long length) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.skipNBytes(HEADER);
        return new SizedInput(raw, length);
    }

    private static CheckpointMeta readMeta(DataInput in) throws IOException {
        String text = ArrayIO.readString(in, "its config text");
        String source = ArrayIO.readString(in, "its config's name");
        String defaultName = ArrayIO.readString(in, "its run's name");
        Double duration = readBoolean(in) ? in.readDouble() : null;
        Double dt = readBoolean(in) ? in.readDouble() : null;
        Long seed = readBoolean(in) ? in.readLong() : null;
        Integer threads = readBoolean(in) ? in.readInt() : null;
        String backend = readBoolean(in) ? ArrayIO.readString(in, "its backend's name") : null;
        Overrides overrides = new Overrides(duration, dt, seed, threads, backend);
        long step = in.readLong();
        String outDir = ArrayIO.readString(in, "its output folder");
        long checkpointEvery = in.readLong();
        long checkEvery = in.readLong();
        try {
            Path.of(outDir);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IOException("its output folder is no path: " + e.getMessage());
        }
        // The run's clock is an int; the intervals are counts of steps.
        if (step < 0 || step > Integer.MAX_VALUE || checkpointEvery < 0 || checkEvery < 0) {
            throw new IOException("its step (" + step + ") or intervals (" + checkpointEvery + ", " + checkEvery
                    + ") are out of range");
        }
        return new CheckpointMeta(new ConfigOrigin(text, source, defaultName, overrides), step, outDir,
                checkpointEvery, checkEvery);
    }

    /** @return a flag as {@link DataOutput#writeBoolean} writes it; any other byte is corruption */
    private static boolean readBoolean(DataInput in) throws IOException {
        int b = in.readUnsignedByte();
        if (b > 1) {
            throw new IOException("a flag holds " + b + ", not 0 or 1");
        }
        return b == 1;
    }

    /** A checkpoint whose header, length and CRC were checked. */
    public static final class Checkpoint {
        private final Path file;
        private final long length;
        private final CheckpointMeta meta;

        private Checkpoint(Path file, long length, CheckpointMeta meta) {
            this.file = file;
            this.length = length;
            this.meta = meta;
        }

        /** @return the checkpoint's file */
        public Path file() {
            return file;
        }

        /** @return how to rebuild the network and how the run was set up */
        public CheckpointMeta meta() {
            return meta;
        }

        /**
         * Copies the saved state into a network freshly built from {@link #meta()}'s config, restores
         * its monitors and sets its clock to the saved step.
         *
         * @throws CheckpointException if the network does not have exactly the saved arrays
         */
        public void restoreInto(Network net) {
            if (meta.step() > net.spec().steps()) {
                throw mismatch("it was taken at step " + meta.step() + ", past the " + net.spec().steps()
                        + " steps of the run");
            }
            try (SizedInput in = open(file, length)) {
                readMeta(in);
                restoreStates(in, net);
                restoreMonitors(in, net);
                if (in.readInt() != TRAILER) {
                    throw mismatch("its state does not end where expected");
                }
                net.clock()[0] = Math.toIntExact(meta.step());
            } catch (EOFException e) {
                // Every length was checked against the file's: one that runs past its end was changed.
                throw corrupt(file, e);
            } catch (IOException e) {
                throw mismatch(e.getMessage());
            }
        }

        private void restoreStates(DataInput in, Network net) throws IOException {
            Map<String, StateRegistry.State> byName = new HashMap<>();
            net.states().all().forEach(s -> byName.put(s.name(), s));
            // A static projection's weights are its config's: they are compared, not restored, so that the
            // comm may rely on them (CsrComm skips the weight array when they are all the same).
            Set<Object> fixed = Collections.newSetFromMap(new IdentityHashMap<>());
            for (ProjectionRuntime p : net.projections()) {
                if (p.spec().plasticity() == null) {
                    p.blocks().forEach(b -> fixed.add(b.initialWeights()));
                }
            }
            int count = in.readInt();
            Set<String> restored = new HashSet<>();
            for (int k = 0; k < count; k++) {
                String name = ArrayIO.readString(in, "the name of state array " + k);
                char type = (char) in.readByte();
                int length = in.readInt();
                StateRegistry.State s = byName.get(name);
                if (s == null) {
                    throw mismatch("it holds state '" + name + "', which the network does not have");
                }
                if (s.length() != length || type != typeOf(s.array())) {
                    throw mismatch("state '" + name + "' holds " + length + " values of type " + type
                            + " in the checkpoint and " + s.length() + " of type " + typeOf(s.array())
                            + " in the network");
                }
                if (fixed.contains(s.array())) {
                    float[] f = (float[]) s.array();
                    int at = ArrayIO.firstDifference(in, f, length);
                    if (at >= 0) {
                        throw mismatch("state '" + name + "' holds the weights of a projection without plasticity,"
                                + " which its config fixes, and they differ from the config's at synapse " + at
                                + " (the config gives " + f[at] + ")");
                    }
                    restored.add(name);
                    continue;
                }
                switch (s.array()) {
                    case float[] f -> ArrayIO.readFloats(in, f, 0, length);
                    case int[] i -> ArrayIO.readInts(in, i, 0, length);
                    case long[] l -> {
                        for (int e = 0; e < length; e++) {
                            l[e] = in.readLong();
                        }
                    }
                    default -> throw new IllegalStateException();
                }
                restored.add(name);
            }
            for (String name : byName.keySet()) {
                if (!restored.contains(name)) {
                    throw mismatch("the network has state '" + name + "', which the checkpoint does not hold");
                }
            }
        }

        private void restoreMonitors(DataInput in, Network net) throws IOException {
            int count = in.readInt();
            if (count != net.monitors().size()) {
                throw mismatch("it holds " + count + " monitors, the network has " + net.monitors().size());
            }
            for (Monitor m : net.monitors()) {
                String name = ArrayIO.readString(in, "a monitor's name");
                if (!name.equals(m.name())) {
                    throw mismatch("it holds monitor '" + name + "' where the network has '" + m.name() + "'");
                }
                m.restore(in);
            }
        }

        private static char typeOf(Object array) {
            return array instanceof float[] ? 'F' : array instanceof int[] ? 'I' : 'L';
        }

        private CheckpointException mismatch(String why) {
            return new CheckpointException("checkpoint " + file + " does not match the network its config builds: "
                    + why + " (were the packs or SpikeForge changed since it was written?)");
        }
    }
}
