package io.spikeforge.it;

import io.spikeforge.cli.SpikeForgeCli;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NumPy loads every .npy of a stdp_net run with the dtype and shape that summary.json states, and the
 * values agree with the summary. Needs Debian's python3-numpy for /usr/bin/python3; skipped, with the
 * reason printed, where it is missing.
 */
class NumpyTest {

    private static final String PYTHON = "/usr/bin/python3";

    /** Loads each file summary.json lists and compares; prints one line per file, exits 1 on a mismatch. */
    private static final String CHECK = """
            import json, sys
            import numpy as np
            out = sys.argv[1]
            s = json.load(open(out + "/summary.json"))
            bad = 0
            for name, m in s["monitors"].items():
                a = np.load(out + "/" + name)
                ok = str(a.dtype) == m["dtype"] and list(a.shape) == m["shape"] and a.flags["C_CONTIGUOUS"]
                print(name, a.dtype, a.shape, "ok" if ok else "MISMATCH " + m["dtype"] + " " + str(m["shape"]))
                bad += not ok
            spikes = np.load(out + "/pre.spike.npy")
            assert len(spikes) == s["populations"]["pre"]["spikes"], "spike count"
            assert np.all(np.diff(spikes[:, 0]) > 0), "spike steps ascend"
            w = np.load(out + "/stdp.weight.npy")
            assert np.isclose(w[-1, 0], s["projections"]["stdp"]["weight"]["mean"], rtol=1e-6), "final weight"
            assert np.isclose(w[0, 0], s["projections"]["stdp"]["weight_initial"]["mean"], rtol=1e-6), "first weight"
            sys.exit(1 if bad else 0)
            """;

    @TempDir
    Path out;

    @Test
    void numpyLoadsEveryMonitorWithTheDtypeAndShapeOfTheSummary() throws Exception {
        String missing = numpyMissing();
        if (missing != null) {
            System.out.println("NumpyTest skipped: " + missing);
        }
        Assumptions.assumeTrue(missing == null, missing);
        assertEquals(0, SpikeForgeCli.execute("run", Sims.root().resolve("examples/stdp_net.yaml").toString(),
                "--out", out.toString(), "--quiet"));
        Result r = python(CHECK, out.toString());
        System.out.print(r.output());
        assertEquals(0, r.code(), r.output());
        assertEquals(7, r.output().lines().filter(l -> l.endsWith(" ok")).count(), r.output());
        assertTrue(r.output().contains("pre.spike.npy int32 (6, 2) ok"), r.output());
        assertTrue(r.output().contains("post.V.npy float32 (3000, 1) ok"), r.output());
    }

    /** @return why numpy cannot be used here, or null when it can */
    private static String numpyMissing() throws Exception {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " is not installed (apt-get install python3-numpy)";
        }
        Result r = python("import numpy", "");
        return r.code() == 0 ? null : "numpy is not importable by " + PYTHON + " (apt-get install python3-numpy)";
    }

    private record Result(int code, String output) {
    }

    private static Result python(String script, String arg) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PYTHON, "-c", script, arg).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "python timed out\n" + text);
        }
        return new Result(p.exitValue(), text);
    }
}
