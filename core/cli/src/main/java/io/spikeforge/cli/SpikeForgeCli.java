package io.spikeforge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code spikeforge} command. */
@Command(name = "spikeforge", mixinStandardHelpOptions = true, version = "SpikeForge 0.1.0",
        description = "Spiking neural networks with synaptic plasticity on the JVM and TornadoVM.",
        subcommands = {RunCommand.class, BenchCommand.class, PlotCommand.class, PluginsCommand.class,
                DocsCommand.class, DevicesCommand.class,
                CommandLine.HelpCommand.class})
public final class SpikeForgeCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** Exit codes: 0 success, 1 internal error, 2 bad input (config, arguments, environment). */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code (tests call this). */
    public static int execute(String... args) {
        return new CommandLine(new SpikeForgeCli()).execute(args);
    }
}
