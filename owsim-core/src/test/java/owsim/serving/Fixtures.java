package owsim.serving;

import java.util.List;
import owsim.catalog.AcceleratorKind;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.AttentionKind;
import owsim.catalog.AttentionSpec;
import owsim.catalog.Catalog;
import owsim.catalog.FfnSpec;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;

/** Shared test inputs: the bundled catalog and small hand-made records. */
final class Fixtures {
    static final Catalog CATALOG = Catalog.bundled();

    private Fixtures() {}

    static ModelSpec model(String id) { return CATALOG.model(id); }

    static AcceleratorSpec hw(String id) { return CATALOG.accelerator(id); }

    /** A GPT-3-like multi-head model: 32 layers, 32 heads of 128, hidden 4096, dense MLP 11008. */
    static ModelSpec mhaModel() {
        return new ModelSpec("mha-7b", null, "test", "2023-01", 32, 4096, 32000, false, 4096, WeightFormat.BF16, null,
            new AttentionSpec(AttentionKind.MHA, 32, 32, 128, 0, 0, 0, 0, 0, 0, 0, false),
            new FfnSpec(11008, 0, 0, 0, 0, 0, false), null, List.of(), null);
    }

    /** A device with round numbers: memory 100 GB, 1000 GB/s, 100 BF16 TFLOPS, $1/h, $10,000. */
    static AcceleratorSpec roundDevice(AcceleratorKind kind, int perNode, double networkGBps) {
        return new AcceleratorSpec("round", null, "test", kind, 100, 1000, 100, 200, 200, 0, perNode, 100, networkGBps,
            500, 10_000, 1.0, List.of(), null);
    }
}
