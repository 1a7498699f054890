package io.spikeforge.sweep;

import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.plugin.PackException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code spikeforge sweep SWEEP.yaml}: the launcher starts this class with the sweep module's own class
 * path (Spark's jars stay off {@code spikeforge run}'s). Exit codes as {@code run}'s: 0 the sweep ran to
 * its end (rows of failed runs hold their errors), 1 an internal error or Spark gave up, 2 bad input.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a parameter sweep or seed ensemble of a network config on Apache Spark.")
public final class SweepCli implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SWEEP", description = "The sweep file (YAML).")
    Path file;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N], spark://HOST:PORT (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--out", paramLabel = "DIR", description = "The sweep's folder (default out/<sweep name>).")
    Path out;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting (repeatable).")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
    boolean quiet;

    @Option(names = "--verbose", description = "A stack trace with an internal error.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        Sweep sweep = Sweep.of(file).master(master).out(out).progress(quiet ? null : System.err);
        conf.forEach(sweep::conf);
        Sweep.Result r = sweep.run();
        System.out.printf("%s: %d runs (%d failed, %d done before); table in %s and %s, plots in %s%n",
                r.dir(), r.rows().size(), r.failed(), r.skipped(), r.dir().resolve("results.csv"),
                r.dir().resolve("results.parquet"), r.dir().resolve("plots"));
        return 0;
    }

    /** Runs the command and returns its exit code (tests call this). */
    public static int execute(String... args) {
        return new CommandLine(new SweepCli()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException || e instanceof PackException) {
                System.err.println("spikeforge: " + e.getMessage());
                return 2;
            }
            System.err.println("spikeforge: sweep failed: " + e);
            if (parsed.hasMatchedOption("--verbose")) {
                e.printStackTrace(System.err);
            }
            return 1;
        }).execute(args);
    }

    /**
     * The command line's entry: {@code ./spikeforge sweep} and {@code spark-submit --class
     * io.spikeforge.sweep.SweepCli}. A sweep that ran returns from here, so that under spark-submit Spark ends
     * the application itself (a cluster manager reads an exit from the main method as the driver failing); only
     * a failure ends the JVM, with its exit code. Nothing else in this module ends the JVM: from Java, call
     * {@link #execute} or {@link Sweep#run}.
     */
    public static void main(String[] args) {
        int code = execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
