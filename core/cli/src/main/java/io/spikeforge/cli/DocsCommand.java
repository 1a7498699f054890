package io.spikeforge.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/** {@code spikeforge docs}: the model reference (docs/models.md) from the registered models' metadata. */
@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Write the model reference (Markdown) from the registered models' metadata.")
final class DocsCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file (default: standard output).")
    Path out;

    @Mixin
    LogOptions log;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        log.apply();
        String md = ModelDocs.markdown(engineOptions.engine().registry());
        if (out == null) {
            System.out.print(md);
            return 0;
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = parent.resolve(out.getFileName() + ".tmp");
            Files.writeString(tmp, md);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("spikeforge: cannot write " + out + ": " + e.getMessage());
            return 2;
        }
        System.out.println("docs: " + out);
        return 0;
    }
}
