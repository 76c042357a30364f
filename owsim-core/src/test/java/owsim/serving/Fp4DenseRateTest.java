package owsim.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static owsim.serving.Fixtures.hw;
import static owsim.serving.Fixtures.model;

import org.junit.jupiter.api.Test;
import owsim.catalog.WeightFormat;

/**
 * The FP4 dense GEMM rate against rows (ComputeRates.fp4DenseRelativeEfficiency; docs/SERVING.md, "NVFP4 on B200"):
 * the fitted kernel curves stay within 25% of every point of the public B200 tables they were fitted to, and FP4
 * dense GEMMs run no faster than FP8 ones until several hundred rows.
 */
class Fp4DenseRateTest {
    /** vLLM's B200 tables at N 6,144, K 4,096: rows, NVFP4 TFLOPS (pull 20578), FP8 TFLOPS (pulls 18778 and 19566). */
    private static final double[][] TABLE = {
        {16, 71.160, 139.305}, {64, 281.971, 542.514}, {128, 549.527, 914.948}, {256, 1102.033, 1478.033},
        {512, 2187.996, 1795.571}, {1024, 2894.987, 2585.291}, {16384, 3904.329, 2447.032}};

    @Test void fittedKernelCurvesFollowThePublishedTables() {
        for (double[] row : TABLE) {
            double m = row[0];
            double fp4 = ComputeRates.FP4_SUSTAINED_TFLOPS * m / (m + ComputeRates.FP4_HALF_ROWS);
            double fp8 = ComputeRates.FP8_SUSTAINED_TFLOPS * m / (m + ComputeRates.FP8_HALF_ROWS);
            assertThat(fp4 / row[1] - 1).as("NVFP4 at %s rows", m).isBetween(-0.25, 0.25);
            assertThat(fp8 / row[2] - 1).as("FP8 at %s rows", m).isBetween(-0.25, 0.25);
            // The relative efficiency is the ratio of the two shares of their peaks (9,000 and 4,500 TFLOPS).
            assertThat(ComputeRates.fp4DenseRelativeEfficiency(m)).isCloseTo((fp4 / 9000) / (fp8 / 4500),
                org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    @Test void fp4IsNoFasterThanFp8UntilSeveralHundredRowsAndNeverReachesTwice() {
        // Relative efficiency 0.5 is the FP8 rate on a device whose FP4 peak is twice its FP8 peak.
        assertThat(ComputeRates.fp4DenseRelativeEfficiency(64)).isBetween(0.25, 0.35);
        assertThat(ComputeRates.fp4DenseRelativeEfficiency(370)).isLessThan(0.5);
        assertThat(ComputeRates.fp4DenseRelativeEfficiency(2048)).isGreaterThan(0.5);
        assertThat(ComputeRates.fp4DenseRelativeEfficiency(1e9)).isLessThan(0.86);
    }

    /** Only 4-bit weights on a device with FP4 units: the same weights on Hopper (FP8 math) and FP8 on Blackwell are untouched. */
    @Test void appliesOnlyToFp4Math() {
        assertThat(ComputeRates.denseRunsAtFp4(hw("b200"), WeightFormat.INT4)).isTrue();
        assertThat(ComputeRates.denseRunsAtFp4(hw("b200"), WeightFormat.FP8)).isFalse();
        assertThat(ComputeRates.denseRunsAtFp4(hw("h200"), WeightFormat.INT4)).isFalse();
        // Llama-3.3-70B NVFP4 on one B200 at its 1000/1000 batch (about 370): with FP4 at twice the FP8-fitted rate the
        // step was weight-stream bound; at the FP4 rate of 370-row GEMMs it is compute-bound.
        ServingEngine engine = new ServingEngine();
        ServeRequest r = ServeRequest.of(model("llama-3.1-70b"), hw("b200")).withGpus(1).withFormats(WeightFormat.INT4, KvFormat.FP8)
            .withTokens(1000, 1000).withBatch(370);
        assertThat(engine.evaluate(r).bound()).isEqualTo("compute");
    }
}
