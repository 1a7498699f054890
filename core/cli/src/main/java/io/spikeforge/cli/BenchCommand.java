package io.spikeforge.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spikeforge.core.Engine;
import io.spikeforge.core.RunResult;
import io.spikeforge.spi.Backend;
import io.spikeforge.spi.BackendUnavailableException;
import io.spikeforge.spi.RunListener;
import io.spikeforge.core.config.ConfigException;
import io.spikeforge.core.config.NetworkSpec;
import io.spikeforge.core.config.Overrides;
import io.spikeforge.core.sim.Group;
import io.spikeforge.core.sim.Monitor;
import io.spikeforge.core.sim.SpikeMonitor;
import io.spikeforge.core.sim.Network;
import io.spikeforge.core.sim.ProjectionRuntime;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code spikeforge bench NAME}: runs a yardstick workload (or a config) and prints one JSON line per run
 * with the timings, spikes, synaptic events per second and memory.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark a workload (coba, coba-scaled, stdp, song2000, microcircuit; groups and poisson-slices, each run"
                + " beside its one-group form) or a config file; one JSON line per run.")
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "coba, coba-scaled, stdp, song2000, microcircuit, groups,"
            + " poisson-slices, or a config file.")
    String name;

    @Option(names = "--size", paramLabel = "N[,M]", description = "Sizes: N neurons (coba*) or N inputs and M outputs (stdp).")
    String size;

    @Option(names = "--threads", paramLabel = "N", description = "JVM backend threads (default: measured, as run).")
    Integer threads;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "1", description = "Runs (each builds afresh).")
    int repeat;

    @Option(names = "--duration", paramLabel = "MS", description = "Simulated time in ms (overrides the workload's).")
    Double duration;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1", description = "microcircuit: neurons and"
            + " in-degrees relative to the full model (weights over sqrt(S), the missing mean input as DC); above 1,"
            + " S times the neurons at the full in-degrees.")
    double scale;

    @Option(names = "--dc", description = "microcircuit: the DC background instead of Poisson.")
    boolean dc;

    @Option(names = "--transient", paramLabel = "MS", description = "Rates and CVs of the spike monitors from this"
            + " time on (default: 200 for microcircuit, else 0).")
    Double transientMs;

    @Option(names = "--write-config", paramLabel = "FILE", description = "Write the workload's config to FILE and"
            + " exit (a run of it with `spikeforge run FILE` is the same network).")
    Path writeConfig;

    @Option(names = "--backend", paramLabel = "NAME", description = "Backend (default jvm).")
    String backend;

    @Option(names = "--profile", description = "With a device backend, also report its kernel time per step"
            + " (kernel_us_per_step), from its profiler, which costs time of its own.")
    boolean profile;

    @Option(names = "--peers", description = "For coba and coba-scaled: run the hand-written C floor (coba_ref.c,"
            + " compiled with gcc -O3 -march=native) and Brian2's C++ standalone (coba.py) beside each run, and print"
            + " the ratios; skipped with a message when their folder is absent.")
    boolean peers;

    @Option(names = "--peers-dir", paramLabel = "DIR", description = "The peers' folder, holding limit/coba_ref.c and"
            + " brian2/coba.py (default: $SPIKEFORGE_PEERS).")
    String peersDir;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int n = 0;
        int m = 0;
        if (size != null) {
            String[] parts = size.split(",");
            try {
                n = Integer.parseInt(parts[0].trim());
                m = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 0;
            } catch (NumberFormatException e) {
                System.err.println("spikeforge: --size must be N or N,M with whole numbers, got '" + size + "'");
                return 2;
            }
        }
        boolean named = Workloads.NAMES.contains(name);
        if (!named && !Files.isRegularFile(Path.of(name))) {
            System.err.println("spikeforge: unknown workload '" + name + "'."
                    + io.spikeforge.core.config.Suggestions.didYouMean(name, Workloads.NAMES)
                    + " Use one of " + String.join(", ", Workloads.NAMES) + ", or a config file.");
            return 2;
        }
        if (!(scale > 0 && scale <= 1000)) {
            System.err.println("spikeforge: --scale must be above 0 and at most 1000, got " + scale);
            return 2;
        }
        if (writeConfig != null) {
            if (!named) {
                System.err.println("spikeforge: --write-config takes a workload name, got the file '" + name + "'");
                return 2;
            }
            Files.writeString(writeConfig, Workloads.config(name, n, m, scale, dc));
            return 0;
        }
        if (profile) {
            // The TornadoVM backend reads it when it makes its plan.
            System.setProperty("spikeforge.tornado.profile", "true");
        }
        try {
            Engine engine = engineOptions.engine();
            Overrides o = new Overrides(duration, null, null, threads, backend);
            String oneGroup = named ? Workloads.oneGroupForm(name, n) : null;
            Peers peerRuns = null;
            if (peers) {
                if (!name.equals("coba") && !name.equals("coba-scaled")) {
                    System.err.println("spikeforge: --peers: only coba and coba-scaled have peers; running '" + name
                            + "' alone");
                } else {
                    peerRuns = Peers.at(peersDir != null ? peersDir : System.getenv("SPIKEFORGE_PEERS"));
                }
            }
            try {
                for (int r = 0; r < repeat; r++) {
                    if (peerRuns != null) {
                        besidePeers(engine, o, peerRuns, n, m);
                    } else {
                        round(engine, o, named, oneGroup, r, n, m);
                    }
                }
            } finally {
                if (peerRuns != null) {
                    peerRuns.close();
                }
            }
            return 0;
        } catch (ConfigException | BackendUnavailableException e) {
            System.err.println("spikeforge: " + e.getMessage());
            return 2;
        }
    }

    /** One SpikeForge run of the coba workload, then coba_ref and Brian2 on the same network, then the ratios. */
    private void besidePeers(Engine engine, Overrides o, Peers peerRuns, int n, int m) throws Exception {
        Map<String, Object> ours = measure(engine, engine.parse(Workloads.config(name, n, m, scale, dc), name, o),
                Workloads.sizes(name, n, m, scale));
        print(ours);
        boolean scaled = name.equals("coba-scaled");
        int neurons = n > 0 ? n : scaled ? 400_000 : 4000;
        double ms = duration != null ? duration : 1000;
        double p = scaled ? 80.0 / neurons : 0.02;
        Map<String, Object> floor = peerRuns.cobaRef(neurons, ms, p);
        if (floor != null) {
            print(floor);
        }
        Map<String, Object> brian = peerRuns.brian2(neurons, ms, scaled ? 80 : 0, scaled ? 2 : 0);
        if (brian != null) {
            print(brian);
        }
        Map<String, Object> ratios = new LinkedHashMap<>();
        double loop = (double) ours.get("loop_s");
        ratios.put("comparison", name);
        ratios.put("spikeforge_loop_s", loop);
        if (floor != null) {
            ratios.put("coba_ref_loop_s", floor.get("loop_s"));
            ratios.put("spikeforge_over_coba_ref", loop / (double) floor.get("loop_s"));
        }
        if (brian != null) {
            ratios.put("brian2_loop_s", brian.get("loop_s"));
            ratios.put("spikeforge_over_brian2", loop / (double) brian.get("loop_s"));
        }
        print(ratios);
    }

    /** One run of the workload, or of it and its one-group form. */
    private void round(Engine engine, Overrides o, boolean named, String oneGroup, int r, int n, int m)
            throws Exception {
        NetworkSpec spec = named ? engine.parse(Workloads.config(name, n, m, scale, dc), name, o) : engine.load(Path.of(name), o);
        Map<String, Object> sizes = named ? Workloads.sizes(name, n, m, scale) : Map.of();
        if (oneGroup == null) {
            print(measure(engine, spec, sizes));
            return;
        }
        // The one-group form beside it, first on every other round, so that both see the same load on a
        // shared machine and neither always pays the JIT's warm-up.
        NetworkSpec oneSpec = engine.parse(oneGroup, name + "-one-group", o);
        Map<String, Object> one = r % 2 == 1 ? measure(engine, oneSpec, sizes) : null;
        Map<String, Object> line = measure(engine, spec, sizes);
        if (one == null) {
            one = measure(engine, oneSpec, sizes);
        }
        line.put("form", "objects");
        one.put("form", "one group");
        one.put("objects_loop_over_one_group", (double) line.get("loop_s") / (double) one.get("loop_s"));
        print(line);
        print(one);
    }

    private static void print(Map<String, Object> line) throws java.io.IOException {
        System.out.println(new ObjectMapper().writeValueAsString(line));
        System.out.flush();
    }

    private Map<String, Object> measure(Engine engine, NetworkSpec spec, Map<String, Object> sizes) {
        System.gc();
        long heapBefore = usedHeap();
        Network net = engine.build(spec);
        System.gc();
        long heapBuilt = usedHeap() - heapBefore;
        Backend b = engine.backend(net);
        // CPU time beside the wall time: on a loaded machine the wall time also counts the waits for a core.
        java.lang.management.ThreadMXBean threadsBean = java.lang.management.ManagementFactory.getThreadMXBean();
        long threadCpu = threadsBean.getCurrentThreadCpuTime();
        long processCpu = processCpuNanos();
        RunResult result = engine.run(net, b, RunListener.NONE);
        threadCpu = threadsBean.getCurrentThreadCpuTime() - threadCpu;
        processCpu = processCpuNanos() - processCpu;
        long spikes = 0;
        for (Group g : net.groups()) {
            spikes += g.source() ? 0 : g.spikeTotal()[0];
        }
        long events = 0;
        long synapses = 0;
        for (ProjectionRuntime p : net.projections()) {
            events += p.synapticEvents(net.group(p.spec().pre()), net.group(p.spec().post()));
            synapses += p.synapses();
        }
        double simulatedS = result.steps() * spec.dt() / 1000.0;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workload", spec.name());
        out.put("sizes", sizes);
        out.put("backend", b.name());
        out.put("threads", b.threads());
        out.put("neurons", net.groups().stream().filter(g -> !g.source()).mapToLong(Group::size).sum());
        out.put("synapses", synapses);
        out.put("simulated_s", simulatedS);
        out.put("build_s", net.buildSeconds());
        out.put("loop_s", result.wallSeconds());
        // The calling thread's CPU time in the loop (all of the loop with one thread, which runs on it), and the
        // process's (its JIT compiler and GC threads too).
        out.put("loop_thread_cpu_s", threadCpu / 1e9);
        out.put("loop_process_cpu_s", processCpu < 0 ? Double.NaN : processCpu / 1e9);
        out.putAll(b.stats());
        out.put("end_to_end_s", secondsSinceLaunch());
        out.put("spikes", spikes);
        // A rate per group, unless there are so many that the line would be mostly rates.
        for (Group g : net.groups().size() > 50 ? java.util.List.<Group>of() : net.groups()) {
            if (!g.source()) {
                out.put("rate_hz_" + g.name(), g.spikeTotal()[0] / (double) g.size() / simulatedS);
            }
        }
        double from = transientMs != null ? transientMs : "microcircuit".equals(name) ? Microcircuit.TRANSIENT_MS : 0;
        Map<String, Object> stats = new LinkedHashMap<>();
        for (Monitor mon : net.monitors()) {
            if (mon instanceof SpikeMonitor sm && net.groups().stream().anyMatch(g -> g.name().equals(sm.spec().target()))) {
                int size = net.group(sm.spec().target()).size();
                int recorded = sm.spec().indices() != null ? sm.spec().indices().length : size;
                SpikeStatistics st = SpikeStatistics.of(sm.pairs(), size, recorded, Math.round(from / spec.dt()), result.steps(),
                        spec.dt());
                stats.put(sm.spec().target(), Map.of("rate_hz", st.rateHz(), "cv_isi", st.cvIsi(), "cv_neurons",
                        st.counted()));
            }
        }
        if (!stats.isEmpty()) {
            out.put("from_ms", from);
            out.put("spike_statistics", stats);
        }
        out.put("synaptic_events", events);
        out.put("synaptic_events_per_s", events / result.wallSeconds());
        out.put("realtime_factor", result.wallSeconds() / simulatedS);
        out.put("peak_heap_mb", peakHeap() / 1e6);
        out.put("peak_rss_mb", peakRssKb() / 1e3);
        out.put("heap_bytes_per_synapse", synapses == 0 ? 0 : heapBuilt / (double) synapses);
        return out;
    }

    /** {@return the process's CPU time in ns, all threads, or -1 where the JVM does not report it} */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    /**
     * From the launcher's start (its SPIKEFORGE_LAUNCHED_AT, bash's $EPOCHREALTIME, in microseconds),
     * else from the process's start, which Linux reports only to about 10 ms.
     */
    private static double secondsSinceLaunch() {
        String launched = System.getenv("SPIKEFORGE_LAUNCHED_AT");
        Instant now = Instant.now();
        if (launched != null && !launched.isBlank()) {
            try {
                double at = Double.parseDouble(launched.trim().replace(',', '.'));
                return now.getEpochSecond() + now.getNano() / 1e9 - at;
            } catch (NumberFormatException e) {
                // Not the launcher's value: fall back to the process start.
            }
        }
        return Duration.between(ProcessHandle.current().info().startInstant().orElse(now), now).toNanos() / 1e9;
    }

    private static long usedHeap() {
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** @return VmHWM from /proc (peak resident set), or -1 where there is none */
    private static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
