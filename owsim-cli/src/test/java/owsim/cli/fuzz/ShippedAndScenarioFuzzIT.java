package owsim.cli.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The fuzz harness ({@link FuzzHarness}), first half: every shipped file unchanged (the harness
 * itself rejects no valid input), and changed scenario files.
 */
class ShippedAndScenarioFuzzIT {
    private static final Path FAILURES = FuzzHarness.failures(ShippedAndScenarioFuzzIT.class);

    @Example
    void everyShippedFileAsItIsPasses() throws IOException {
        FuzzHarness.everyShippedFile(InputKind.values());
    }

    @Property(seed = "1202", shrinking = ShrinkingMode.BOUNDED)
    void scenarioFiles(@ForAll("scenarios") FuzzCase c) throws IOException {
        FuzzHarness.check(c, FuzzHarness.COLLECT ? FAILURES : null);
    }

    @Provide Arbitrary<FuzzCase> scenarios() {
        return FuzzHarness.cases(InputKind.SCENARIO);
    }

    @AfterContainer
    static void noFailureCollected() throws IOException {
        FuzzHarness.noFailureCollected(FAILURES);
    }
}
