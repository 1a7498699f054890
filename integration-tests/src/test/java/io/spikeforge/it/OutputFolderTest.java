package io.spikeforge.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A folder that cannot take the outputs is refused before the network is built (exit 2), and outputs
 * that cannot be written at the end all the same are written to a folder of their own, which the
 * message names (exit 4): a run is never lost for its output folder.
 */
class OutputFolderTest {

    @TempDir
    static Path packs;

    @TempDir
    Path tmp;

    /** A neuron whose create throws: a run that gets as far as building says so, with exit code 1. */
    @BeforeAll
    static void buildAPackThatFailsToBuild() throws Exception {
        String header = "package outs;\nimport io.spikeforge.spi.*;\nimport java.util.List;\n";
        new PackBuilder()
                .source("outs.Unbuildable", header + """
                        public final class Unbuildable implements NeuronModel {
                            public String name() { return "Unbuildable"; }
                            public String description() { return "fails in create"; }
                            public List<ParamSpec> parameters() { return List.of(); }
                            public List<VariableSpec> variables() { return List.of(new VariableSpec("V", "mV", "")); }
                            public NeuronGroup create(Params p, BuildContext c, int size, float[] current, int[] spikes) {
                                throw new IllegalStateException("built after all");
                            }
                        }
                        """)
                .plugin("outs.P", header + """
                        public final class P implements SpikeForgePlugin {
                            public List<ModelFactory> models() { return List.of(new Unbuildable()); }
                        }
                        """)
                .build(packs, "outs");
    }

    private Path config(String neuron) throws Exception {
        Path config = tmp.resolve("net.yaml");
        Files.writeString(config, """
                dt: 0.1
                duration: 5
                populations:
                  - {name: n, size: 2, neuron: NEURON}
                monitors:
                  - {target: n, var: spike}
                  - {target: n, var: V}
                """.replace("NEURON", neuron));
        return config;
    }

    private Cli.Result run(String neuron, Path out) throws Exception {
        return Cli.run("run", config(neuron).toString(), "--out", out.toString(), "--quiet", "--plugins",
                packs.toString());
    }

    @Test
    void anOutputFolderThatIsAFileIsRefusedBeforeTheNetworkIsBuilt() throws Exception {
        Path file = tmp.resolve("results");
        Files.writeString(file, "keep me");
        Cli.Result r = run("Unbuildable", file);
        assertEquals(2, r.code(), r.err());
        assertEquals("spikeforge: --out: " + file + " is a file, not a folder; give a folder (new or existing) for the"
                + " outputs\n", r.err());
        assertFalse(r.stackTrace());
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void anOutputFolderUnderAFileIsRefusedBeforeTheNetworkIsBuilt() throws Exception {
        Path file = tmp.resolve("results");
        Files.writeString(file, "");
        Cli.Result r = run("Unbuildable", file.resolve("run1"));
        assertEquals(2, r.code(), r.err());
        assertEquals("spikeforge: --out: cannot create " + file.resolve("run1") + ": " + file + " is a file, not a"
                + " folder\n", r.err());
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsRefusedBeforeTheNetworkIsBuilt() throws Exception {
        Path locked = Files.createDirectory(tmp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        Assumptions.assumeFalse(Files.isWritable(locked), "root writes anywhere: nothing to refuse");
        Cli.Result r = run("Unbuildable", locked.resolve("run1"));
        assertEquals(2, r.code(), r.err());
        assertEquals("spikeforge: --out: cannot create " + locked.resolve("run1") + ": " + locked + " is not writable\n",
                r.err());
    }

    @Test
    void theOptionsTheConfigAndTheFolderAreReportedTogether() throws Exception {
        Path file = tmp.resolve("results");
        Files.writeString(file, "");
        Cli.Result r = Cli.run("run", config("LifRf").toString(), "--out", file.toString(), "--quiet",
                "--check-every", "-1");
        assertEquals(2, r.code(), r.err());
        assertEquals("spikeforge: 2 command-line errors and 1 configuration error in " + tmp.resolve("net.yaml")
                + ":\n  --check-every: must be a number of steps >= 0, got -1\n  --out: " + file + " is a file, not a"
                + " folder; give a folder (new or existing) for the outputs\n  populations[0].neuron: unknown neuron"
                + " model 'LifRf'. Did you mean 'LifRef'? Available: AdExIF, AdQuaIF, EIF_cond_exp_isfa_ista, ExpIF, FHN,"
                + " Gif, HH, HH_cond_exp, HindmarshRose, IF, IF_cond_alpha, IF_cond_exp, IF_curr_alpha, IF_curr_exp,"
                + " Izhikevich, Lif, LifRef, MorrisLecar, QuaIF, WangBuzsakiHH, iaf_psc_exp, izhikevich. A model of another pack"
                + " loads with the pack's directory on --plugins DIR (or in $SPIKEFORGE_PLUGINS); './spikeforge"
                + " plugins' lists the models loaded\n",
                r.err());
    }

    @Test
    void aFolderMadeForARunWhoseBuildFailsIsTakenAwayAgain() throws Exception {
        Path out = tmp.resolve("new").resolve("run1");
        Cli.Result r = run("Unbuildable", out);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().endsWith("failed while building: java.lang.IllegalStateException: built after all\n"),
                r.err());
        assertFalse(Files.exists(tmp.resolve("new")), "no folder is left behind");
    }

    @Test
    void outputsThatCannotBeWrittenAtTheEndAreWrittenElsewhereAndTheMessageSaysWhere() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        // A folder where a monitor's file should go: the folder passes every check, the file cannot be written.
        Files.writeString(Files.createDirectory(out.resolve("n.spike.npy")).resolve("in the way"), "");
        Cli.Result r = run("LifRef", out);
        assertEquals(4, r.code(), r.err());
        Matcher m = Pattern.compile("spikeforge: net: cannot write n\\.spike\\.npy in " + Pattern.quote(out.toString())
                + ": (.+); the outputs are in (\\S+) instead\n").matcher(r.err());
        assertTrue(m.matches(), r.err());
        Path elsewhere = Path.of(m.group(2));
        try {
            JsonNode summary = Outputs.summary(elsewhere);
            assertEquals(50, summary.get("steps").asInt());
            assertTrue(Files.size(elsewhere.resolve("n.spike.npy")) >= 128);
            assertTrue(Files.size(elsewhere.resolve("n.V.npy")) >= 128 + 4 * 50 * 2);
            assertTrue(r.out().contains("summary in " + elsewhere.resolve("summary.json")), r.out());
            assertTrue(Files.exists(out.resolve("n.V.npy")), "what can be written where asked is written there");
            assertFalse(Files.exists(out.resolve("summary.json")), "a folder without a summary is incomplete");
            assertFalse(Files.exists(out.resolve("n.spike.npy.tmp")), "no half-written file is left behind");
        } finally {
            try (var files = Files.list(elsewhere)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(elsewhere);
        }
    }
}
