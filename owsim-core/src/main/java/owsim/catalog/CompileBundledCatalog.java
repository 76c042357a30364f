package owsim.catalog;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build step that writes the bundled catalog's YAML in {@link CatalogCodec}'s binary form,
 * beside the compiled classes (Maven runs it after compiling owsim-core). It reads the YAML
 * exactly as owsim would, so a YAML error fails the build with file, line and field.
 */
public final class CompileBundledCatalog {
    private CompileBundledCatalog() {}

    /** Arguments: the classes folder (the output goes to {@link Catalog#COMPILED} under it). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: CompileBundledCatalog CLASSES_FOLDER");
        Path out = Path.of(args[0], Catalog.COMPILED.substring(1));
        Files.createDirectories(out.getParent());
        CatalogFile catalog = Catalog.bundledFromYaml();
        try (OutputStream f = Files.newOutputStream(out);
             DataOutputStream data = new DataOutputStream(new BufferedOutputStream(f))) {
            CatalogCodec.write(catalog, data);
        }
    }
}
