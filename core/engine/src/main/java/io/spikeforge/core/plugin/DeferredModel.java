package io.spikeforge.core.plugin;

import io.spikeforge.spi.ModelFactory;
import io.spikeforge.spi.ModelKind;
import io.spikeforge.spi.ParamSpec;
import io.spikeforge.spi.VariableSpec;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A model whose name and kind are known and whose making is left until a config, {@code plugins} or
 * {@code docs} first needs it: a plugin's model files are read at every start, and checking their
 * equations, dimensions and integration (tens of milliseconds for the built-in packs' files, in a JVM
 * that has not compiled the checker) would be paid by every run, also by runs that use none of them.
 * {@link PluginRegistry.Entry#factory()} hands out the made model, never this placeholder, so that
 * nothing downstream sees it; the methods below make it for callers that hold the placeholder itself.
 */
public final class DeferredModel implements ModelFactory {

    private final String name;
    private final ModelKind kind;
    private Supplier<ModelFactory> make;
    private ModelFactory made;
    private PackException failed;

    /**
     * @param name the model's name, as the registry lists it
     * @param kind the model's kind
     * @param make makes the model, or throws a {@link PackException} that names the pack and the problem
     */
    public DeferredModel(String name, ModelKind kind, Supplier<ModelFactory> make) {
        this.name = name;
        this.kind = kind;
        this.make = make;
    }

    /**
     * {@return the model, made on the first call}
     *
     * @throws PackException saying why the model cannot be made, the same on every call
     */
    public synchronized ModelFactory model() {
        if (made == null && failed == null) {
            try {
                made = make.get();
            } catch (PackException e) {
                failed = e;
            }
            make = null;
        }
        if (failed != null) {
            throw failed;
        }
        return made;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ModelKind kind() {
        return kind;
    }

    @Override
    public String description() {
        return model().description();
    }

    @Override
    public List<ParamSpec> parameters() {
        return model().parameters();
    }

    @Override
    public Set<String> perElement() {
        return model().perElement();
    }

    @Override
    public String oneValueReason(String parameter) {
        return model().oneValueReason(parameter);
    }

    @Override
    public List<VariableSpec> variables() {
        return model().variables();
    }

    @Override
    public String equations() {
        return model().equations();
    }

    @Override
    public String integration() {
        return model().integration();
    }

    @Override
    public String toString() {
        return kind.word() + " model " + name + (made != null ? " (made)" : " (not yet made)");
    }
}
