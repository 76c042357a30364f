package owsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every {@code withX} copy of a scenario replaces its own components and keeps all the others, on the
 * default world (the eight-lab landscape), which has every section: what each copy did by hand before they shared one helper.
 */
class ScenarioCopyTest {
    private static final Scenario LANDSCAPE = Scenarios.defaultScenario();

    /** Each copy, with a value other than the landscape's, and the components it may change. */
    private static Map<String, Object[]> copies(Scenario s) {
        Map<String, Object[]> c = new LinkedHashMap<>();
        c.put("withNetwork", row(s.withNetwork(new NetworkSpec(NetworkSpec.Kind.ERDOS_RENYI, 7.0, null, null)), "network"));
        c.put("withMonths", row(s.withMonths(s.months() + 1), "run"));
        c.put("withSeed", row(s.withSeed(s.seed() + 1), "run"));
        c.put("withPayoff", row(s.withPayoff(s.run().payoff() == Payoff.values()[0] ? Payoff.values()[1] : Payoff.values()[0]), "run"));
        c.put("withMechanisms", row(s.withMechanisms(s.mechanisms().with(MechanismSwitch.values()[0], !s.mechanisms().isOn(MechanismSwitch.values()[0]))), "mechanisms"));
        c.put("withTechnology", row(s.withTechnology(new ScenarioOverrides().apply(s, "technology.referenceResearchers", 1234.0).technology()), "technology"));
        c.put("withMarket", row(s.withMarket(new ScenarioOverrides().apply(s, "market.newsHazardPerYear", 0.123).market()), "market"));
        c.put("withSegments", row(s.withSegments(reversed(s.segments())), "segments"));
        c.put("withDistillers", row(s.withDistillers(List.of()), "distillers"));
        c.put("withLabs", row(s.withLabs(reversed(s.labs())), "labs"));
        c.put("withRegions", row(s.withRegions(reversed(s.regions()), reversed(s.access()), reversed(s.exportControls())), "regions", "access", "exportControls"));
        c.put("withFinancing", row(s.withFinancing(FinancingSpec.defaults()), "financing"));
        c.put("withAdvertising", row(s.withAdvertising(AdvertisingSpec.defaults()), "advertising"));
        c.put("withTrainingBudget", row(s.withTrainingBudget(null), "trainingBudget"));
        c.put("withApiPricing", row(s.withApiPricing(null), "apiPricing"));
        c.put("withParentApps", row(s.withParentApps(null), "parentApps"));
        c.put("withCloudHosting", row(s.withCloudHosting(null), "cloudHosting"));
        c.put("withWageBids", row(s.withWageBids(null), "wageBids"));
        c.put("withEcosystem", row(s.withEcosystem(null), "ecosystem"));
        c.put("withEnterpriseContracts", row(s.withEnterpriseContracts(new EnterpriseContractsSpec(7, 1.5, 1e3, 1, 0, 0, 0,
            java.util.Map.of("second-closed", new EnterpriseContractsSpec.Lab(1, 10, 0, 0)))), "enterpriseContracts"));
        c.put("withThirdPartyFineTunes", row(s.withThirdPartyFineTunes(new ThirdPartyFineTunesSpec(0.123, Map.of())), "thirdPartyFineTunes"));
        c.put("withDerivativesPerBaseModel", row(s.withDerivativesPerBaseModel(null), "derivativesPerBaseModel"));
        c.put("withPlanPricing", row(s.withPlanPricing(new PlanPricingSpec(0.5, 4.0, 1.5, 0.5, 4.0, 1.25, 5.0, null, Map.of())), "planPricing"));
        c.put("withReleaseDecisions", row(s.withReleaseDecisions(new ReleaseDecisionsSpec(0.3, 0.5, 0.5, 0.1, 12, null,
            Map.of("open-challenger", new ReleaseDecisionsSpec.Menu("open", "closed")), Map.of())), "releaseDecisions"));
        return c;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> r = new ArrayList<>(list);
        java.util.Collections.reverse(r);
        return r;
    }

    private static Object[] row(Scenario copy, String... changed) {
        return new Object[] {copy, List.of(changed)};
    }

    private static Object component(RecordComponent rc, Scenario s) throws Exception {
        return rc.getAccessor().invoke(s);
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachCopyChangesItsComponentsAndKeepsTheRest() throws Exception {
        for (Map.Entry<String, Object[]> e : copies(LANDSCAPE).entrySet()) {
            Scenario copy = (Scenario) e.getValue()[0];
            List<String> changed = (List<String>) e.getValue()[1];
            List<String> differ = new ArrayList<>();
            for (RecordComponent rc : Scenario.class.getRecordComponents()) {
                if (!java.util.Objects.equals(component(rc, copy), component(rc, LANDSCAPE))) differ.add(rc.getName());
            }
            assertThat(differ).as(e.getKey()).isNotEmpty().isSubsetOf(changed);
        }
    }

    @Test
    void eachCopyWithItsOwnValueIsTheSameScenario() {
        Scenario s = LANDSCAPE;
        List<Function<Scenario, Scenario>> same = List.of(
            x -> x.withNetwork(x.network()), x -> x.withMonths(x.months()), x -> x.withSeed(x.seed()),
            x -> x.withPayoff(x.run().payoff()), x -> x.withMechanisms(x.mechanisms()), x -> x.withTechnology(x.technology()),
            x -> x.withMarket(x.market()), x -> x.withLabs(x.labs()), x -> x.withSegments(x.segments()),
            x -> x.withDistillers(x.distillers()), x -> x.withRegions(x.regions(), x.access(), x.exportControls()),
            x -> x.withFinancing(x.financing()), x -> x.withAdvertising(x.advertising()), x -> x.withTrainingBudget(x.trainingBudget()),
            x -> x.withApiPricing(x.apiPricing()), x -> x.withParentApps(x.parentApps()), x -> x.withCloudHosting(x.cloudHosting()),
            x -> x.withWageBids(x.wageBids()), x -> x.withEcosystem(x.ecosystem()), x -> x.withEnterpriseContracts(x.enterpriseContracts()),
            x -> x.withThirdPartyFineTunes(x.thirdPartyFineTunes()), x -> x.withDerivativesPerBaseModel(x.derivativesPerBaseModel()),
            x -> x.withPlanPricing(x.planPricing()), x -> x.withReleaseDecisions(x.releaseDecisions()));
        for (int i = 0; i < same.size(); i++) assertThat(same.get(i).apply(s)).as("copy %d", i).isEqualTo(s);
    }

    @Test
    void withLabsDropsTheGoneLabsFromEverySectionKeyedByLab() {
        List<LabSpec> kept = LANDSCAPE.labs().stream().filter(l -> !l.id().equals("china-cloud-open")).toList();
        Scenario s = LANDSCAPE.withLabs(kept);
        assertThat(s.labs()).isEqualTo(kept);
        assertThat(LANDSCAPE.parentApps().labs()).containsKey("china-cloud-open");
        assertThat(LANDSCAPE.cloudHosting().labs()).containsKey("china-cloud-open");
        assertThat(s.parentApps().labs()).doesNotContainKey("china-cloud-open").hasSize(LANDSCAPE.parentApps().labs().size() - 1);
        assertThat(s.cloudHosting().labs()).doesNotContainKey("china-cloud-open").hasSize(LANDSCAPE.cloudHosting().labs().size() - 1);
        assertThat(s.wageBids()).isEqualTo(LANDSCAPE.wageBids());
        assertThat(s.segments()).isEqualTo(LANDSCAPE.segments());
        assertThat(s.ecosystem()).isEqualTo(LANDSCAPE.ecosystem());
        assertThat(s.enterpriseContracts()).as("no lab of it is gone").isSameAs(LANDSCAPE.enterpriseContracts());
        assertThat(LANDSCAPE.enterpriseContracts().forLabs(List.of("frontier-closed", "us-giant")).labs()).containsOnlyKeys("frontier-closed");
    }
}
