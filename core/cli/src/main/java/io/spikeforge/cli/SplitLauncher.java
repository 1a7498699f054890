package io.spikeforge.cli;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a network split over processes on MPJ Express (Debian's {@code libmpj-java} 0.44): on one
 * machine in MPJ's multicore device (one JVM, each rank in a class loader of its own, spikes exchanged
 * through shared memory), over several hosts in its niodev device (a JVM per rank, spikes over TCP,
 * through the MPJ daemons running on the hosts). MPJ Express is not on Maven Central: it is found at run
 * time, as the TornadoVM SDK is, in {@code MPJ_HOME} or Debian's {@code /usr/share/mpj}, and given the
 * four jars it needs beside its own (log4j 1.2, commons-cli, commons-io, commons-codec) in a folder of
 * its own under the user's cache.
 */
final class SplitLauncher {

    /** What Debian's package puts where, and the jars MPJ's starter expects beside its own. */
    private static final Path DEBIAN_MPJ = Path.of("/usr/share/mpj/lib");
    private static final Path DEBIAN_JARS = Path.of("/usr/share/java");
    private static final List<String> NEEDED = List.of("log4j-1.2.jar", "commons-cli.jar", "commons-io.jar",
            "commons-codec.jar");

    private SplitLauncher() {
    }

    /**
     * @return a ready {@code MPJ_HOME}, or null when MPJ Express is not installed
     */
    static Path mpjHome() throws IOException {
        String given = System.getenv("MPJ_HOME");
        if (given != null && Files.isRegularFile(Path.of(given, "lib", "starter.jar"))
                && NEEDED.stream().allMatch(j -> Files.exists(Path.of(given, "lib", j)))) {
            return Path.of(given);
        }
        if (!Files.isRegularFile(DEBIAN_MPJ.resolve("starter.jar"))
                || !NEEDED.stream().allMatch(j -> Files.exists(DEBIAN_JARS.resolve(j)))) {
            return null;
        }
        Path home = Path.of(System.getProperty("user.home"), ".cache", "spikeforge", "mpj-0.44");
        Path lib = home.resolve("lib");
        if (!Files.isRegularFile(home.resolve("ready"))) {
            Files.createDirectories(lib);
            Files.createDirectories(home.resolve("conf"));
            // Copied, not linked: the starter resolves its manifest's class path from where its jar really is.
            try (var jars = Files.list(DEBIAN_MPJ)) {
                for (Path j : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    Files.copy(j.toRealPath(), lib.resolve(j.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (String j : NEEDED) {
                Files.copy(DEBIAN_JARS.resolve(j).toRealPath(), lib.resolve(j), StandardCopyOption.REPLACE_EXISTING);
            }
            Path conf = Path.of("/etc/mpj/mpjexpress.conf");
            if (Files.exists(conf)) {
                Files.copy(conf, home.resolve("conf/mpjexpress.conf"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(home.resolve("ready"), "MPJ Express 0.44 from " + DEBIAN_MPJ + "\n");
        }
        return home;
    }

    /**
     * Runs {@code spikeforge run} split over {@code processes} processes and waits for it.
     *
     * @param hosts   the hosts of MPJ's niodev device, each running MPJ's daemon; null for this machine alone
     * @param runArgs the arguments of {@code run} each process gets
     * @return rank 0's exit code, or 1 when the processes ended without one
     */
    static int launch(Path mpj, int processes, List<String> hosts, Path dir, List<String> runArgs, boolean quiet)
            throws IOException, InterruptedException {
        // In the run's folder, which every host sees, and not in ranks/, which rank 0 removes when it is done.
        Path status = dir.resolve(".exit_code");
        Files.createDirectories(dir.resolve("ranks"));
        Files.deleteIfExists(status);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-jar", mpj.resolve("lib/starter.jar").toString(),
                "-np", String.valueOf(processes)));
        if (hosts == null) {
            cmd.addAll(List.of("-dev", "multicore"));
        } else {
            Path machines = dir.resolve("ranks").resolve("machines");
            Files.write(machines, hosts);
            cmd.addAll(List.of("-dev", "niodev", "-machinesfile", machines.toString()));
        }
        cmd.addAll(jvmOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SplitRank.class.getName(),
                status.toAbsolutePath().toString(), "run"));
        cmd.addAll(runArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = pb.environment();
        env.put("MPJ_HOME", mpj.toString());
        // MPJ's starter starts the ranks' JVM with the java it finds first.
        env.put("PATH", Path.of(java).getParent() + File.pathSeparator + env.getOrDefault("PATH", ""));
        Process p = pb.start();
        // Passed on through this JVM's streams, so that a caller that captures them (a test, an embedding
        // program) sees the processes' messages; MPJ's own lines only when not --quiet.
        Thread out = relay(p.getInputStream(), quiet);
        Thread err = relay(p.getErrorStream(), quiet);
        int mpjCode = p.waitFor();
        out.join();
        err.join();
        if (!Files.exists(status)) {
            System.err.printf("spikeforge: the %d processes ended without a result (MPJ Express's starter exited"
                    + " with %d); see their messages above%n", processes, mpjCode);
            return ExitCodes.INTERNAL;
        }
        int code = Integer.parseInt(Files.readString(status).trim());
        Files.delete(status);
        Path machines = dir.resolve("ranks").resolve("machines");
        Files.deleteIfExists(machines);
        try (var left = Files.list(dir.resolve("ranks"))) {
            // Empty once rank 0 has merged the processes' folders; what a failed run left stays for a look.
            if (left.findAny().isEmpty()) {
                Files.delete(dir.resolve("ranks"));
            }
        }
        return code;
    }

    /** A line of stderr's: this project's messages, its log's lines, a stack trace's. */
    private static final java.util.regex.Pattern ERR = java.util.regex.Pattern.compile(
            "spikeforge: .*|\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (TRACE|DEBUG|INFO|WARN|ERROR) .*|\tat .*|Caused by: .*"
                    + "|[\\w.$]+(Exception|Error)(: .*)?");

    /**
     * @return a started thread copying {@code from} line by line: MPJ's starter joins the processes'
     *         stdout and stderr into its stdout, so each line goes back to the stream it was written to
     */
    private static Thread relay(java.io.InputStream from, boolean quiet) {
        Thread t = new Thread(() -> {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(from,
                    java.nio.charset.StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    boolean mpj = line.startsWith("MPJ Express (") || line.startsWith("Starting process <")
                            || line.startsWith("Stopping Process <");
                    if (!(quiet && mpj)) {
                        (ERR.matcher(line).matches() ? System.err : System.out).println(line);
                    }
                }
            } catch (IOException e) {
                System.err.println("spikeforge: lost the processes' output: " + e.getMessage());
            }
        }, "spikeforge-split-relay");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The options this JVM was started with that the ranks' JVM needs too (heap, collector, properties). */
    private static List<String> jvmOptions() {
        List<String> out = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // Not the ahead-of-time cache (made for this class path's main), nor logging of the JVM itself.
            if (!a.contains("AOT") && !a.startsWith("-Xlog") && !a.startsWith("-XX:ErrorFile")
                    && !a.startsWith("-XX:+UnlockExperimental") && !a.startsWith("-agentlib")
                    && !a.startsWith("-javaagent")) {
                out.add(a);
            }
        }
        return out;
    }
}
