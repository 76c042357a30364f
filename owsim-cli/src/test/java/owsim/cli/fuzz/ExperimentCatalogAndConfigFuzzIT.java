package owsim.cli.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;

/** The fuzz harness ({@link FuzzHarness}), second half: changed experiment, catalog and Hugging Face config files. */
class ExperimentCatalogAndConfigFuzzIT {
    private static final Path FAILURES = FuzzHarness.failures(ExperimentCatalogAndConfigFuzzIT.class);

    @Property(seed = "1203", shrinking = ShrinkingMode.BOUNDED)
    void experimentFiles(@ForAll("experiments") FuzzCase c) throws IOException {
        FuzzHarness.check(c, FuzzHarness.COLLECT ? FAILURES : null);
    }

    @Property(seed = "1204", shrinking = ShrinkingMode.BOUNDED)
    void catalogFiles(@ForAll("catalogs") FuzzCase c) throws IOException {
        FuzzHarness.check(c, FuzzHarness.COLLECT ? FAILURES : null);
    }

    @Property(seed = "1205", shrinking = ShrinkingMode.BOUNDED)
    void huggingFaceConfigs(@ForAll("configs") FuzzCase c) throws IOException {
        FuzzHarness.check(c, FuzzHarness.COLLECT ? FAILURES : null);
    }

    @Provide Arbitrary<FuzzCase> experiments() {
        return FuzzHarness.cases(InputKind.EXPERIMENT);
    }

    @Provide Arbitrary<FuzzCase> catalogs() {
        return FuzzHarness.cases(InputKind.CATALOG);
    }

    @Provide Arbitrary<FuzzCase> configs() {
        return FuzzHarness.cases(InputKind.HF_CONFIG);
    }

    @AfterContainer
    static void noFailureCollected() throws IOException {
        FuzzHarness.noFailureCollected(FAILURES);
    }
}
