package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import owsim.scenario.CloudHostingSpec;
import owsim.scenario.EnterpriseContractsSpec;
import owsim.scenario.ParentAppsSpec;

/**
 * Every metric name constant names a series a run of the default world records, so the constants cannot drift from {@link Metrics}
 * (the default world with a parent's value and a cloud for its open challenger, a wageBids section for the pay offers, a planPricing section for the plans,
 * a releaseDecisions section for the release policies,
 * multi-homing consumers with a placed assistant and seats under contract: series only such runs record).
 */
class MetricNamesTest {
    @Test void everyConstantIsASeriesOfTheDefaultRun() throws IllegalAccessException {
        RunResult r = Fixtures.ENGINE.run(PlacedAssistantsTest.withPlaced(Fixtures.FOUR_LABS, 0.3).withWageBids(WageBidsTest.RULE).withPlanPricing(PlanPricingTest.RULE).withReleaseDecisions(ReleaseDecisionsTest.RULE).withMonths(2)
            .withParentApps(new ParentAppsSpec(Map.of("open-challenger", new ParentAppsSpec.Lab(1, 0.1, null)), 0))
            .withCloudHosting(new CloudHostingSpec(Map.of("open-challenger", new CloudHostingSpec.Lab(0.5, 0.5))))
            .withEnterpriseContracts(new EnterpriseContractsSpec(12, 2, 1e6, 2, 0.02, 1, 0,
                Map.of("frontier-closed", new EnterpriseContractsSpec.Lab(30, 1e5, 0, 5)))));
        Set<String> metrics = new HashSet<>();
        Set<String> entities = new HashSet<>();
        for (Series s : r.series()) {
            metrics.add(s.metric());
            entities.add(s.entity());
        }
        int checked = 0;
        for (Field f : MetricNames.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != String.class) continue;
            String value = (String) f.get(null);
            if (f.getName().equals("MARKET")) assertThat(entities).contains(value);
            else assertThat(metrics).as(f.getName()).contains(value);
            checked++;
        }
        assertThat(checked).isGreaterThan(30);
        String lab = Fixtures.FOUR_LABS.labs().get(0).id();
        // With regions a segment's series are its regional parts' ("consumers.west").
        String segment = owsim.scenario.Regions.expand(Fixtures.FOUR_LABS).segments().get(0).id();
        String host = Fixtures.FOUR_LABS.hosts().get(0).id();
        assertThat(r.series(lab, MetricNames.users(owsim.scenario.OptionKind.API))).isNotNull();
        assertThat(r.series(segment, MetricNames.awarenessOf(lab))).isNotNull();
        assertThat(r.series(segment, MetricNames.users(lab, owsim.scenario.OptionKind.API))).isNotNull();
        assertThat(r.series(MetricNames.MARKET, MetricNames.hostRevenue(host))).isNotNull();
        assertThat(r.series(MetricNames.MARKET, MetricNames.hostServingCost(host))).isNotNull();
    }
}
