package io.spikeforge.it;

import io.spikeforge.cli.SpikeForgeCli;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A misspelt model name in any example: one line with "did you mean", exit code 2, no stack trace. */
class CliErrorsTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"stdp_net.yaml", "song2000.yaml", "coba.yaml"})
    void misspeltNeuronModelInAnExampleExitsWith2AndOneLine(String example) throws Exception {
        String text = Files.readString(Sims.root().resolve("examples").resolve(example));
        String misspelt = text.replaceFirst("(neuron: \\{?\\s*(type: )?)Lif", "$1Liff");
        assertTrue(!misspelt.equals(text), "the example names a Lif model");
        Path config = tmp.resolve(example);
        Files.writeString(config, misspelt);
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = SpikeForgeCli.execute("run", config.toString(), "--out", tmp.resolve("out").toString());
        } finally {
            System.setErr(oldErr);
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code);
        assertTrue(message.contains("Did you mean 'Lif"), message);
        assertFalse(message.contains("\tat "), "no stack trace: " + message);
        assertEquals(2, message.strip().lines().count(), "a header and one error line: " + message);
        assertFalse(Files.exists(tmp.resolve("out")), "nothing is written for a refused config");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "--checkpoint-every|0.15|spikeforge: --checkpoint-every: 0.15 ms is not a positive multiple of dt = 0.1 ms",
            "--checkpoint-every|0|spikeforge: --checkpoint-every: 0 ms is not a positive multiple of dt = 0.1 ms",
            "--check-every|-1|spikeforge: --check-every: must be a number of steps >= 0, got -1"})
    void badRunOptionsExitWith2AndOneLine(String option, String value, String message) throws Exception {
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", Sims.root().resolve("examples").resolve("stdp_net.yaml").toString(), "--out",
                out.toString(), "--quiet", option, value);
        assertEquals(2, r.code());
        assertEquals(message + "\n", r.err());
        assertFalse(Files.exists(out));
    }
}
