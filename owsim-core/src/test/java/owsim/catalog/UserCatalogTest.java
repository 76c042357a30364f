package owsim.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import owsim.io.InputException;

/** A user's catalog file extends or replaces bundled entries, and its mistakes are reported precisely. */
class UserCatalogTest {
    private static final String MODEL = """
        models:
          - id: tiny-moe
            layers: 4
            hiddenSize: 1024
            vocabSize: 32000
            contextTokens: 8192
            nativeWeights: BF16
            nativeExpertWeights: mxfp4
            attention: {kind: gqa, queryHeads: 16, kvHeads: 4, headDim: 64}
            ffn: {moeIntermediate: 512, experts: 8, activeExperts: 2}
        """;

    @Test
    void userEntriesAddToTheBundledCatalogAndFormatAliasesParse(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("mine.yaml"), MODEL);
        Catalog c = Catalog.bundledPlus(file);
        ModelSpec m = c.model("tiny-moe");
        assertThat(m.nativeWeights()).isEqualTo(WeightFormat.BF16);
        assertThat(m.nativeExpertWeights()).isEqualTo(WeightFormat.INT4);
        assertThat(c.model("deepseek-v3")).isNotNull();
        assertThat(c.models()).hasSize(Catalog.bundled().models().size() + 1);
    }

    @Test
    void anEntryWithABundledIdReplacesIt(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("mine.yaml"), """
            accelerators:
              - id: h100-sxm
                kind: datacenter
                memoryGB: 80
                memoryBandwidthGBps: 3350
                bf16Tflops: 989
                devicesPerNode: 8
                powerWatts: 700
                purchaseUsd: 20000
                rentalUsdPerHour: 1.99
            """);
        Catalog c = Catalog.bundledPlus(file);
        assertThat(c.accelerator("h100-sxm").rentalUsdPerHour()).isEqualTo(1.99);
        assertThat(c.accelerators()).hasSize(Catalog.bundled().accelerators().size());
    }

    @Test
    void unknownWeightFormatNamesLineFieldAndAllowedValues(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), MODEL.replace("mxfp4", "fp5"));
        assertThatThrownBy(() -> Catalog.bundledPlus(file))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("bad.yaml:8")
            .hasMessageContaining("nativeExpertWeights")
            .hasMessageContaining("bf16, fp8, int8, int4");
    }

    @Test
    void anEmptySourceIsNamedNotANullPointer(@TempDir Path dir) throws IOException {
        // An empty list item ("- ~") reads as null; the fuzz test found it ended in a bare NullPointerException.
        Path file = Files.writeString(dir.resolve("bad.yaml"), MODEL.replace("nativeWeights: BF16", "sources: [~]\n    nativeWeights: BF16"));
        assertThatThrownBy(() -> Catalog.bundledPlus(file))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("bad.yaml:")
            .hasMessageContaining("sources: entry 1 is empty")
            .hasMessageNotContaining("NullPointerException");
    }

    @Test
    void misspeltKeyIsNamedWithASuggestion(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), MODEL.replace("activeExperts", "activeExpert"));
        assertThatThrownBy(() -> Catalog.bundledPlus(file))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("bad.yaml:10")
            .hasMessageContaining("activeExpert")
            .hasMessageContaining("did you mean 'activeExperts'");
    }

    @Test
    void activeExpertsAboveExpertsIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), MODEL.replace("activeExperts: 2", "activeExperts: 9"));
        assertThatThrownBy(() -> Catalog.bundledPlus(file))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("bad.yaml")
            .hasMessageContaining("activeExperts")
            .hasMessageContaining("between 1 and experts (8)");
    }
    // Issue 12: negative or absurd sizes and prices, and sizes that overflow together.

    @Test
    void aNegativeDeviceCountOrPriceIsRefusedWithLineAndField(@TempDir Path dir) throws IOException {
        String gpu = """
            accelerators:
              - id: my-gpu
                kind: datacenter
                memoryGB: 80
                memoryBandwidthGBps: 3350
                bf16Tflops: 989
                devicesPerNode: 8
                powerWatts: 700
                purchaseUsd: 20000
                rentalUsdPerHour: 1.99
            """;
        for (String[] bad : new String[][] {{"devicesPerNode: 8", "devicesPerNode: -8", "accelerators[0].devicesPerNode", ":7:"},
                {"purchaseUsd: 20000", "purchaseUsd: -20000", "accelerators[0].purchaseUsd", ":9:"},
                {"rentalUsdPerHour: 1.99", "rentalUsdPerHour: 1e300", "accelerators[0].rentalUsdPerHour", ":10:"},
                {"memoryGB: 80", "memoryGB: 0", "accelerators[0].memoryGB", ":4:"}}) {
            Path file = Files.writeString(dir.resolve("bad.yaml"), gpu.replace(bad[0], bad[1]));
            assertThatThrownBy(() -> Catalog.bundledPlus(file)).as(bad[1])
                .isInstanceOf(InputException.class)
                .hasMessageContaining("bad.yaml" + bad[3])
                .hasMessageContaining(bad[2]);
        }
    }

    @Test
    void sizesBeyondTheArchitectureLimitsAreRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), MODEL.replace("hiddenSize: 1024", "hiddenSize: 2147483647"));
        assertThatThrownBy(() -> Catalog.bundledPlus(file))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("bad.yaml:4")
            .hasMessageContaining("models[0].hiddenSize: must be a whole number from 1 to 1048576");
    }

    @Test
    void sizesThatOverflowTogetherAreRefusedAtLoad(@TempDir Path dir) throws IOException {
        // Within every single limit, but 2^20 x 2^16 x 2^16 query weights per layer over 10,000 layers are beyond 64 bits.
        Path file = Files.writeString(dir.resolve("bad.yaml"), MODEL.replace("layers: 4", "layers: 10000")
            .replace("hiddenSize: 1024", "hiddenSize: 1048576")
            .replace("{kind: gqa, queryHeads: 16, kvHeads: 4, headDim: 64}", "{kind: mha, queryHeads: 65536, kvHeads: 65536, headDim: 65536}"));
        assertThatThrownBy(() -> Catalog.bundledPlus(file))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("bad.yaml")
            .hasMessageContaining("models[0].parameters")
            .hasMessageContaining("more than 9223372036854775807 parameters");
    }
}
