package io.spikeforge.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikeforge.core.plugin.PluginRegistry;
import io.spikeforge.spi.ParamSpec;

import java.util.List;
import java.util.Set;

/** The config's top-level keys ({@code name}, {@code dt}, {@code duration}, {@code seed}) and its backend. */
final class TopLevelSection {

    /** Every key the config may have at the top. */
    private static final Set<String> KEYS = Set.of("name", "dt", "duration", "seed", "backend", "populations",
            "inputs", "projections", "monitors", "models");
    private static final Set<String> BACKEND = Set.of("name", "threads", "device", "device_type");
    private static final List<String> DEVICE_TYPES = List.of("GPU", "CPU", "ACCELERATOR");
    static final NumberField DT = NumberField.of(ParamSpec.real("dt", 0.1, "ms", "the time step").positive());
    static final NumberField DURATION = NumberField.of(
            ParamSpec.optionalReal("duration", "ms", "the simulated time").asRequired().positive());
    private static final NumberField SEED = NumberField.of(ParamSpec.integer("seed", 0, "1", "the run's seed"))
            .refusing("expected an integer");
    static final NumberField THREADS = NumberField.of(ParamSpec.integer("threads", 0, "1",
            "JVM backend threads").between(0, 4096)).noting("0: one per core");

    /**
     * The run's settings; after a refusal a value is its default (NaN for dt and duration), and the read
     * fails anyway.
     *
     * @param name     the run's name
     * @param dt       time step in ms
     * @param duration simulated time in ms
     * @param seed     the run's seed
     * @param backend  backend name
     * @param threads  JVM backend threads, 0 for one per core
     * @param device   {@code backend:device}, {@code type:KIND}, or null for the backend's default
     */
    record Settings(String name, double dt, double duration, long seed, String backend, int threads,
                    String device) {
    }

    private final NodeChecks nodes;
    private final Problems problems;
    private final PluginRegistry registry;

    TopLevelSection(SectionContext context) {
        this.nodes = context.nodes();
        this.problems = context.problems();
        this.registry = context.registry();
    }

    /**
     * @return why no backend named {@code name} can run here, with the names that can, or null when one can
     */
    static String backendProblem(String name, PluginRegistry registry) {
        if (registry.backends().containsKey(name)) {
            return null;
        }
        if (name.equals("tornado")) {
            return "the TornadoVM backend is not available in this build. Install TornadoVM by its documentation,"
                    + " set TORNADOVM_HOME to the SDK, and run ./spikeforge again: it then builds with -Ptornado and"
                    + " starts the JVM with the SDK's tornado-argfile.";
        }
        return "unknown backend '" + name + "'." + Suggestions.didYouMean(name, registry.backends().keySet())
                + " Available: " + String.join(", ", registry.backends().keySet());
    }

    /** @return why {@code device} does not name a device as {@code ./spikeforge devices} lists it, or null */
    static String deviceProblem(String device) {
        return device.matches("\\d+:\\d+") ? null : "must be BACKEND:DEVICE as ./spikeforge devices lists it,"
                + " for example 0:0, got '" + device + "'";
    }

    /** Writes the command line's values over the config's, where the config's would be read. */
    static void applyOverrides(ObjectNode root, Overrides o) {
        if (o.duration() != null) {
            root.put("duration", o.duration());
        }
        if (o.dt() != null) {
            root.put("dt", o.dt());
        }
        if (o.seed() != null) {
            root.put("seed", o.seed());
        }
        if (o.backend() != null || o.threads() != null || o.device() != null) {
            JsonNode old = root.get("backend");
            ObjectNode b = old != null && old.isObject() ? (ObjectNode) old : JsonNodeFactory.instance.objectNode();
            if (old != null && old.isTextual()) {
                b.put("name", old.textValue());
            }
            if (o.backend() != null) {
                b.put("name", o.backend());
            }
            if (o.threads() != null) {
                b.put("threads", o.threads());
            }
            if (o.device() != null) {
                b.put("device", o.device());
            }
            root.set("backend", b);
        }
    }

    /** @return the settings of the config {@code root}, whose name is {@code defaultName} unless it gives one */
    Settings read(ObjectNode root, String defaultName) {
        nodes.unknownKeys(root, "", KEYS);
        String name = root.has("name") ? nodes.text(root.get("name"), "name") : defaultName;
        Double dt = DT.read(root, "dt", "dt", problems);
        Double duration = DURATION.read(root, "duration", "duration", problems);
        Double seed = SEED.read(root, "seed", "seed", problems);
        Settings top = new Settings(name, dt == null ? Double.NaN : dt, duration == null ? Double.NaN : duration,
                seed == null ? 0 : seed.longValue(), "jvm", 0, null);
        JsonNode b = root.get("backend");
        if (b == null) {
            return top;
        }
        if (b.isTextual()) {
            knownBackend(b.textValue());
            return withBackend(top, b.textValue(), 0, null);
        }
        if (!b.isObject()) {
            problems.add("backend", "expected a backend name or a mapping, got " + ParamChecker.show(b));
            return top;
        }
        return backend(top, b);
    }

    /** Reports a backend that cannot run here now, rather than once the network is built. */
    private void knownBackend(String name) {
        String problem = name == null ? null : backendProblem(name, registry);
        if (problem != null) {
            problems.add("backend.name", problem);
        }
    }

    private Settings backend(Settings top, JsonNode b) {
        nodes.unknownKeys(b, "backend", BACKEND);
        String backend = b.has("name") ? nodes.text(b.get("name"), "backend.name") : top.backend();
        knownBackend(backend);
        Double threads = THREADS.read(b, "threads", "backend.threads", problems);
        String device = null;
        if (b.has("device")) {
            device = nodes.text(b.get("device"), "backend.device");
            if (device != null && deviceProblem(device) != null) {
                problems.add("backend.device", deviceProblem(device));
            }
        }
        if (b.has("device_type")) {
            String type = nodes.text(b.get("device_type"), "backend.device_type");
            if (type != null && !DEVICE_TYPES.contains(type)) {
                problems.add("backend.device_type", "must be one of GPU, CPU, ACCELERATOR, got '" + type + "'"
                        + Suggestions.didYouMean(type, DEVICE_TYPES));
            } else if (type != null && device == null) {
                device = "type:" + type;
            }
        }
        return withBackend(top, backend, threads == null ? 0 : threads.intValue(), device);
    }

    private static Settings withBackend(Settings top, String backend, int threads, String device) {
        return new Settings(top.name(), top.dt(), top.duration(), top.seed(), backend, threads, device);
    }
}
