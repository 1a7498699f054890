package io.spikeforge.it;

import io.spikeforge.cli.SpikeForgeCli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the {@code spikeforge} command in this JVM and captures what it prints. */
final class Cli {

    /**
     * What a command did.
     *
     * @param code its exit code
     * @param out  what it printed on stdout
     * @param err  what it printed on stderr
     */
    record Result(int code, String out, String err) {

        /** @return whether stderr holds a Java stack trace */
        boolean stackTrace() {
            return err.contains("\tat ") || err.contains("Exception in thread");
        }
    }

    private Cli() {
    }

    static synchronized Result run(String... args) {
        // A model written as equations compiles in a thread of its own, which a refused config leaves
        // running (a real command's JVM exits with it): its log line must not land in the next command's
        // captured stderr.
        awaitBackgroundCompiles();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = SpikeForgeCli.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void awaitBackgroundCompiles() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("spikeforge-compile-")) {
                try {
                    t.join(120_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
