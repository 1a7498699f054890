package io.spikeforge.core;

import io.spikeforge.core.backend.BackendFactory;

/** A backend contributed from another module (found with ServiceLoader), for example TornadoVM. */
public interface BackendProvider {

    /** @return the name {@code --backend} selects it by */
    String name();

    /** @return its factory */
    BackendFactory factory();
}
