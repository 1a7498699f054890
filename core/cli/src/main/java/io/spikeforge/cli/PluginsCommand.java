package io.spikeforge.cli;

import io.spikeforge.core.Engine;
import io.spikeforge.core.plugin.PluginRegistry;
import io.spikeforge.spi.ModelKind;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.VariableSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code spikeforge plugins}: every registered model by kind, with its pack and parameters, then the backends. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every registered model by kind, with its pack, parameters, defaults and units, and"
                + " every backend with its pack.")
final class PluginsCommand implements Callable<Integer> {

    @Mixin
    LogOptions log;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        log.apply();
        Engine engine = engineOptions.engine();
        StringBuilder sb = new StringBuilder();
        for (ModelKind kind : ModelKind.values()) {
            sb.append(kind.word()).append(" models:\n");
            for (PluginRegistry.Entry e : engine.registry().entries(kind)) {
                sb.append("  ").append(e.factory().name()).append("  (pack: ").append(e.pack()).append(")\n");
                sb.append("      ").append(e.factory().description()).append('\n');
                for (ParamSpec p : e.factory().parameters()) {
                    sb.append(String.format("      %-10s = %-10s %-8s %s%s%n", p.name(), p.defaultText(), p.unit(),
                            p.description(),
                                    p.rangeText().equals("any finite number") ? "" : " (" + p.rangeText() + ")"));
                }
                String perElement = ModelDocs.perElement(e.factory());
                if (!perElement.isEmpty()) {
                    sb.append(e.factory().kind() == io.spikeforge.spi.ModelKind.PLASTICITY ? "      per synapse: "
                            : "      per element: ").append(perElement).append('\n');
                }
                for (VariableSpec v : e.factory().variables()) {
                    sb.append(String.format("      variable %-10s %-8s %s%n", v.name(), v.unit(), v.description()));
                }
            }
            sb.append('\n');
        }
        sb.append("backends:\n");
        for (PluginRegistry.BackendEntry b : engine.registry().backends().values()) {
            sb.append("  ").append(b.provider().name()).append("  (pack: ").append(b.pack()).append(")\n");
            sb.append("      ").append(b.provider().description()).append('\n');
        }
        System.out.print(sb);
        return 0;
    }
}
