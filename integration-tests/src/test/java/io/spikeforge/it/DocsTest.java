package io.spikeforge.it;

import io.spikeforge.cli.SpikeForgeCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/models.md is what `spikeforge docs` writes from the models' metadata, so it cannot drift from the code. */
class DocsTest {

    @Test
    void theCommittedModelReferenceIsUpToDate(@TempDir Path tmp) throws Exception {
        Path fresh = tmp.resolve("models.md");
        assertEquals(0, SpikeForgeCli.execute("docs", "--out", fresh.toString(), "--quiet"));
        String expected = Files.readString(fresh);
        Path committed = Sims.root().resolve("docs/models.md");
        assertTrue(Files.isRegularFile(committed), "docs/models.md exists");
        assertEquals(expected, Files.readString(committed),
                "docs/models.md is out of date: regenerate it with `spikeforge docs --out docs/models.md`");
    }

    @Test
    void everyBuiltInModelIsDocumentedWithItsParametersAndEquations(@TempDir Path tmp) throws Exception {
        Path fresh = tmp.resolve("models.md");
        assertEquals(0, SpikeForgeCli.execute("docs", "--out", fresh.toString(), "--quiet"));
        String md = Files.readString(fresh);
        for (var kind : io.spikeforge.spi.ModelKind.values()) {
            for (String name : Sims.ENGINE.registry().names(kind)) {
                assertTrue(md.contains("\n### " + name + "\n"), kind + " " + name);
            }
        }
        assertTrue(md.contains("| `tau_s` | 16.8 | ms | a number, > 0 | time constant of the pre trace A_pre |"), md);
        assertTrue(md.contains("Equations: `tau dV/dt = -(V - V_rest) + R*I"), "LifRef's equation");
    }
}
