package owsim.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import owsim.io.StrictYaml;

/** Written catalog YAML reads back, strictly, to the same records. */
class CatalogWriterTest {
    @Test
    void bundledCatalogRoundTrips() {
        Catalog c = Catalog.bundled();
        CatalogFile file = new CatalogFile(new ArrayList<>(c.models()), new ArrayList<>(c.accelerators()));
        String text = new CatalogWriter().toYaml(file);
        CatalogFile back = new StrictYaml().read("written", text, CatalogFile.class);
        assertThat(back).isEqualTo(file);
        assertThat(text).contains("kind: mla").contains("nativeExpertWeights: int4").doesNotContain("moe:");
    }

    @Test
    void importedModelWithoutPublishedCountsRoundTrips() throws Exception {
        ModelSpec m = HfConfigImport.fromJson("x.json", HfConfigImportTest.fixture("gpt-oss-20b"), "my-oss");
        String text = new CatalogWriter().toYaml(m);
        CatalogFile back = new StrictYaml().read("written", text, CatalogFile.class);
        assertThat(back.models()).containsExactly(m);
        assertThat(text).doesNotContain("published");
    }
}
