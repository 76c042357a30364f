package owsim.cli;

import java.nio.file.Path;
import owsim.catalog.Catalog;
import picocli.CommandLine.Option;

/** Shared {@code --catalog FILE} option: the bundled catalog plus the user's models and accelerators. */
final class CatalogOption {
    @Option(names = "--catalog", paramLabel = "FILE",
        description = "YAML file with extra or replacement models and accelerators (same form as the bundled catalog).")
    Path file;

    Catalog load() {
        return Catalog.bundledPlus(file);
    }
}
