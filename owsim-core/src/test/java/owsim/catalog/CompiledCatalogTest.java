package owsim.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build's binary form of the bundled catalog is the YAML's, record for record and in order:
 * a cost answer reads the one, users and the docs read the other.
 */
class CompiledCatalogTest {
    @Test
    void theBuildWroteTheCompiledCatalogAndItEqualsTheYaml() {
        CatalogFile compiled = Catalog.readCompiled();
        assertThat(compiled).as("the build step writes " + Catalog.COMPILED + " beside the classes").isNotNull();
        CatalogFile yaml = Catalog.bundledFromYaml();
        // Records compare every component (texts, lists of sources, doubles bit for bit).
        assertThat(compiled.models()).containsExactlyElementsOf(yaml.models());
        assertThat(compiled.accelerators()).containsExactlyElementsOf(yaml.accelerators());
        assertThat(compiled.models()).hasSizeGreaterThan(10);
        assertThat(compiled.accelerators()).hasSizeGreaterThan(10);
    }

    @Test
    void theBundledCatalogIsTheCompiledOneInTheYamlsOrder() {
        Catalog bundled = Catalog.bundled();
        CatalogFile yaml = Catalog.bundledFromYaml();
        assertThat(List.copyOf(bundled.models())).isEqualTo(yaml.models());
        assertThat(List.copyOf(bundled.accelerators())).isEqualTo(yaml.accelerators());
    }

    @Test
    void aRoundTripKeepsAbsentTextsAndPublishedCounts() throws IOException {
        ModelSpec m = Catalog.bundled().model("llama-3.1-8b");
        ModelSpec bare = new ModelSpec("bare", null, null, null, m.layers(), m.hiddenSize(), m.vocabSize(), true,
            m.contextTokens(), m.nativeWeights(), null, m.attention(), m.ffn(), null, null, null);
        CatalogFile file = new CatalogFile(List.of(m, bare), List.of(Catalog.bundled().accelerator("h100-sxm")));
        assertThat(roundTrip(file)).isEqualTo(file);
    }

    @Test
    void anotherFormatVersionOrTrailingBytesAreRefused() throws IOException {
        byte[] ok = bytes(new CatalogFile(List.of(), List.of()));
        byte[] version = ok.clone();
        version[7]++;
        assertThatThrownBy(() -> CatalogCodec.read(new DataInputStream(new ByteArrayInputStream(version))))
            .hasMessageContaining("format " + (CatalogCodec.VERSION + 1));
        byte[] longer = java.util.Arrays.copyOf(ok, ok.length + 1);
        assertThatThrownBy(() -> CatalogCodec.read(new DataInputStream(new ByteArrayInputStream(longer))))
            .hasMessageContaining("after its end");
        byte[] other = ok.clone();
        other[0] = 'X';
        assertThatThrownBy(() -> CatalogCodec.read(new DataInputStream(new ByteArrayInputStream(other))))
            .hasMessageContaining("not a compiled owsim catalog");
    }

    private static CatalogFile roundTrip(CatalogFile file) throws IOException {
        return CatalogCodec.read(new DataInputStream(new ByteArrayInputStream(bytes(file))));
    }

    private static byte[] bytes(CatalogFile file) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            CatalogCodec.write(file, out);
        }
        return b.toByteArray();
    }
}
