package io.spikeforge.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spikeforge.core.sim.StateRegistry;
import io.spikeforge.core.sim.Network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Comparisons of whole runs: every state array, every output file. */
final class Outputs {

    private Outputs() {
    }

    /** Asserts that two networks hold the same registered arrays, bit for bit, and the same step. */
    static void assertSameState(Network expected, Network actual) {
        assertEquals(expected.step(), actual.step(), "step");
        List<StateRegistry.State> a = new ArrayList<>();
        List<StateRegistry.State> b = new ArrayList<>();
        expected.states().all().forEach(a::add);
        actual.states().all().forEach(b::add);
        assertEquals(a.stream().map(StateRegistry.State::name).toList(), b.stream().map(StateRegistry.State::name).toList());
        for (int i = 0; i < a.size(); i++) {
            String name = a.get(i).name();
            switch (a.get(i).array()) {
                case float[] f -> assertArrayEquals(f, (float[]) b.get(i).array(), name);
                case int[] n -> assertArrayEquals(n, (int[]) b.get(i).array(), name);
                case long[] l -> assertArrayEquals(l, (long[]) b.get(i).array(), name);
                default -> throw new IllegalStateException(name);
            }
        }
    }

    /** Asserts that every .npy file is byte-identical and that the summaries agree on everything but timing. */
    static void assertSameOutputs(Path expected, Path actual) throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.list(expected)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".npy")).sorted().toList();
        }
        assertTrue(files.size() >= 3, "monitor files: " + files);
        for (String f : files) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
        }
        JsonNode a = summary(expected);
        JsonNode b = summary(actual);
        for (String key : new String[] {"steps", "duration_ms", "partial", "populations", "projections", "monitors"}) {
            assertEquals(a.get(key), b.get(key), key);
        }
    }

    static JsonNode summary(Path dir) throws IOException {
        return new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    }
}
