package io.spikeforge.it;

import io.spikeforge.cli.SpikeForgeCli;
import org.junit.jupiter.api.Test;
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

    @Test
    void badOptionsAreEachBlamedOnTheirOptionNotOnTheConfig() {
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", Sims.root().resolve("examples").resolve("stdp_net.yaml").toString(), "--out",
                out.toString(), "--quiet", "--threads", "-1", "--duration", "-5", "--dt", "0", "--backend", "cuda");
        assertEquals(2, r.code());
        assertEquals("spikeforge: 4 command-line errors:\n"
                + "  --duration: must be a number > 0 ms, got -5\n"
                + "  --dt: must be a number > 0 ms, got 0\n"
                + "  --threads: must be an integer in [0, 4096] (0: one per core), got -1\n"
                + "  --backend: unknown backend 'cuda'. Available: " + String.join(", ", Sims.ENGINE.backendNames())
                + "\n", r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnknownBackendIsFoundBeforeTheNetworkIsBuilt() throws Exception {
        // The connector refuses its arguments only once the network is built: the backend is checked before.
        Path config = tmp.resolve("net.yaml");
        Files.writeString(config, """
                duration: 5
                populations:
                  - {name: n, size: 2, neuron: LifRef}
                projections:
                  - {name: p, pre: n, post: n, comm: {type: Dense, conn: {type: FixedPreNum, num: 5}, weight: 1},
                     syn: Expon, out: CUBA}
                """);
        Cli.Result r = Cli.run("run", config.toString(), "--out", tmp.resolve("out").toString(), "--quiet",
                "--backend", "jvn");
        assertEquals(2, r.code());
        assertEquals("spikeforge: --backend: unknown backend 'jvn'. Did you mean 'jvm'? Available: "
                + String.join(", ", Sims.ENGINE.backendNames()) + "\n", r.err());
    }

    @Test
    void aBadOptionAndABadConfigAreReportedTogetherEachAtItsSource() throws Exception {
        String text = Files.readString(Sims.root().resolve("examples").resolve("stdp_net.yaml"));
        Path config = tmp.resolve("bad.yaml");
        Files.writeString(config, text.replace("tau_s: 16.8", "tau_s: -1"));
        Cli.Result r = Cli.run("run", config.toString(), "--out", tmp.resolve("out").toString(), "--quiet",
                "--dt", "-0.1");
        assertEquals(2, r.code());
        assertEquals("spikeforge: 1 command-line error and 1 configuration error in " + config + ":\n"
                + "  --dt: must be a number > 0 ms, got -0.1\n"
                + "  projections[0].plasticity.tau_s: must be > 0 ms, got -1\n", r.err());
    }

    @Test
    void aDurationThatIsNotAWholeNumberOfStepsIsBlamedOnTheOptionThatSetIt() {
        Cli.Result r = Cli.run("run", Sims.root().resolve("examples").resolve("stdp_net.yaml").toString(), "--out",
                tmp.resolve("out").toString(), "--quiet", "--duration", "10.05");
        assertEquals(2, r.code());
        assertEquals("spikeforge: --duration: a duration of 10.05 ms is not a whole number of steps of dt = 0.1 ms:"
                + " 10 ms or 10.1 ms would be\n", r.err());
    }

    @Test
    void aMissingConfigFileSaysSo() {
        Path missing = tmp.resolve("nowhere.yaml");
        Cli.Result r = Cli.run("run", missing.toString(), "--quiet");
        assertEquals(2, r.code());
        assertEquals("spikeforge: " + missing + ": no such file\n", r.err());
        Cli.Result dir = Cli.run("run", tmp.toString(), "--quiet");
        assertEquals(2, dir.code());
        assertEquals("spikeforge: " + tmp + ": is a directory; name a config file (YAML)\n", dir.err());
    }
}
