package io.spikeforge.it;

import io.spikeforge.core.config.HeapLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus in {@code src/test/resources/bad-configs}: each {@code NN-what.yaml} is refused with exactly the
 * text of its {@code NN-what.expected} ({@code {file}} stands for the config's path, {@code {jvm-max-memory}}
 * for this JVM's heap limit), exit code 2, nothing on stdout, no stack trace and no output directory.
 */
class BadConfigsTest {

    @TempDir
    Path tmp;

    static List<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(BadConfigsTest.class.getResource("/bad-configs").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void theCorpusCoversEveryKindOfMistakeWithAtLeastThirtyConfigs() throws Exception {
        List<String> names = corpus().stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.size() >= 30, names.size() + " configs");
        for (String kind : List.of("malformed", "wrong-type", "out-of-range", "unknown-key", "unknown-name",
                "duplicate-name", "reference", "size", "resource")) {
            assertTrue(names.stream().filter(n -> n.contains("-" + kind + "-")).count() >= 2, "two or more " + kind);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithItsExpectedMessage(Path config) throws IOException {
        Path expectedFile = config.resolveSibling(config.getFileName().toString().replace(".yaml", ".expected"));
        String expected = Files.readString(expectedFile)
                .replace("{file}", config.toString())
                .replace("{jvm-max-memory}", HeapLimit.describe(HeapLimit.bytes()))
                // The backends this build has: jvm, and tornado where an SDK is present.
                .replace("{backends}", String.join(", ", Sims.ENGINE.backendNames()));
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet");
        assertEquals(expected, r.err());
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertFalse(r.stackTrace());
        assertFalse(Files.exists(out), "nothing is written for a refused config");
    }
}
