package io.spikeforge.it;

import io.spikeforge.core.backend.JvmBackend;
import io.spikeforge.core.checkpoint.CheckpointException;
import io.spikeforge.core.checkpoint.CheckpointFile;
import io.spikeforge.core.checkpoint.CheckpointMeta;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Network;
import io.spikeforge.spi.RunListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random truncations and byte flips of a real checkpoint: each is refused, in bounded time and memory,
 * with a {@link CheckpointException}. Flips whose CRC is forged to match (what a forger or a broken
 * disk controller could do) are refused or, where they change only state values, restored; never does
 * a forged length make the reader allocate it. {@code -Dspikeforge.fuzz.cases=N} runs N cases of each
 * kind, {@code -Dspikeforge.fuzz.seed=S} another sequence.
 */
class CheckpointFuzzTest {

    private static final int CASES = Integer.getInteger("spikeforge.fuzz.cases", 40);
    private static final long SEED = Long.getLong("spikeforge.fuzz.seed", 20261201L);
    /** More than the network and its recordings take, far less than any forged length would make it allocate. */
    private static final long MAX_BYTES = 256L << 20;

    @TempDir
    static Path dir;
    private static byte[] original;
    /** Where the run's record ends and the state arrays begin. */
    private static int stateStart;
    /** Where the lengths of the state's names and arrays and of the monitors' names are. */
    private static final List<Integer> lengthFields = new ArrayList<>();

    @TempDir
    Path tmp;

    @BeforeAll
    static void writeACheckpoint() throws Exception {
        Network net = Packs.ENGINE.build(Packs.ENGINE.parse(CheckpointTest.NETWORK, "checkpointed.yaml", Overrides.NONE));
        Packs.ENGINE.run(net, new JvmBackend(1), new RunListener() {
            @Override
            public boolean afterStep(long s) {
                return s >= 100;
            }
        });
        Path file = dir.resolve("net.sfck");
        CheckpointFile.write(file, net, new CheckpointMeta(net.spec().origin(), net.step(), "", 0, 1000));
        original = Files.readAllBytes(file);
        stateStart = stateStart(original);
        List<String> names = new ArrayList<>();
        net.states().all().forEach(s -> names.add(s.name()));
        int states = names.size();
        net.monitors().forEach(m -> names.add(m.name()));
        for (String name : names) {
            byte[] text = name.getBytes(StandardCharsets.UTF_8);
            byte[] field = ByteBuffer.allocate(4 + text.length).putInt(text.length).put(text).array();
            for (int at = indexOf(original, field, stateStart); at >= 0; at = indexOf(original, field, at + 1)) {
                lengthFields.add(at);
                // A state array's length follows its name and its type byte.
                lengthFields.add(at + field.length + 1);
            }
        }
        assertTrue(lengthFields.size() >= 2 * states, lengthFields.size() + " length fields for " + states + " states");
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        for (int i = from; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the offset of the state arrays: past the three texts, five flagged overrides, step, folder, intervals */
    private static int stateStart(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b);
        int at = 24;
        for (int s = 0; s < 3; s++) {
            at += 4 + buf.getInt(at);
        }
        int[] widths = {8, 8, 8, 4, -1};
        for (int width : widths) {
            boolean present = b[at++] == 1;
            if (present) {
                at += width > 0 ? width : 4 + buf.getInt(at);
            }
        }
        at += 8;
        at += 4 + buf.getInt(at);
        return at + 16;
    }

    private Path write(byte[] bytes) throws Exception {
        Path file = tmp.resolve("fuzzed.sfck");
        Files.write(file, bytes);
        return file;
    }

    @Test
    void everyTruncationIsRefused() throws Exception {
        Random random = new Random(SEED);
        for (int c = 0; c < CASES; c++) {
            int length = c == 0 ? 0 : random.nextInt(original.length);
            Path file = write(Arrays.copyOf(original, length));
            refused(file, "truncated to " + length + " bytes");
        }
    }

    @Test
    void everyFlipThatTheCrcCatchesIsRefused() throws Exception {
        Random random = new Random(SEED + 1);
        for (int c = 0; c < CASES; c++) {
            byte[] bytes = original.clone();
            String what = flip(bytes, random, 0);
            if (!Arrays.equals(bytes, original)) {
                refused(write(bytes), what);
            }
        }
    }

    @Test
    void flipsAndForgedLengthsWithAForgedCrcAreRefusedOrRestoredInBoundedMemory() throws Exception {
        Random random = new Random(SEED + 2);
        for (int c = 0; c < CASES; c++) {
            byte[] bytes = original.clone();
            String what = random.nextBoolean() ? flip(bytes, random, stateStart) : forgeLength(bytes, random);
            CheckpointTest.forgeCrc(bytes);
            Path file = write(bytes);
            long allocated = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Allocation.during(() -> {
                try {
                    Packs.ENGINE.resume(file, null, null);
                } catch (CheckpointException refused) {
                    // What a checkpoint that is not whole should get.
                } catch (RuntimeException | Error e) {
                    throw new AssertionError(what + ": " + e, e);
                }
            }), what);
            assertTrue(allocated < MAX_BYTES, what + ": " + allocated + " bytes allocated");
        }
    }

    /** Flips one to eight random bits at or after {@code from}; @return what it did */
    private static String flip(byte[] bytes, Random random, int from) {
        StringBuilder what = new StringBuilder("flipped");
        for (int k = 1 + random.nextInt(8); k > 0; k--) {
            int at = from + random.nextInt(bytes.length - from);
            int bit = 1 << random.nextInt(8);
            bytes[at] ^= (byte) bit;
            what.append(' ').append(at).append(':').append(bit);
        }
        return what.toString();
    }

    /**
     * Overwrites a length field (or, one time in four, any four bytes of the state) with a large or
     * negative count; @return what it did
     */
    private static String forgeLength(byte[] bytes, Random random) {
        int at = random.nextInt(4) > 0 ? lengthFields.get(random.nextInt(lengthFields.size()))
                : stateStart + random.nextInt(bytes.length - stateStart - 4);
        int value = random.nextBoolean() ? Integer.MAX_VALUE - random.nextInt(1 << 20) : -1 - random.nextInt(1000);
        ByteBuffer.wrap(bytes).putInt(at, value);
        return "forged " + value + " at " + at;
    }

    private static void refused(Path file, String what) {
        long allocated = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Allocation.during(
                () -> assertThrows(CheckpointException.class, () -> Packs.ENGINE.resume(file, null, null), what)),
                what);
        assertTrue(allocated < MAX_BYTES, what + ": " + allocated + " bytes allocated");
    }
}
