package io.spikeforge.cli;

import io.spikeforge.core.Engine;
import io.spikeforge.core.config.ModelRef;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.equations.EquationDefined;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code spikeforge codegen CONFIG --out DIR}: the Java source generated from every model written as
 * equations that the config uses (its own {@code models} and those of model packs), each compiled (or
 * found in the cache) so that the listing says what a run would pay.
 */
@Command(name = "codegen", mixinStandardHelpOptions = true,
        description = "Write the Java kernels generated from the config's models written as equations, and compile"
                + " them (or find them in the cache).")
final class CodegenCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The network config (YAML).")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Write one .java file per model here (default: print"
            + " the sources).")
    Path out;

    @Mixin
    LogOptions log;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        log.apply();
        Engine engine = engineOptions.engine();
        NetworkSpec spec = engine.load(config, Overrides.NONE);
        Map<String, EquationDefined> models = new LinkedHashMap<>();
        List<ModelRef> refs = new ArrayList<>();
        spec.populations().forEach(p -> refs.add(p.neuron()));
        for (NetworkSpec.Projection p : spec.projections()) {
            refs.add(p.syn());
            refs.add(p.out());
            refs.add(p.plasticity());
        }
        for (ModelRef r : refs) {
            if (r != null && r.factory() instanceof EquationDefined e) {
                models.putIfAbsent(r.name(), e);
            }
        }
        if (models.isEmpty()) {
            System.out.println("codegen: " + config + " uses no model written as equations");
            return 0;
        }
        if (out != null) {
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                InputErrors errors = new InputErrors();
                errors.add("--out", "cannot create " + out + ": " + e.getMessage());
                errors.throwIfAny(null);
            }
        }
        for (Map.Entry<String, EquationDefined> m : models.entrySet()) {
            EquationDefined e = m.getValue();
            if (out == null) {
                System.out.println("// " + m.getKey() + ": " + e.generatedFileName());
                System.out.println(e.generatedSource());
            } else {
                Path file = out.resolve(e.generatedFileName());
                try {
                    Files.writeString(file, e.generatedSource());
                } catch (IOException x) {
                    InputErrors errors = new InputErrors();
                    errors.add("--out", "cannot write " + file + ": " + x.getMessage());
                    errors.throwIfAny(null);
                }
                System.out.println("codegen: " + m.getKey() + " -> " + file + ", " + e.compileReport());
            }
        }
        return 0;
    }
}
