package io.spikeforge.sweep;

import io.spikeforge.core.Engine;
import io.spikeforge.core.RunResult;
import io.spikeforge.core.config.ConfigError;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.output.OutputWriter;
import io.spikeforge.core.output.Summary;
import io.spikeforge.core.run.RunSettings;
import io.spikeforge.core.sim.Group;
import io.spikeforge.core.sim.Network;
import io.spikeforge.core.sim.ProjectionBlock;
import io.spikeforge.core.sim.ProjectionRuntime;
import io.spikeforge.core.sim.SpikeMonitor;
import io.spikeforge.spi.Backend;
import io.spikeforge.spi.RunListener;
import org.apache.spark.TaskContext;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs one point of a sweep where it lands (a Spark executor, or the driver's own JVM in local mode): the
 * engine builds the network from the point's config and runs it as {@code spikeforge run} does, then the
 * kept quantities are read off the network. Whatever goes wrong with the run becomes its row's error.
 */
final class RunTask {

    /** One engine per executor JVM: finding the packs is done once, not per run. */
    private static Engine engine;

    private RunTask() {
    }

    static synchronized Engine engine() {
        if (engine == null) {
            engine = Engine.create();
        }
        return engine;
    }

    /** Runs {@code p} with as many threads as the task has cores ({@code spark.task.cpus}). */
    static RunRow run(RunPoint p) {
        TaskContext task = TaskContext.get();
        return run(p, task == null ? 1 : task.cpus());
    }

    static RunRow run(RunPoint p, int threads) {
        long t0 = System.nanoTime();
        String host = host();
        NetworkSpec spec;
        try {
            spec = engine().parse(p.config(), p.source(), p.id(), new Overrides(null, null, null, threads, null));
        } catch (ConfigException e) {
            String why = java.util.stream.Stream.concat(e.options().stream(), e.errors().stream())
                    .map(ConfigError::toString).collect(Collectors.joining("; "));
            return row(p, null, new LinkedHashMap<>(), t0, 2, "config_error", why, host);
        }
        try {
            Network net = engine().build(spec);
            Backend backend = engine().backend(net);
            RunResult result = engine().run(net, backend, RunListener.NONE, RunSettings.DEFAULT);
            if (p.outputs() != null) {
                OutputWriter.write(Path.of(p.outputs()), net, backend, result);
            }
            if (result.outcome() == RunResult.Outcome.NUMERICAL_FAULT) {
                return row(p, spec.seed(), new LinkedHashMap<>(), t0, 3, "numerical_fault", result.message(), host);
            }
            if (result.outcome() != RunResult.Outcome.COMPLETED) {
                return row(p, spec.seed(), new LinkedHashMap<>(), t0, 1, "failed", result.message(), host);
            }
            Map<String, Object> summary = Summary.of(net, backend, result, -1);
            LinkedHashMap<String, Object> kept = new LinkedHashMap<>();
            for (Keep k : p.keep()) {
                kept.put(k.column(), value(k, net, summary));
            }
            return row(p, spec.seed(), kept, t0, 0, "ok", null, host);
        } catch (ConfigException e) {
            return row(p, spec.seed(), new LinkedHashMap<>(), t0, 2, "config_error",
                    e.errors().stream().map(ConfigError::toString).collect(Collectors.joining("; ")), host);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return row(p, spec.seed(), new LinkedHashMap<>(), t0, 1, "failed",
                    e.getMessage() == null ? e.toString() : e.getMessage(), host);
        }
    }

    private static RunRow row(RunPoint p, Long seed, LinkedHashMap<String, Object> kept, long t0, int code,
                              String status, String error, String host) {
        return new RunRow(p.id(), p.key(), p.values(), seed, kept, (System.nanoTime() - t0) / 1e9, code, status, error,
                host);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** @return the quantity {@code k} of the finished network */
    static Object value(Keep k, Network net, Map<String, Object> summary) {
        return switch (k) {
            case Keep.SummaryField f -> field(summary, f.keys());
            case Keep.Rate r -> {
                Group g = net.group(r.population());
                double seconds = net.step() * net.spec().dt() / 1000.0;
                yield seconds > 0 ? g.spikeTotal()[0] / (double) g.size() / seconds : 0.0;
            }
            case Keep.CvIsi c -> cvIsi((SpikeMonitor) net.monitor(c.monitor()), net.group(c.population()).size(),
                    net.spec().dt());
            case Keep.WeightHistogram h -> histogram(net.projection(h.projection()), h);
        };
    }

    private static Object field(Map<String, Object> summary, List<String> keys) {
        Object v = summary;
        for (String key : keys) {
            v = v instanceof Map<?, ?> m ? m.get(key) : null;
        }
        return switch (v) {
            case Integer i -> (long) i;
            case Float f -> (double) f;
            case int[] a -> java.util.Arrays.stream(a).asLongStream().toArray();
            case null, default -> v;
        };
    }

    /** @return the mean over neurons with three or more spikes of std(ISI) / mean(ISI); NaN when none has */
    static double cvIsi(SpikeMonitor monitor, int size, double dt) {
        int[] pairs = monitor.pairs();
        int[] count = new int[size];
        double[] last = new double[size];
        double[] sum = new double[size];
        double[] sumSq = new double[size];
        for (int i = 0; i < pairs.length; i += 2) {
            int n = pairs[i + 1];
            double t = pairs[i] * dt;
            if (count[n] > 0) {
                double isi = t - last[n];
                sum[n] += isi;
                sumSq[n] += isi * isi;
            }
            last[n] = t;
            count[n]++;
        }
        double total = 0;
        int neurons = 0;
        for (int n = 0; n < size; n++) {
            int k = count[n] - 1;
            if (k >= 2) {
                double mean = sum[n] / k;
                double var = Math.max(0, sumSq[n] / k - mean * mean);
                total += Math.sqrt(var) / mean;
                neurons++;
            }
        }
        return neurons == 0 ? Double.NaN : total / neurons;
    }

    static long[] histogram(ProjectionRuntime pr, Keep.WeightHistogram h) {
        double lo = h.lo();
        double hi = h.hi();
        if (Double.isNaN(lo)) {
            boolean bounded = pr.plasticity() != null && !Double.isNaN(pr.plasticity().wMin())
                    && !Double.isNaN(pr.plasticity().wMax()) && pr.plasticity().wMax() > pr.plasticity().wMin();
            if (bounded) {
                lo = pr.plasticity().wMin();
                hi = pr.plasticity().wMax();
            } else {
                lo = Double.POSITIVE_INFINITY;
                hi = Double.NEGATIVE_INFINITY;
                for (ProjectionBlock b : pr.blocks()) {
                    for (float w : b.weightsNow()) {
                        lo = Math.min(lo, w);
                        hi = Math.max(hi, w);
                    }
                }
            }
        }
        long[] counts = new long[h.bins()];
        double width = (hi - lo) / h.bins();
        for (ProjectionBlock b : pr.blocks()) {
            for (float w : b.weightsNow()) {
                int bin = width > 0 ? (int) Math.floor((w - lo) / width) : 0;
                counts[Math.max(0, Math.min(h.bins() - 1, bin))]++;
            }
        }
        return counts;
    }
}
