package owsim.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled catalog loads, holds the required entries, and every entry says where its numbers come from. */
class BundledCatalogTest {
    private final Catalog catalog = Catalog.bundled();

    @Test
    void holdsTheModelsTheEnginesNeed() {
        List<String> ids = catalog.models().stream().map(ModelSpec::id).toList();
        assertThat(ids).contains("deepseek-v3", "deepseek-r1", "kimi-k2", "qwen3-235b-a22b", "qwen3-32b", "qwen3-8b",
            "llama-3.1-405b", "llama-3.1-70b", "llama-3.1-8b", "gpt-oss-120b", "gpt-oss-20b", "glm-4.5",
            "mixtral-8x7b", "gemma-3-27b");
    }

    @Test
    void holdsTheAcceleratorsTheEnginesNeed() {
        List<String> ids = catalog.accelerators().stream().map(AcceleratorSpec::id).toList();
        assertThat(ids).contains("h100-sxm", "h800", "h200", "b200", "a100-80gb", "l40s", "mi300x",
            "rtx-3090", "rtx-4090", "rtx-5090", "m3-ultra-512gb", "cpu-server",
            "gb200-nvl72", "gb300-nvl72", "b300", "mi325x", "mi355x", "h20", "tpu-v6e");
    }

    /**
     * The rack-scale, Blackwell Ultra, AMD, China-export and TPU entries read back as their
     * datasheets give them (per device, dense): memory GB, bandwidth GB/s, BF16 / FP8 / INT8 / FP4
     * TFLOPS, devices in the fast domain, scale-up and scale-out GB/s one way, W, USD, USD/h.
     */
    @Test
    void newerAcceleratorsReadBackTheirDatasheetFigures() {
        record Row(String id, double memGB, double bwGBps, double bf16, double fp8, double int8, double fp4, int perNode,
                   double upGBps, double outGBps, double watts, double usd, double usdPerHour) {}
        List<Row> rows = List.of(
            new Row("gb200-nvl72", 186, 8000, 2500, 5000, 5000, 10000, 72, 900, 50, 1200, 47900, 10.5),
            new Row("gb300-nvl72", 279, 8000, 2500, 5000, 165, 15000, 72, 900, 100, 1400, 60400, 7.25),
            new Row("b300", 270, 8000, 2250, 4500, 150, 13125, 8, 900, 100, 1100, 53000, 6.1),
            new Row("mi325x", 256, 6000, 1307, 2615, 2615, 0, 8, 448, 50, 1000, 17500, 2.1),
            new Row("mi355x", 288, 8000, 2517, 5033, 5033, 10066, 8, 537.6, 50, 1400, 25000, 2.95),
            new Row("h20", 96, 4000, 148, 296, 296, 0, 8, 450, 50, 400, 13500, 1.45),
            new Row("tpu-v6e", 32, 1638, 918, 0, 1836, 0, 256, 400, 12.5, 300, 0, 2.7));
        for (Row r : rows) {
            AcceleratorSpec a = catalog.accelerator(r.id());
            assertThat(List.of(a.memoryGB(), a.memoryBandwidthGBps(), a.bf16Tflops(), a.fp8Tflops(), a.int8Tops(), a.fp4Tflops(),
                    (double) a.devicesPerNode(), a.interconnectGBps(), a.networkGBps(), a.powerWatts(), a.purchaseUsd(), a.rentalUsdPerHour()))
                .as(r.id())
                .containsExactly(r.memGB(), r.bwGBps(), r.bf16(), r.fp8(), r.int8(), r.fp4(), (double) r.perNode(), r.upGBps(),
                    r.outGBps(), r.watts(), r.usd(), r.usdPerHour());
            assertThat(a.kind()).as(r.id()).isEqualTo(AcceleratorKind.DATACENTER);
            assertThat(a.notes()).as(r.id() + " notes name the native formats").contains("Native formats");
            // Dense FP8 is twice dense BF16 wherever FP8 units exist (a sparse figure slipping in would break this).
            if (a.fp8Tflops() > 0) assertThat(a.fp8Tflops() / a.bf16Tflops()).as(r.id()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.01));
        }
        assertThat(catalog.accelerator("tpu-v6e").purchasable()).isFalse();
        assertThat(catalog.accelerator("gb200-nvl72").purchasable()).isTrue();
    }

    @Test
    void homeDevicesAreConsumerCardsAndMacs() {
        for (AcceleratorSpec a : catalog.accelerators()) {
            assertThat(a.atHome()).as(a.id()).isEqualTo(a.id().startsWith("rtx-") || a.id().startsWith("m3-ultra"));
        }
    }

    @Test
    void aDeviceNeitherSoldNorRentedIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AcceleratorSpec("x", null, "v", AcceleratorKind.DATACENTER,
                10, 10, 10, 0, 0, 0, 1, 0, 0, 10, 0, 0, List.of(), null))
            .hasMessageStartingWith("purchaseUsd");
    }

    @Test
    void everyModelNamesItsSources() {
        for (ModelSpec m : catalog.models()) {
            assertThat(m.sources()).as(m.id() + " sources").isNotEmpty().allSatisfy(s -> assertThat(s).isNotBlank());
            assertThat(m.published()).as(m.id() + " published counts").isNotNull();
        }
    }

    @Test
    void everyAcceleratorNamesItsSources() {
        for (AcceleratorSpec a : catalog.accelerators()) {
            assertThat(a.sources()).as(a.id() + " sources").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(s -> assertThat(s).isNotBlank());
        }
    }

    @Test
    void consumerCardsAreOnPcieAndUnifiedOrCpuBoxesAreSingleDevices() {
        for (AcceleratorSpec a : catalog.accelerators()) {
            if (a.kind() == AcceleratorKind.CONSUMER) assertThat(a.interconnectGBps()).as(a.id()).isLessThanOrEqualTo(64);
            if (a.kind() == AcceleratorKind.UNIFIED || a.kind() == AcceleratorKind.CPU) assertThat(a.devicesPerNode()).as(a.id()).isEqualTo(1);
        }
    }

    @Test
    void slidingWindowModelsHaveTheirPublishedLayerSplit() {
        assertThat(catalog.model("gpt-oss-120b").attention().slidingWindowLayers()).isEqualTo(18);
        assertThat(catalog.model("gemma-3-27b").attention().slidingWindowLayers()).isEqualTo(52);
        assertThat(catalog.model("gpt-oss-120b").nativeExpertWeights()).isEqualTo(WeightFormat.INT4);
        assertThat(catalog.model("gpt-oss-120b").nativeWeights()).isEqualTo(WeightFormat.BF16);
    }
}
