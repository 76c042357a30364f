package owsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import owsim.io.InputException;

/**
 * Every field of the sections {@code parentApps}, {@code cloudHosting}, {@code wageBids},
 * {@code ecosystem} and a segment's {@code multiHoming} can be set by path: a map whose values are
 * records is indexed by key like a list by id, a map whose values are schedules by key and index.
 */
class ScenarioOverridesSectionsTest {
    /** The default world, the eight-lab landscape: it has every one of these sections. */
    private static final Scenario LANDSCAPE = Scenarios.defaultScenario();
    private final ScenarioOverrides overrides = new ScenarioOverrides();

    /** Each path, a value other than the landscape's, and how to read it back from the scenario's records. */
    private static Map<String, Object[]> cases() {
        Map<String, Object[]> c = new LinkedHashMap<>();
        c.put("parentApps.rampMonths", row(18, (Function<Scenario, Object>) s -> s.parentApps().rampMonths()));
        c.put("parentApps.labs.us-open.parentUsdPerUserMonth", row(30.0, s -> s.parentApps().labs().get("us-open").parentUsdPerUserMonth()));
        c.put("parentApps.labs.us-open.engagementShare", row(0.04, s -> s.parentApps().labs().get("us-open").engagementShare()));
        c.put("parentApps.labs.app-giant.startMonth", row("2024-06", s -> s.parentApps().labs().get("app-giant").startMonth()));
        c.put("cloudHosting.labs.us-giant.hostShare", row(0.2, s -> s.cloudHosting().labs().get("us-giant").hostShare()));
        c.put("cloudHosting.labs.china-cloud-open.grossMargin", row(0.5, s -> s.cloudHosting().labs().get("china-cloud-open").grossMargin()));
        c.put("wageBids.fillShareToRaise", row(0.8, s -> s.wageBids().fillShareToRaise()));
        c.put("wageBids.stepPerDecision", row(1.2, s -> s.wageBids().stepPerDecision()));
        c.put("wageBids.ceilingToBase", row(4.0, s -> s.wageBids().ceilingToBase()));
        c.put("wageBids.floorToBase", row(0.9, s -> s.wageBids().floorToBase()));
        c.put("wageBids.maxPayBillShareOfFunds", row(0.7, s -> s.wageBids().maxPayBillShareOfFunds()));
        c.put("wageBids.fixedSchedules.us-open[2]", row(1.5, s -> s.wageBids().fixedSchedules().get("us-open").get(2)));
        c.put("apiPricing.fixedSchedules.app-giant[0]", row(0.8, s -> s.apiPricing().fixedSchedules().get("app-giant").get(0)));
        c.put("segments[consumers].multiHoming.share", row(0.5, s -> s.segments().get(s.segmentIndex("consumers")).multiHoming().share()));
        c.put("segments[consumers].multiHoming.tokenShare", row(0.1, s -> s.segments().get(s.segmentIndex("consumers")).multiHoming().tokenShare()));
        c.put("segments[consumers].multiHoming.adImpressions", row(false, s -> s.segments().get(s.segmentIndex("consumers")).multiHoming().adImpressions()));
        c.put("ecosystem.derivativeHalfLifeMonths", row(24.0, s -> s.ecosystem().derivativeHalfLifeMonths()));
        return c;
    }

    private static Object[] row(Object value, Function<Scenario, Object> read) {
        return new Object[] {value, read};
    }

    @SuppressWarnings("unchecked")
    private static Object read(Object[] row, Scenario s) {
        return ((Function<Scenario, Object>) row[1]).apply(s);
    }

    @Test
    void everyFieldOfTheNewSectionsIsSetAndReadBack() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Map.Entry<String, Object[]> e : cases().entrySet()) {
            String path = e.getKey();
            Object value = e.getValue()[0];
            overrides.check(LANDSCAPE, path);
            assertThat(read(e.getValue(), LANDSCAPE)).as(path + " in the landscape").isNotEqualTo(value);
            Scenario s = overrides.apply(LANDSCAPE, path, value);
            assertThat(read(e.getValue(), s)).as(path).isEqualTo(value);
            assertThat(overrides.value(s, path)).as(path).isEqualTo(value);
            all.put(path, value);
        }
        // Set together: every record on the way rebuilt once, the same scenario as one at a time.
        Scenario together = overrides.apply(LANDSCAPE, all);
        Scenario oneAtATime = LANDSCAPE;
        for (Map.Entry<String, Object> e : all.entrySet()) oneAtATime = overrides.apply(oneAtATime, e.getKey(), e.getValue());
        assertThat(together).isEqualTo(oneAtATime);
        for (Map.Entry<String, Object[]> e : cases().entrySet()) assertThat(read(e.getValue(), together)).as(e.getKey()).isEqualTo(e.getValue()[0]);
        // The rest of a section is untouched: the other labs' entries and the schedule's other periods.
        assertThat(together.parentApps().labs().get("us-giant")).isEqualTo(LANDSCAPE.parentApps().labs().get("us-giant"));
        assertThat(together.parentApps().labs().keySet()).isEqualTo(LANDSCAPE.parentApps().labs().keySet());
        assertThat(together.wageBids().fixedSchedules().get("us-open")).containsExactly(1.0, 1.0, 1.5);
        assertThat(together.apiPricing().fixedSchedules().get("china-cloud-open")).containsExactly(1.0);
    }

    @Test
    void settingEachPathToItsOwnValueGivesTheSameScenario() {
        for (String path : cases().keySet()) {
            assertThat(overrides.apply(LANDSCAPE, path, overrides.value(LANDSCAPE, path))).as(path).isEqualTo(LANDSCAPE);
        }
        Scenario base = TestWorlds.fourLabs();
        assertThat(overrides.apply(base, "apiPricing.fixedSchedules.app-giant[0]", overrides.value(base, "apiPricing.fixedSchedules.app-giant[0]")))
            .isEqualTo(base);
    }

    @Test
    void anUnknownLabKeyOrFieldNamesThePathAndWhatIsAllowed() {
        assertThatThrownBy(() -> overrides.apply(LANDSCAPE, "parentApps.labs.us-opn.engagementShare", 0.03))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("parentApps.labs.us-opn.engagementShare: no key 'us-opn' in 'parentApps.labs'; did you mean 'us-open'?")
            .hasMessageContaining(" keys: ").hasMessageContainingAll("us-open", "us-giant", "app-giant", "china-cloud-open");
        assertThatThrownBy(() -> overrides.check(LANDSCAPE, "cloudHosting.labs.frontier-closed.hostShare"))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("cloudHosting.labs.frontier-closed.hostShare: no key 'frontier-closed' in 'cloudHosting.labs'")
            .hasMessageContaining(" keys: ").hasMessageContainingAll("china-cloud-open", "us-giant");
        assertThatThrownBy(() -> overrides.apply(LANDSCAPE, "cloudHosting.labs.us-giant.hostShar", 0.2))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("cloudHosting.labs.us-giant.hostShar: unknown key 'hostShar' in 'cloudHosting.labs.us-giant'; did you mean 'hostShare'?")
            .hasMessageContaining("Valid keys: hostShare, grossMargin");
        assertThatThrownBy(() -> overrides.check(LANDSCAPE, "parentApps.labs.us-open"))
            .hasMessageStartingWith("parentApps.labs.us-open: 'parentApps.labs' is a map of sections: name a key and one of its fields")
            .hasMessageContaining("; keys: ").hasMessageContainingAll("us-open", "us-giant", "app-giant", "china-cloud-open")
            .hasMessageContaining("fields: parentUsdPerUserMonth, engagementShare, startMonth");
        assertThatThrownBy(() -> overrides.apply(LANDSCAPE, "wageBids.fixedSchedules.us-open[3]", 1.2))
            .hasMessageStartingWith("wageBids.fixedSchedules.us-open[3]: us-open[3]: no such index; the list has 3 values, indices 0 to 2");
        assertThatThrownBy(() -> overrides.apply(LANDSCAPE, "wageBids.fixedSchedules.us-open", 1.2))
            .hasMessageContaining("'wageBids.fixedSchedules' is a map of lists: name a key and an index, e.g. wageBids.fixedSchedules.KEY[0]; keys: us-open");
        assertThatThrownBy(() -> overrides.apply(LANDSCAPE, "trainingBudget.fixedSchedules.us-open[0]", 1.2))
            .hasMessageContaining("no key 'us-open' in 'trainingBudget.fixedSchedules'; the map is empty in the base scenario");
        // Values are checked by the records, and the error names the path.
        assertThatThrownBy(() -> overrides.apply(LANDSCAPE, "parentApps.labs.us-open.engagementShare", 1.5))
            .hasMessageStartingWith("parentApps.labs.us-open.engagementShare: ").hasMessageContaining("engagementShare");
        assertThatThrownBy(() -> overrides.apply(LANDSCAPE, "wageBids.fixedSchedules.us-open[0]", 200))
            .hasMessageStartingWith("wageBids.fixedSchedules.us-open[0]: ").hasMessageContaining("fixedSchedules.us-open");
        assertThatThrownBy(() -> overrides.apply(LANDSCAPE, "parentApps.labs.us-open.startMonth", "2024-13"))
            .hasMessageStartingWith("parentApps.labs.us-open.startMonth: ");
        // The four-lab world has none of these sections.
        assertThatThrownBy(() -> overrides.apply(TestWorlds.fourLabs(), "parentApps.labs.us-open.engagementShare", 0.03))
            .hasMessageContaining("'parentApps' is absent in the base scenario");
    }

    @Test
    void schedulesStayListsOfTheirLength() {
        Scenario s = overrides.apply(LANDSCAPE, new String[] {"wageBids.fixedSchedules.us-open[0]", "wageBids.fixedSchedules.us-open[2]"}, new double[] {1.1, 2.0});
        List<Double> periods = s.wageBids().fixedSchedules().get("us-open");
        assertThat(periods).containsExactly(1.1, 1.0, 2.0);
        assertThatThrownBy(() -> periods.set(0, 3.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    /** A lab whose release policy is set to another leaves releaseDecisions (its menu would refuse it); the others stay. */
    @Test
    void aLabWhosePolicyIsSetLeavesTheReleaseDecisions() {
        assertThat(LANDSCAPE.releaseDecisions().labs()).containsKeys("frontier-closed", "us-open");
        Scenario s = overrides.apply(LANDSCAPE, "labs[frontier-closed].policy", "open-delayed(6)");
        assertThat(s.labs().get(s.labIndex("frontier-closed")).policy()).isEqualTo("open-delayed(6)");
        assertThat(s.releaseDecisions().labs()).doesNotContainKey("frontier-closed").hasSize(LANDSCAPE.releaseDecisions().labs().size() - 1);
        // By index, the same; set to the policy it has, it stays.
        Scenario byIndex = overrides.apply(LANDSCAPE, "labs[" + LANDSCAPE.labIndex("us-open") + "].policy", "closed");
        assertThat(byIndex.releaseDecisions().labs()).doesNotContainKey("us-open").containsKey("frontier-closed");
        String own = LANDSCAPE.labs().get(LANDSCAPE.labIndex("us-open")).policy();
        assertThat(overrides.apply(LANDSCAPE, "labs[us-open].policy", own).releaseDecisions()).isEqualTo(LANDSCAPE.releaseDecisions());
        // An unknown lab is still named.
        assertThatThrownBy(() -> overrides.apply(LANDSCAPE, "labs[nobody].policy", "open")).isInstanceOf(InputException.class).hasMessageContaining("nobody");
    }
}
