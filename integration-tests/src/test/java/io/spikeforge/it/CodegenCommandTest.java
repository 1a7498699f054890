package io.spikeforge.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code spikeforge codegen}: the source generated from a config's models written as equations. */
class CodegenCommandTest {

    @Test
    void writesTheKernelsOfTheConfigsOwnModelsAndOfModelPacks(@TempDir Path dir) throws IOException {
        Path cuba = Sims.root().resolve("examples/brian2/CUBA.yaml");
        Cli.Result r = Cli.run("codegen", cuba.toString(), "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        String source = Files.readString(dir.resolve("CUBA_neuronKernels.java"));
        assertTrue(source.contains("@Kernel") && source.contains("public static void update(int from, int to"), source);
        // The coupled linear system (v, ge, gi) is integrated exactly, with propagators as arguments.
        assertTrue(source.contains("float P_0_1") && source.contains("float n_ge = P_1_1 * v_ge;"), source);
        assertTrue(r.out().contains("codegen: CUBA_neuron -> "), r.out());

        Path stdp = Sims.root().resolve("examples/stdp_net.yaml");
        String eq = EquationBuiltinsTest.asEquations(Files.readString(stdp));
        Path config = dir.resolve("stdp_eq.yaml");
        Files.writeString(config, eq);
        Cli.Result p = Cli.run("codegen", config.toString(), "--plugins",
                Sims.root().resolve("examples/packs").toString());
        assertEquals(0, p.code(), p.err());
        for (String model : new String[] {"LifRefEqKernels", "ExponEqKernels", "COBAEqKernels", "STDP_Song2000EqKernels"}) {
            assertTrue(p.out().contains("public final class " + model + " {"), model + " in:\n" + p.out());
        }
    }
}
