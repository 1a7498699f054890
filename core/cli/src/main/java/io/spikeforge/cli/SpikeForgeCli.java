package io.spikeforge.cli;

import io.spikeforge.spi.BackendUnavailableException;
import io.spikeforge.kernels.KernelWarmup;
import io.spikeforge.core.backend.FusedLoops;
import io.spikeforge.core.backend.TaskFailedException;
import io.spikeforge.core.checkpoint.CheckpointException;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.plugin.PackException;
import io.spikeforge.core.plugin.PluginFailureException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.util.List;

/** The {@code spikeforge} command. */
@Command(name = "spikeforge", mixinStandardHelpOptions = true, version = "SpikeForge 0.1.0",
        description = "Spiking neural networks with synaptic plasticity on the JVM and TornadoVM.")
public final class SpikeForgeCli implements Runnable {

    /**
     * The subcommands. picocli reads every registered command's annotations when it starts, and its
     * classes (compiled for Java 5) stay out of the JVM's class cache: registering all of them took
     * about 0.05 s more than one. So a line that names its subcommand registers only that one; help,
     * errors and listings get them all.
     */
    private static final List<String> COMMANDS = List.of("run", "resume", "bench", "plot", "plugins", "docs", "devices",
            "codegen", "help");
    /** The commands that simulate, and so gain from compiled kernels. */
    private static final List<String> WARMED = List.of("run", "resume", "bench");

    private static Object command(String name) {
        return switch (name) {
            case "run" -> new RunCommand();
            case "resume" -> new ResumeCommand();
            case "bench" -> new BenchCommand();
            case "plot" -> new PlotCommand();
            case "plugins" -> new PluginsCommand();
            case "docs" -> new DocsCommand();
            case "devices" -> new DevicesCommand();
            case "codegen" -> new CodegenCommand();
            default -> new CommandLine.HelpCommand();
        };
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /**
     * Exit codes: 0 success, 1 internal error (SpikeForge's or a pack's), 2 bad input (config, arguments,
     * packs, checkpoints, backend, output folder), 3 NaN or infinity in the state, 4 a checkpoint or the
     * outputs could not be written where they belong, 130/143 stopped by SIGINT/SIGTERM.
     */
    public static void main(String[] args) {
        // Compiling the kernels overlaps start-up only if it begins now, before the config is even read.
        if (args.length > 0 && WARMED.contains(args[0])) {
            KernelWarmup.start();
            FusedLoops.preloadInBackground();
        }
        Thread javac = null;
        if (Boolean.getBoolean("spikeforge.aot.training")) {
            // The launcher's training of the JVM's ahead-of-time cache: load the JDK's compiler too.
            javac = new Thread(io.spikeforge.core.equations.EquationModels::loadTheCompiler, "spikeforge-aot-javac");
            javac.setDaemon(true);
            javac.start();
        }
        int code = execute(args);
        if (javac != null) {
            try {
                javac.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        System.exit(code);
    }

    /** Runs the CLI and returns its exit code (tests call this). */
    public static int execute(String... args) {
        // Commands set the log level for their run; an embedding caller (a test) keeps its own afterwards.
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level level = root.getLevel();
        try {
            return commandLine(args).setExecutionExceptionHandler(SpikeForgeCli::failed).execute(args);
        } catch (RuntimeException | Error e) {
            // picocli hands the handler Exceptions only: an Error, or a failure of the handler itself, ends here
            // rather than as the JVM's "Exception in thread main".
            return internal(e, List.of(args).contains("--verbose"));
        } finally {
            root.setLevel(level);
        }
    }

    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new SpikeForgeCli());
        String first = args.length > 0 ? args[0] : "";
        if (COMMANDS.contains(first) && !first.equals("help")) {
            cli.addSubcommand(first, command(first));
        } else {
            COMMANDS.forEach(name -> cli.addSubcommand(name, command(name)));
        }
        return cli;
    }

    /** One line for what the user can fix, one for a bug; a stack trace only with --verbose. */
    private static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintStream err = System.err;
        boolean verbose = parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--verbose");
        int code = switch (e) {
            case ConfigException _, PackException _, CheckpointException _, BackendUnavailableException _ ->
                    ExitCodes.BAD_INPUT;
            case PluginFailureException _, TaskFailedException _ -> ExitCodes.INTERNAL;
            default -> -1;
        };
        if (code < 0) {
            return internal(e, verbose);
        }
        err.println("spikeforge: " + e.getMessage());
        if (verbose && e.getCause() != null) {
            e.getCause().printStackTrace(err);
        }
        return code;
    }

    /** A failure SpikeForge did not expect: one line that says so, and the stack trace with --verbose. */
    private static int internal(Throwable e, boolean verbose) {
        PrintStream err = System.err;
        err.println("spikeforge: internal error: " + e + (verbose ? "" : " (--verbose shows where; please report it)"));
        if (verbose) {
            e.printStackTrace(err);
        }
        return ExitCodes.INTERNAL;
    }
}
