package io.spikeforge.it;

import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.Overrides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A corpus of bad equations (resources/equations/errors.txt), each a change to a valid config
 * (resources/equations/base.yaml) and the exact messages it must give: the config path, the text, the
 * column and the problem, every problem of the config, nothing else.
 */
class EquationErrorsTest {

    /**
     * One bad equation.
     *
     * @param name      what is wrong
     * @param changes   old and new text, in pairs
     * @param expected  the messages, in order
     */
    record Case(String name, List<String> changes, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = EquationErrorsTest.class.getResourceAsStream("/equations/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Stream<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        Case current = null;
        for (String line : resource("errors.txt").split("\n")) {
            if (line.startsWith("### ")) {
                current = new Case(line.substring(4), new ArrayList<>(), new ArrayList<>());
                cases.add(current);
            } else if (current != null && (line.startsWith("- ") || line.startsWith("+ "))) {
                current.changes().add(line.substring(2).replace("\\n", "\n"));
            } else if (current != null && line.startsWith("= ")) {
                current.expected().add(line.substring(2));
            }
        }
        return cases.stream();
    }

    static List<String> errors(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> Sims.ENGINE.parse(yaml, "test", Overrides.NONE));
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void theBaseConfigIsValidAndTheCorpusIsLarge() throws IOException {
        Sims.ENGINE.parse(resource("base.yaml"), "test", Overrides.NONE);
        assertTrue(corpus().count() >= 20, "at least 20 bad equations");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithItsExactMessages(Case c) throws IOException {
        String yaml = resource("base.yaml");
        for (int k = 0; k < c.changes().size(); k += 2) {
            String old = c.changes().get(k);
            assertTrue(yaml.contains(old), c.name() + ": the base holds '" + old + "'");
            yaml = yaml.replace(old, c.changes().get(k + 1));
        }
        List<String> actual = errors(yaml);
        if (System.getenv("SPIKEFORGE_CORPUS_PRINT") != null) {
            // For whoever extends the corpus: the messages as they are, to check and paste.
            StringBuilder sb = new StringBuilder("### " + c.name() + "\n");
            actual.forEach(a -> sb.append("= ").append(a).append('\n'));
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "equation-errors-actual.txt"), sb,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        assertEquals(c.expected(), actual, c.name());
    }
}
