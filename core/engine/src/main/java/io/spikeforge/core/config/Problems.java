package io.spikeforge.core.config;

import java.util.ArrayList;
import java.util.List;

/** Collects config errors so that all of them are reported at once. */
final class Problems {

    private final List<ConfigError> errors = new ArrayList<>();

    void add(String path, String message) {
        errors.add(new ConfigError(path, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    int size() {
        return errors.size();
    }

    List<ConfigError> list() {
        return errors;
    }
}
