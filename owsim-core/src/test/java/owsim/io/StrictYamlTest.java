package owsim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import owsim.catalog.CatalogFile;

class StrictYamlTest {
    private final StrictYaml yaml = new StrictYaml();

    @Test
    void unknownKeyNamesFileLineFieldAndSuggestion() {
        String text = "accelerators:\n  - id: x\n    kind: datacenter\n    memoryGBs: 80\n";
        assertThatThrownBy(() -> yaml.read("hw.yaml", text, CatalogFile.class))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("hw.yaml:4:")
            .hasMessageContaining("accelerators[0].memoryGBs")
            .hasMessageContaining("did you mean 'memoryGB'");
    }

    @Test
    void rangeViolationNamesTheField() {
        String text = "accelerators:\n  - id: x\n    kind: datacenter\n    memoryGB: -1\n    memoryBandwidthGBps: 1\n"
            + "    bf16Tflops: 1\n    devicesPerNode: 1\n    powerWatts: 1\n    purchaseUsd: 1\n";
        assertThatThrownBy(() -> yaml.read("hw.yaml", text, CatalogFile.class))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("hw.yaml:")
            .hasMessageContaining("accelerators[0].memoryGB")
            .hasMessageContaining("must be > 0 and at most 100000, was -1");
    }

    @Test
    void badEnumListsAllowedValues() {
        String text = "accelerators:\n  - id: x\n    kind: quantum\n";
        assertThatThrownBy(() -> yaml.read("hw.yaml", text, CatalogFile.class))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("accelerators[0].kind")
            .hasMessageContaining("datacenter");
    }

    @Test
    void readsValidFile() {
        String text = "accelerators:\n  - id: x\n    kind: datacenter\n    memoryGB: 80\n    memoryBandwidthGBps: 1\n"
            + "    bf16Tflops: 1\n    devicesPerNode: 1\n    powerWatts: 1\n    purchaseUsd: 1\n";
        assertThat(yaml.read("hw.yaml", text, CatalogFile.class).accelerators()).hasSize(1);
    }
}
