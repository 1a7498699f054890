package io.spikeforge.it;

import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.run.FiniteCheck;
import io.spikeforge.core.sim.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random mutations of every example ({@link ConfigMutator}) go through the config reader and the build:
 * each is built, or refused with one message per error, each one line at a path of its own; none throws
 * anything else, and none hangs. What is built runs what it says: whole steps of its duration, from a
 * finite state. What must be refused (an alias, a second document) is. Every fifth refusal also goes
 * through the command line, which must exit with 2, print no stack trace and write nothing. The default run is short; {@code -Dspikeforge.fuzz.cases=N}
 * runs N cases per example, {@code -Dspikeforge.fuzz.seed=S} another sequence.
 */
class ConfigFuzzTest {

    private static final int CASES = Integer.getInteger("spikeforge.fuzz.cases", 12);
    private static final long SEED = Long.getLong("spikeforge.fuzz.seed", 20261201L);

    @TempDir
    Path tmp;

    /**
     * Examples too large to build a dozen times in a test: the full-scale microcircuit (3e8 synapses, minutes
     * to build); MicrocircuitTest runs the same generator's down-scaled network.
     */
    private static final Set<String> FULL_SCALE = Set.of("microcircuit.yaml");

    static List<Path> examples() throws Exception {
        try (Stream<Path> s = Files.list(Sims.root().resolve("examples"))) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            for (Path p : all) {
                if (FULL_SCALE.contains(p.getFileName().toString())) {
                    System.out.println("ConfigFuzzTest: " + p.getFileName() + " left out: full scale, minutes to build");
                }
            }
            return all.stream().filter(p -> !FULL_SCALE.contains(p.getFileName().toString())).toList();
        }
    }

    @Test
    void mutatedExamplesAreBuiltOrRefusedWithOneLinePerErrorAndNeverAnythingElse() throws Exception {
        List<Path> examples = examples();
        assertTrue(examples.size() >= 4, examples.toString());
        int refused = 0;
        int built = 0;
        for (Path example : examples) {
            String text = Files.readString(example);
            ConfigMutator mutator = new ConfigMutator(SEED ^ example.getFileName().toString().hashCode());
            for (int c = 0; c < CASES; c++) {
                ConfigMutator.Mutant m = mutator.mutate(text);
                String what = example.getFileName() + ", case " + c + " (seed " + SEED + "): " + m.done();
                Path config = tmp.resolve("fuzz.yaml");
                Files.writeString(config, m.text(), StandardCharsets.UTF_8);
                ConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                        () -> readAndBuild(config, m, what), what);
                if (e == null) {
                    assertFalse(m.mustRefuse(), what + ": built\n--- config ---\n" + m.text());
                    built++;
                    continue;
                }
                refused++;
                checkMessages(e, what);
                if (refused % 5 == 1) {
                    throughTheCommandLine(config, e, m, what);
                }
            }
        }
        assertTrue(refused > 0 && built > 0, refused + " refused, " + built + " built");
    }

    /** @return the refusal, or null when the mutant was built; anything else thrown fails the test */
    private static ConfigException readAndBuild(Path config, ConfigMutator.Mutant m, String what) {
        try {
            Network net = Sims.ENGINE.build(Sims.ENGINE.load(config, Overrides.NONE));
            NetworkSpec spec = net.spec();
            double steps = spec.duration() / spec.dt();
            assertTrue(spec.steps() >= 1 && Math.abs(steps - spec.steps()) < 1e-6, what + ": " + spec.duration()
                    + " ms at dt = " + spec.dt() + " ms runs " + spec.steps() + " steps");
            assertNull(new FiniteCheck(net).scan(0, -1), what + ": built with a state that is not finite");
            return null;
        } catch (ConfigException e) {
            return e;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(what + "\nthrew " + e + "\n--- config ---\n" + m.text(), e);
        }
    }

    private static void checkMessages(ConfigException e, String what) {
        assertFalse(e.errors().isEmpty() && e.options().isEmpty(), what);
        Set<String> paths = new HashSet<>();
        for (ConfigError error : e.errors()) {
            String line = error.toString();
            assertFalse(error.message().isBlank(), what + ": an empty message at " + error.path());
            assertFalse(line.contains("\n") || line.contains("\r"), what + ": more than one line: " + line);
            // One message per mistake: a second at the same place is a consequence of the first, or false.
            assertTrue(error.path().isEmpty() || paths.add(error.path()), what + ": two errors at " + error.path()
                    + ":\n" + e.getMessage());
        }
    }

    /** The command line says exactly what the engine found, exits with 2 and writes nothing. */
    private void throughTheCommandLine(Path config, ConfigException e, ConfigMutator.Mutant m, String what) {
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet");
        if (r.code() != 2 || r.stackTrace() || !r.out().isEmpty() || Files.exists(out)) {
            fail(what + "\nexit " + r.code() + "\n" + r.err() + "\n--- config ---\n" + m.text());
        }
        assertEquals("spikeforge: " + e.getMessage() + "\n", r.err(), what);
    }
}
