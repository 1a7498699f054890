package io.spikeforge.cli;

import io.spikeforge.core.plugin.PluginRegistry;
import io.spikeforge.spi.CommModel;
import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.ModelKind;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.PlasticityModel;
import io.spikeforge.spi.VariableSpec;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * docs/models.md, written from the registered models' own metadata (names, descriptions, parameters
 * with defaults, units and ranges, variables, equations, integration), so that it cannot drift from
 * the code. The output depends only on the models, never on where their packs were loaded from.
 */
final class ModelDocs {

    private ModelDocs() {
    }

    /** @return the Markdown page for every model in {@code registry} */
    static String markdown(PluginRegistry registry) {
        StringBuilder md = new StringBuilder();
        md.append("# Models\n\n");
        md.append("<!-- Generated from the models' metadata by `spikeforge docs --out docs/models.md`. Do not edit:\n");
        md.append("     change the model's code and run the command again (a test fails while they differ). -->\n\n");
        md.append("Every registered model by kind: what it is, its parameters with their defaults, units and allowed\n");
        md.append("values, the state variables that monitors and initializers can name, its equations and how they\n");
        md.append("are integrated. Time is in ms, potentials in mV, currents in nA, conductances in uS, rates in Hz,\n");
        md.append("and `1` marks a dimensionless quantity. A config sets a parameter by its name, for example\n");
        md.append("`neuron: {type: LifRef, tau: 20}`; a parameter left out takes its default.\n\n");
        md.append(java.util.Arrays.stream(ModelKind.values())
                .map(k -> "[" + k.word() + "](#" + anchor(k) + ")").collect(Collectors.joining(" · "))).append("\n");
        for (ModelKind kind : ModelKind.values()) {
            md.append("\n## ").append(heading(kind)).append("\n\n").append(usage(kind)).append("\n");
            List<PluginRegistry.Entry> entries = registry.entries(kind);
            if (entries.isEmpty()) {
                md.append("\nNone registered.\n");
            }
            for (PluginRegistry.Entry e : entries) {
                model(md, e.factory());
            }
        }
        return md.toString();
    }

    private static void model(StringBuilder md, ModelFactory f) {
        md.append("\n### ").append(f.name()).append("\n\n").append(sentence(f.description())).append("\n");
        if (!f.equations().isBlank()) {
            md.append("\nEquations: `").append(f.equations().strip()).append("`\n");
        }
        if (!f.integration().isBlank()) {
            md.append("\nIntegration: ").append(sentence(f.integration())).append("\n");
        }
        if (f instanceof CommModel comm) {
            md.append("\n`conn:` ").append(comm.defaultConnector() == null ? "required"
                    : "defaults to `" + comm.defaultConnector() + "`").append(". Plasticity: ")
                    .append(comm.supportsPlasticity() ? "supported" : "not supported").append(". Per-synapse delays: ")
                    .append(comm.supportsSynapseDelays() ? "supported" : "not supported").append(".\n");
        }
        if (f instanceof PlasticityModel rule) {
            md.append("\nPer-synapse delays (`delay:` an initializer): ")
                    .append(rule.supportsSynapseDelays() ? "supported" : "not supported").append(".\n");
        }
        if (f.parameters().isEmpty()) {
            md.append("\nNo parameters.\n");
        } else {
            md.append("\n| parameter | default | unit | allowed | description |\n|---|---|---|---|---|\n");
            for (ParamSpec p : f.parameters()) {
                md.append("| `").append(p.name()).append("` | ").append(cell(p.defaultText())).append(" | ")
                        .append(cell(p.unit())).append(" | ").append(cell(allowed(p))).append(" | ")
                        .append(cell(p.description())).append(" |\n");
            }
            String perElement = perElement(f);
            if (!perElement.isEmpty()) {
                md.append(f.kind() == ModelKind.PLASTICITY
                        ? "\nMay vary per synapse (an initializer, `{npy: file}` in connectivity order or an expression"
                        + " of the synapse's index `i` and the projection's synapse count `N`): "
                        : "\nMay vary per element (an initializer, `{npy: file}` or an expression of `i` and `N`): ")
                        .append(perElement).append(".\n");
            }
            for (ParamSpec p : f.parameters()) {
                String why = perElementReason(f, p);
                if (why != null) {
                    md.append("\nOne value of `").append(p.name()).append(f.kind() == ModelKind.PLASTICITY
                            ? "` for all synapses: " : "` for all elements: ").append(why).append(".\n");
                }
            }
        }
        if (!f.variables().isEmpty()) {
            md.append("\n| variable | unit | description |\n|---|---|---|\n");
            for (VariableSpec v : f.variables()) {
                md.append("| `").append(v.name()).append("` | ").append(cell(v.unit())).append(" | ")
                        .append(cell(v.description())).append(" |\n");
            }
        }
    }

    /** @return where a config names a model of this kind */
    private static String usage(ModelKind kind) {
        return switch (kind) {
            case NEURON -> "A population's `neuron:`.";
            case SYNAPSE -> "A projection's `syn:`.";
            case OUTPUT -> "A projection's `out:`.";
            case COMM -> "A projection's `comm:`. Besides its own parameters every comm takes `conn:` (a connector)"
                    + " and `weight:` (an initializer, or a number for one weight everywhere: uS with COBA or MgBlock,"
                    + " nA with CUBA).";
            case CONNECTOR -> "A comm's `conn:`.";
            case INITIALIZER -> "A comm's `weight:`, or a population's `init: {VARIABLE: ...}`.";
            case PLASTICITY -> "A projection's `plasticity:`; its comm must support plasticity (see the comm models).";
            case INPUT -> "An entry of `inputs:` with a `name:`. A current takes `target:` (a population); a spike"
                    + " source takes `size:` and serves as a projection's `pre:`.";
        };
    }

    /**
     * @return the parameters of a neuron, synapse or output model that may vary per element, or of a plasticity
     *         rule that may vary per synapse, in order, or ""
     */
    static String perElement(io.spikeforge.spi.ModelFactory f) {
        if (f.kind() != io.spikeforge.spi.ModelKind.NEURON && f.kind() != io.spikeforge.spi.ModelKind.SYNAPSE
                && f.kind() != io.spikeforge.spi.ModelKind.OUTPUT && f.kind() != io.spikeforge.spi.ModelKind.PLASTICITY) {
            return "";
        }
        return String.join(", ", f.parameters().stream().map(ParamSpec::name).filter(f.perElement()::contains)
                .toList());
    }

    private static String allowed(ParamSpec p) {
        String type = p.type().phrase();
        String range = p.rangeText();
        return range.equals("any finite number") ? type : type + ", " + range;
    }

    private static String heading(ModelKind kind) {
        return kind.word().substring(0, 1).toUpperCase(Locale.ROOT) + kind.word().substring(1) + " models";
    }

    private static String anchor(ModelKind kind) {
        return kind.word() + "-models";
    }

    private static String sentence(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return t;
        }
        t = t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }

    /** Table cells cannot hold a bare pipe or a line break. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** @return why a parameter takes one value for all elements, as its model states it, or null */
    private static String perElementReason(io.spikeforge.spi.ModelFactory f, ParamSpec p) {
        return f.perElement().contains(p.name()) ? null : f.oneValueReason(p.name());
    }
}
