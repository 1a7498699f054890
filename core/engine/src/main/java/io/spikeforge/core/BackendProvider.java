package io.spikeforge.core;

import io.spikeforge.core.backend.BackendFactory;

/** A backend contributed from another module (found with ServiceLoader), for example TornadoVM. */
public interface BackendProvider {

    /** @return the name {@code --backend} selects it by */
    String name();

    /** @return whether the backend's runtime is present (for TornadoVM: the SDK on the module path) */
    default boolean available() {
        return true;
    }

    /** @return its factory */
    BackendFactory factory();

    /** @return one line per device this backend can run on, for {@code spikeforge devices} */
    default java.util.List<String> devices() {
        return java.util.List.of();
    }
}
