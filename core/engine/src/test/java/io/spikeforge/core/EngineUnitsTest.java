package io.spikeforge.core;

import io.spikeforge.core.backend.StepGraph;
import io.spikeforge.core.config.Suggestions;
import io.spikeforge.core.arrays.NpyWriter;
import io.spikeforge.core.output.WeightStats;
import io.spikeforge.spi.StepTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineUnitsTest {

    @Test
    void suggestionsFindCloseNamesOnly() {
        List<String> names = List.of("Lif", "LifRef", "ExpIF", "AdExIF", "Izhikevich");
        assertEquals(Optional.of("LifRef"), Suggestions.closest("LifRf", names));
        assertEquals(Optional.of("Izhikevich"), Suggestions.closest("izhikevitch", names));
        assertEquals(Optional.empty(), Suggestions.closest("HodgkinHuxley", names));
    }

    @Test
    void stagesBreakOnlyWhereATaskTouchesWhatAnEarlierOneWrote() {
        float[] a = new float[1];
        float[] b = new float[1];
        float[] c = new float[1];
        StepTask writeA = StepTask.parallel("writeA", 1).writes(a).body((f, t) -> { });
        StepTask writeB = StepTask.parallel("writeB", 1).writes(b).body((f, t) -> { });
        StepTask readA = StepTask.parallel("readA", 1).reads(a).writes(c).body((f, t) -> { });
        StepTask readB = StepTask.parallel("readB", 1).reads(b).body((f, t) -> { });
        StepGraph g = StepGraph.of(List.of(writeA, writeB, readA, readB));
        assertEquals(List.of(List.of(writeA, writeB), List.of(readA, readB)), g.stages());
    }

    @Test
    void npyFilesHaveTheNumpyHeaderAndLittleEndianData(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.npy");
        float[] data = {1.5f, -2f, 3.25f, 0f, 7f, 8f};
        NpyWriter.writeFloat32(f, new long[] {2, 3}, i -> data[(int) i]);
        byte[] bytes = Files.readAllBytes(f);
        assertEquals((byte) 0x93, bytes[0]);
        assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
        int headerLen = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        String header = new String(bytes, 10, headerLen, StandardCharsets.US_ASCII);
        assertEquals(0, (10 + headerLen) % 64, "data is 64-byte aligned");
        assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"), header);
        ByteBuffer buf = ByteBuffer.wrap(bytes, 10 + headerLen, 24).order(ByteOrder.LITTLE_ENDIAN);
        float[] back = new float[6];
        buf.asFloatBuffer().get(back);
        assertArrayEquals(data, back);
    }

    @Test
    void weightHistogramUsesBoundsWhenGivenElseMinAndMax() {
        float[] w = {0f, 0.1f, 0.5f, 0.95f, 1f};
        assertArrayEquals(new long[] {1, 1, 0, 0, 0, 1, 0, 0, 0, 2}, WeightStats.of(w, 0, 1).hist10());
        WeightStats free = WeightStats.of(new float[] {2f, 4f}, Double.NaN, Double.NaN);
        assertArrayEquals(new long[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 1}, free.hist10());
        assertEquals(3.0, free.mean(), 1e-12);
        assertEquals(1.0, free.std(), 1e-12);
    }
}
