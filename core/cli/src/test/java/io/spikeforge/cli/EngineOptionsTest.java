package io.spikeforge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EngineOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void theInstallationsPacksComeFirstThenEachPluginsOptionWhichReplacesTheEnvironment() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("packs"));
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        String env = a + File.pathSeparator + b;
        assertEquals(List.of(home.resolve("packs"), a, b), EngineOptions.packDirectories(List.of(), env, home.toString()));
        assertEquals(List.of(home.resolve("packs"), b), EngineOptions.packDirectories(List.of(b), env, home.toString()));
        assertEquals(List.of(a), EngineOptions.packDirectories(List.of(a, a), null, null), "each directory once");
        assertEquals(List.of(), EngineOptions.packDirectories(List.of(), " ", tmp.resolve("nowhere").toString()),
                "a home without packs/ adds nothing");
    }
}
