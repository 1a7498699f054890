package io.spikeforge.core.equations;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * Writes the update kernel of an equation-defined neuron model, in the form of the hand-written
 * {@code NeuronKernels.lif}: two short loops without branches. The first integrates every variable
 * (holding those marked {@code (unless refractory)} while the neuron is refractory) and consumes the
 * input current; the second tests the threshold, applies the reset statements, counts the
 * refractory period down and writes the spike flags. Choices are 0/1 flags multiplied in, which is
 * exact for finite values.
 */
final class NeuronSource {

    /**
     * With variables held out while refractory ({@link #heldStates}), a refractory period counted in steps
     * keeps in {@code refractory[i]} one more than the steps the update still holds: 0 or 1, the neuron is
     * free ({@value}); the 1 of the first free step says that the last step was refractory, when Brian2
     * dropped its on_pre's writes to variables marked {@code (unless refractory)}, though the neuron
     * integrates again in this one ({@link #HELD}). Other models count the steps left ({@link #FREE_PLAIN}).
     */
    private static final String FREE_SHIFTED = "Math.min(1, Math.max(0, 2 - ref))";
    /** Whether the neuron is free, from {@code ref = refractory[i]}, the steps of refractoriness left. */
    private static final String FREE_PLAIN = "Math.max(0, 1 - ref)";
    /** 1 when the neuron was refractory (or spiked) in the last step, from {@code ref = refractory[i]}, shifted. */
    private static final String HELD = "Math.min(ref, 1)";

    private final NeuronPlan plan;
    private final EquationModel model;
    private final KernelWriter out = new KernelWriter();
    private final KernelNames names;

    NeuronSource(NeuronPlan plan) {
        this.plan = plan;
        this.model = plan.model();
        this.names = new KernelNames(model, out);
    }

    /** {@return the kernel's writer, after {@link #write}: its parameters say what to bind} */
    KernelWriter writer() {
        return out;
    }

    /**
     * {@return the variables whose inputs from outside the update (a synapse's on_pre) are held out while
     * the neuron is refractory}: those the variant names ({@link EquationModel#HELD}) that are marked
     * {@code (unless refractory)} under a refractory period counted in steps. Each keeps its value after the
     * last update in {@code h_x}, which the next update takes instead of the array's (with the inputs) while
     * refractory, so that an input then is lost, as in Brian2.
     */
    List<String> heldStates() {
        if (plan.refractory().kind() != NeuronPlan.RefractoryKind.COUNTER || plan.threshold() == null) {
            return List.of();
        }
        return model.derivatives.keySet().stream().filter(x -> model.held.contains(x)
                && model.flagged(x, "unless refractory")).toList();
    }

    /** {@return the kernel method's source} */
    String write() {
        List<String> states = new ArrayList<>(model.derivatives.keySet());
        Set<String> resetTargets = new LinkedHashSet<>();
        plan.reset().forEach(s -> resetTargets.add(s.target()));
        for (String x : states) {
            out.array("s_" + x, "float[]", true, true, "var:" + x);
        }
        List<String> held = heldStates();
        for (String x : held) {
            out.array("h_" + x, "float[]", true, true, "held:" + x);
        }
        for (String e : model.elements) {
            if (e.equals(plan.input())) {
                continue;
            }
            out.array("a_" + e, "float[]", resetTargets.contains(e), true, "var:" + e);
            names.bind(e, "e_" + e);
        }
        if (plan.input() != null) {
            out.array("current", "float[]", true, true, "current");
            names.bind(plan.input(), "e_" + plan.input());
        } else {
            out.array("current", "float[]", true, true, "current");
        }
        out.array("spikes", "int[]", true, true, "spikes");
        NeuronPlan.Refractory ref = plan.refractory();
        if (ref.kind() != NeuronPlan.RefractoryKind.NONE) {
            out.array("refractory", "int[]", true, true, "refractory");
        }
        if (plan.lastspike()) {
            out.array("lastspike", "float[]", true, true, "lastspike");
            names.bind("lastspike", "e_lastspike");
        }
        names.bind("not_refractory", "free");
        for (String x : states) {
            names.bind(x, "v_" + x);
        }
        JavaText j = names.text();

        out.open("for (int i = from; i < to; i++)");
        loads(states, j);
        // Brian2 runs the synapses' on_pre before the resets: on a neuron that spiked in the last step, an
        // input that arrived since (delivered before this kernel) is lost to a reset that sets a constant
        // (V = Vr). The spike flags still hold the last step's: set those variables again.
        List<Statements.Statement> again = resetsAgain();
        if (!again.isEmpty()) {
            out.line("float spiked = spikes[i];");
            for (Statements.Statement st : again) {
                out.line("v_" + st.target() + " = spiked * " + j.of(st.value()) + " + (1f - spiked) * v_"
                        + st.target() + ";");
            }
        }
        if (plan.input() != null) {
            out.line("float e_" + plan.input() + " = current[i];");
        }
        out.line("current[i] = 0f;");
        switch (ref.kind()) {
            case NONE -> out.line("float free = 1f;");
            case COUNTER -> {
                out.line("int ref = refractory[i];");
                out.line("float free = " + (held.isEmpty() ? FREE_PLAIN : FREE_SHIFTED) + ";");
            }
            case CONDITION -> {
                out.line("float free = 1f - " + j.of(ref.condition()) + ";");
                out.line("refractory[i] = 1 - (int) free;");
            }
        }
        if (!held.isEmpty()) {
            // Refractory in the last step (its on_pre then reached a read-only variable): the value after the
            // last update, without the inputs delivered since.
            out.line("float held = " + HELD + ";");
        }
        for (String x : held) {
            out.line("v_" + x + " = (1f - held) * v_" + x + " + held * h_" + x + "[i];");
        }
        if (!states.isEmpty()) {
            names.integration().write(plan.method(), states);
        }
        for (String x : states) {
            if (model.flagged(x, "unless refractory") && ref.kind() != NeuronPlan.RefractoryKind.NONE) {
                out.line("s_" + x + "[i] = free * n_" + x + " + (1f - free) * v_" + x + ";");
            } else {
                out.line("s_" + x + "[i] = n_" + x + ";");
            }
        }
        out.close();

        if (plan.threshold() != null) {
            out.open("for (int i = from; i < to; i++)");
            loads(states, j);
            switch (ref.kind()) {
                case NONE -> out.line("float free = 1f;");
                case COUNTER -> {
                    out.line("int ref = refractory[i];");
                    out.line("float free = " + (held.isEmpty() ? FREE_PLAIN : FREE_SHIFTED) + ";");
                }
                case CONDITION -> out.line("float free = 1 - refractory[i];");
            }
            out.line("float fires = Math.min(free, " + j.of(plan.threshold()) + ");");
            out.line("int fire = (int) fires;");
            for (Statements.Statement s : plan.reset()) {
                String target = model.derivatives.containsKey(s.target()) ? "v_" + s.target() : "e_" + s.target();
                out.line(target + " = fires * " + j.of(s.value()) + " + (1f - fires) * " + target + ";");
            }
            for (String t : resetTargets) {
                out.line((model.derivatives.containsKey(t) ? "s_" + t + "[i] = v_" : "a_" + t + "[i] = e_") + t + ";");
            }
            for (String x : held) {
                out.line("h_" + x + "[i] = v_" + x + ";");
            }
            if (ref.perElement(model)) {
                out.array("refSteps", "int[]", false, true, "refSteps");
                out.line("refractory[i] = Math.max(ref - 1, 0) + fire * " + (held.isEmpty() ? "refSteps[i]"
                        : "(refSteps[i] + 1)") + ";");
            } else if (ref.kind() == NeuronPlan.RefractoryKind.COUNTER) {
                out.scalar("refSteps", "int", v -> v.get("refSteps"));
                out.line("refractory[i] = Math.max(ref - 1, 0) + fire * " + (held.isEmpty() ? "refSteps"
                        : "(refSteps + 1)") + ";");
            }
            if (plan.lastspike()) {
                names.clock();
                out.line("lastspike[i] = fires * t + (1f - fires) * e_lastspike;");
            }
            out.line("spikes[i] = fire;");
            out.close();
        }
        String doc = "The update of the neuron model '" + model.def.name() + "', generated from its equations:\n"
                + "<pre>\n" + escape(model.def.field("equations")) + "</pre>\n"
                + "integrated by " + plan.method() + (plan.threshold() != null ? "; threshold "
                + escape(model.def.field("threshold")) : "") + ".";
        String annotation = names.usesClock() ? "@Kernel" : "@Kernel(elementwise = true)";
        return out.method("update", annotation, doc);
    }

    /**
     * The reset statements {@link #write} applies again to the neurons that spiked in the last step: of
     * each variable with a derivative, its last assignment, when it sets a value constant for the element.
     */
    private List<Statements.Statement> resetsAgain() {
        Map<String, Statements.Statement> lastAssigned = new LinkedHashMap<>();
        plan.reset().forEach(st -> lastAssigned.put(st.target(), st));
        return lastAssigned.values().stream().filter(st -> st.op().equals("=")
                && model.derivatives.containsKey(st.target()) && model.isConstantPerElement(st.value())).toList();
    }

    /**
     * {@return the source of the kernel that applies {@link #resetsAgain} to the state arrays, as the
     * update does first in registers, or null when there are none}; with {@code settle} its writer.
     * The network runs it only for monitors that record at the start of the step (Brian2's state there).
     */
    String writeSettle(KernelWriter settle) {
        List<Statements.Statement> again = resetsAgain();
        List<String> held = heldStates();
        if (again.isEmpty() && held.isEmpty()) {
            return null;
        }
        KernelNames settleNames = new KernelNames(model, settle);
        Set<String> targets = new LinkedHashSet<>();
        again.forEach(st -> targets.add(st.target()));
        targets.addAll(held);
        for (String x : targets) {
            settle.array("s_" + x, "float[]", true, true, "var:" + x);
        }
        for (String x : held) {
            settle.array("h_" + x, "float[]", false, true, "held:" + x);
        }
        if (!held.isEmpty()) {
            settle.array("refractory", "int[]", false, true, "refractory");
        }
        settle.array("spikes", "int[]", false, true, "spikes");
        List<String> elements = model.elements.stream().filter(e -> !e.equals(plan.input())).toList();
        for (String e : elements) {
            settle.array("a_" + e, "float[]", false, true, "var:" + e);
            settleNames.bind(e, "e_" + e);
        }
        JavaText j = settleNames.text();
        settle.open("for (int i = from; i < to; i++)");
        settle.line("float spiked = spikes[i];");
        for (String e : elements) {
            settle.line("float e_" + e + " = a_" + e + "[i];");
        }
        for (Statements.Statement st : again) {
            String x = st.target();
            settle.line("s_" + x + "[i] = spiked * " + j.of(st.value()) + " + (1f - spiked) * s_" + x + "[i];");
        }
        if (!held.isEmpty()) {
            settle.line("int ref = refractory[i];");
            settle.line("float held = " + HELD + ";");
        }
        for (String x : held) {
            settle.line("s_" + x + "[i] = (1f - held) * s_" + x + "[i] + held * h_" + x + "[i];");
        }
        settle.close();
        String doc = "The resets of the neuron model '" + model.def.name() + "' that set a constant, applied again"
                + " to the neurons that spiked in the last step after this step's deliveries (Brian2 runs on_pre"
                + " before the resets), and the inputs held out of refractory neurons, as the update does first;"
                + " run for monitors that record at the start of a step.";
        return settle.method("settle", "@Kernel(elementwise = true)", doc);
    }

    private void loads(List<String> states, JavaText j) {
        for (String x : states) {
            out.line("float v_" + x + " = s_" + x + "[i];");
        }
        for (String e : model.elements) {
            if (!e.equals(plan.input())) {
                out.line("float e_" + e + " = a_" + e + "[i];");
            }
        }
        if (plan.lastspike()) {
            out.line("float e_lastspike = lastspike[i];");
        }
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;");
    }
}
