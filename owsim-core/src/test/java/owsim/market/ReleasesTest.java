package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import owsim.catalog.ModelSpec;
import owsim.catalog.ParameterCount;

class ReleasesTest {
    @Test
    void scalingATemplateToItsOwnSizeGivesBackItsShape() {
        ModelSpec v3 = Fixtures.CATALOG.model("deepseek-v3");
        double active = ParameterCount.of(v3).active();
        ModelSpec m = ModelScaler.scale(v3, active, "copy");
        assertThat((double) ParameterCount.of(m).active()).isCloseTo(active, within(0.01 * active));
        assertThat(m.layers()).isEqualTo(v3.layers());
        assertThat(m.ffn().experts()).isEqualTo(256);
        assertThat(m.attention().kind()).isEqualTo(v3.attention().kind());
    }

    @Test
    void monthZeroReleasesAFamilyPerLabWithRealArchitectures() {
        World w = Fixtures.world(Fixtures.FOUR_LABS);
        MarketState s = Runs.start(w);
        new Releases().apply(w, s);
        for (int i = 0; i < w.labs; i++) {
            var l = w.scenario.labs().get(i);
            var t = w.scenario.technology();
            int prev = l.firstReleaseMonth() - l.releaseEveryMonths();
            final int lab = i;
            Release f = s.releases.stream().filter(r -> r.lab == lab && r.frontier && r.month == prev).findFirst().orElseThrow();
            double c = l.trainingComputeFlop() * Math.pow(l.computeGrowthPerYear(), prev / 12.0);
            double r = t.tokensPerActiveParam() * Math.pow(t.tokensPerActiveParamGrowthPerYear(), prev / 12.0);
            double n = Math.sqrt(c / (6 * r));
            assertThat(f.activeParams).as(l.id()).isCloseTo(n, within(0.03 * n));
            assertThat(f.capability).isCloseTo(Math.log10(c * l.algorithmicEfficiency()), within(1e-9));
            ModelSpec template = w.labTable.templates[i];
            assertThat(f.model.attention().kind()).isEqualTo(template.attention().kind());
            assertThat(f.model.ffn().experts()).isEqualTo(template.ffn().experts());
            assertThat(f.isOpen()).isEqualTo(l.policy().equals("open"));
        }
    }

    @Test
    void distilledVariantsPayTheCapabilityPenalty() {
        World w = Fixtures.world(Fixtures.FOUR_LABS);
        MarketState s = Runs.start(w);
        new Releases().apply(w, s);
        Release f = s.frontier(1);
        Release v = s.releases.stream().filter(r -> r.lab == 1 && !r.frontier && r.month == f.month).findFirst().orElseThrow();
        // The penalty is on the requested sizes; the built architectures are within 3% of them.
        double requested = w.scenario.labs().get(1).variantActiveParams().get(0);
        assertThat(v.activeParams).isCloseTo(requested, within(0.03 * requested));
        double penalty = w.scenario.technology().distilledPenaltyPerDecade() * Math.log10(f.activeParams / v.activeParams);
        assertThat(f.capability - v.capability).isCloseTo(penalty, within(0.03));
    }
}
