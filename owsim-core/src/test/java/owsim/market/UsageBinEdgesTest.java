package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import owsim.catalog.Catalog;
import owsim.random.Lognormal;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;
import owsim.scenario.SegmentSpec;
import owsim.serving.ServingEngine;
import org.junit.jupiter.api.Test;

/** The usage at each class's bin edges, which lets the usage step skip the logarithm for bins wholly above or below a break-even. */
class UsageBinEdgesTest {
    @Test
    void aBreakEvenJustOutsideABinGivesTheSameShareAsTheLogarithmicTest() {
        Scenario s = Fixtures.ONE_REGION;
        World w = new World(s, Catalog.bundled(), new ServingPrices(new ServingEngine(), s.technology().inputTokenShare()), null);
        for (int c = 0; c < w.classes; c++) {
            SegmentSpec seg = s.segments().get(w.userClasses.segment[c]);
            double hi = w.userClasses.usageHi[c];
            double lo = w.userClasses.usageLo[c];
            if (Double.isFinite(hi)) assertThat(tailAt(w, seg, c, hi * (1 + 1e-12))).as("class %d above its bin", c).isZero();
            if (lo > 0) assertThat(tailAt(w, seg, c, lo * (1 - 1e-12))).as("class %d below its bin", c).isEqualTo(1.0);
            double mid = Double.isFinite(hi) && lo > 0 ? Math.sqrt(lo * hi) : Double.isFinite(hi) ? hi / 2 : lo * 2;
            assertThat(tailAt(w, seg, c, mid)).as("class %d inside its bin", c).isStrictlyBetween(0.0, 1.0);
        }
    }

    private static double tailAt(World w, SegmentSpec seg, int c, double usage) {
        double z = Math.log(usage / seg.medianTokensPerMonth()) / seg.usageSigma();
        return Lognormal.sliceTail(z, w.userClasses.zLo[c], w.userClasses.zHi[c], w.userClasses.phiHi[c], w.userClasses.binProbability[c]);
    }
}
