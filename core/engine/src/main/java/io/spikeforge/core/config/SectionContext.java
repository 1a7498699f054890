package io.spikeforge.core.config;

import io.spikeforge.core.plugin.PluginRegistry;

/**
 * What the sections of one read share: where problems go, the checks of nodes and of names (and so the
 * one {@link NameTable}), and the reader of model blocks.
 *
 * @param problems every problem found, in the order found
 * @param nodes    the shape checks
 * @param names    the checks of declared and referenced names
 * @param models   reads model blocks against the registry
 * @param registry every registered model
 * @param equations reads what is written as equations: a projection's {@code on_pre}
 */
record SectionContext(Problems problems, NodeChecks nodes, NameChecks names, ModelBlockReader models,
                      PluginRegistry registry, ConfigModels equations) {

    /** @return a context for one read, with an empty name table */
    static SectionContext start(PluginRegistry registry, ConfigModels equations, Problems problems) {
        NodeChecks nodes = new NodeChecks(problems);
        return new SectionContext(problems, nodes, new NameChecks(new NameTable(), nodes, problems),
                new ModelBlockReader(registry, problems, equations), registry, equations);
    }

    /** @return the read's name table */
    NameTable table() {
        return names.table();
    }
}
