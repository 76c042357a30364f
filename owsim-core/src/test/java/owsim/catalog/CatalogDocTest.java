package owsim.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/CATALOG.md holds tables the code computes; this keeps them equal. To regenerate after a
 * catalog change: {@code mvn -o -pl owsim-core test -Dtest=CatalogDocTest -Dowsim.updateDocs=true}.
 */
class CatalogDocTest {
    private static final Path DOC = Path.of("..", "docs", "CATALOG.md");

    @Test
    void generatedTablesMatchTheCode() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String updated = replace(doc, "parameter-accuracy", CatalogDocTables.parameterAccuracy(Catalog.bundled()));
        updated = replace(updated, "weight-formats", CatalogDocTables.weightFormats());
        if (Boolean.getBoolean("owsim.updateDocs") && !updated.equals(doc)) {
            Files.writeString(DOC, updated, StandardCharsets.UTF_8);
            doc = updated;
        }
        assertThat(doc).as("docs/CATALOG.md generated tables (rerun with -Dowsim.updateDocs=true)").isEqualTo(updated);
    }

    @Test
    void everyBundledModelIsInTheAccuracyTable() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        for (ModelSpec m : Catalog.bundled().models()) assertThat(doc).contains("| " + m.id() + " |");
    }

    private static String replace(String doc, String name, String table) {
        String start = "<!-- generated:" + name + " -->\n";
        String end = "<!-- end:" + name + " -->";
        int s = doc.indexOf(start);
        int e = doc.indexOf(end);
        assertThat(s).as("marker " + start.trim()).isNotNegative();
        assertThat(e).as("marker " + end).isGreaterThan(s);
        return doc.substring(0, s + start.length()) + table + doc.substring(e);
    }
}
