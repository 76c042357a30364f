package owsim.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static owsim.serving.Fixtures.hw;
import static owsim.serving.Fixtures.model;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.catalog.WeightFormat;

/** The throughput-against-interactivity frontier: only non-dominated points, monotone, each one the engine's own answer. */
class ServingParetoTest {
    private final ServingEngine engine = new ServingEngine();
    private final ServingPareto pareto = new ServingPareto(engine);

    @Test void frontierPointsAreNonDominatedAndMonotone() {
        for (String[] c : List.of(new String[] {"deepseek-v3", "h200"}, new String[] {"llama-3.1-70b", "h100-sxm"},
                new String[] {"qwen3-235b-a22b", "gb200-nvl72"}, new String[] {"gpt-oss-120b", "mi355x"})) {
            ParetoFrontier f = pareto.frontier(ServeRequest.of(model(c[0]), hw(c[1])));
            List<ParetoPoint> pts = f.points();
            assertThat(pts).as(c[0] + " on " + c[1]).hasSizeGreaterThanOrEqualTo(3);
            assertThat(f.evaluated()).isGreaterThanOrEqualTo(pts.size());
            for (int i = 1; i < pts.size(); i++) {
                // Down the list each user gets slower and each GPU does more.
                assertThat(pts.get(i).tokensPerSecondPerUser()).isLessThan(pts.get(i - 1).tokensPerSecondPerUser());
                assertThat(pts.get(i).tokensPerSecondPerGpu()).isGreaterThan(pts.get(i - 1).tokensPerSecondPerGpu());
            }
            for (ParetoPoint a : pts) for (ParetoPoint b : pts) assertThat(a.dominates(b)).isFalse();
        }
    }

    @Test void eachPointIsWhatTheEngineSaysForThatLayoutAndBatch() {
        ServeRequest base = ServeRequest.of(model("llama-3.1-70b"), hw("h100-sxm")).withFormats(WeightFormat.FP8, KvFormat.FP8);
        for (ParetoPoint p : pareto.frontier(base).points()) {
            ServeResult r = engine.evaluate(base.withGpus(p.gpus()).withBatch(p.batch()));
            assertThat(p.tokensPerSecondPerUser()).isEqualTo(r.decodeTokensPerSecondPerUser());
            assertThat(p.tokensPerSecondPerGpu()).isEqualTo(r.outputTokensPerSecondPerGpu());
            assertThat(p.usdPerMillionOutputTokens()).isEqualTo(r.usdPerMillionOutputTokens());
            assertThat(p.parallelism()).isEqualTo(r.parallelism());
        }
    }

    @Test void theFrontierReachesFromOneUserToTheMaxThroughputPoint() {
        ServeRequest base = ServeRequest.of(model("deepseek-v3"), hw("h200"));
        List<ParetoPoint> pts = pareto.frontier(base).points();
        ServeResult fastest = engine.evaluate(base.withBatch(1));
        // The frontier is over aggregated deployments (one deployment per point).
        ServeResult busiest = engine.evaluate(base.withServing(ServingMode.AGGREGATED));
        // The fastest point is at least as fast for a user as batch 1 on the fewest GPUs; the last at least as productive as max throughput.
        assertThat(pts.get(0).tokensPerSecondPerUser()).isGreaterThanOrEqualTo(fastest.decodeTokensPerSecondPerUser());
        assertThat(pts.get(pts.size() - 1).tokensPerSecondPerGpu())
            .isCloseTo(Math.max(busiest.outputTokensPerSecondPerGpu(), pts.get(pts.size() - 1).tokensPerSecondPerGpu()), withinPercentage(1e-9));
        assertThat(pts.get(pts.size() - 1).tokensPerSecondPerGpu()).isGreaterThanOrEqualTo(busiest.outputTokensPerSecondPerGpu() * (1 - 1e-9));
    }

    @Test void nonDominatedKeepsExactlyTheUnbeatenPoints() {
        Parallelism one = new Parallelism(1, 1, 1, 1);
        List<ParetoPoint> pts = new ArrayList<>();
        double[][] xy = {{100, 10}, {80, 30}, {80, 20}, {60, 25}, {50, 50}, {50, 50}, {10, 40}, {5, 60}};
        for (int i = 0; i < xy.length; i++) pts.add(new ParetoPoint("x", 1, one, i + 1, xy[i][0], xy[i][1], 1, true, 1));
        List<ParetoPoint> front = ServingPareto.nonDominated(pts);
        assertThat(front).extracting(ParetoPoint::batch).containsExactly(1, 2, 5, 8);
    }

    @Test void layoutsIncludeAWholeRackAndBatchesEndAtTheLargest() {
        assertThat(ServingPareto.gpuCounts(hw("gb200-nvl72"), 4)).containsExactly(4, 8, 16, 32, 64, 72);
        assertThat(ServingPareto.gpuCounts(hw("h200"), 8)).containsExactly(8, 16, 32, 64);
        assertThat(ServingPareto.gpuCounts(hw("rtx-4090"), 2)).containsExactly(2, 4);
        assertThat(ServingPareto.batches(100)).containsExactly(1, 2, 4, 8, 16, 32, 64, 100);
        assertThat(ServingPareto.batches(64)).containsExactly(1, 2, 4, 8, 16, 32, 64);
        assertThat(ServingPareto.batches(0)).isEmpty();
    }

    @Test void aModelThatDoesNotFitHasAnEmptyFrontier() {
        ParetoFrontier f = pareto.frontier(ServeRequest.of(model("deepseek-v3"), hw("rtx-4090")));
        assertThat(f.points()).isEmpty();
        assertThat(f.evaluated()).isZero();
    }
}
