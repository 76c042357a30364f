package owsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.io.InputException;

class ScenarioOverridesTest {
    /** The four-lab world, whose values the reads below pin. */
    private final Scenario base = TestWorlds.fourLabs();
    private final ScenarioOverrides overrides = new ScenarioOverrides();

    @Test
    void setsTopLevelNestedListAndMapFields() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("technology.spilloverPerMonth", 0.07);
        v.put("labs[open-challenger].researchers", 1234);
        v.put("segments[consumers].churnPerMonth", 0.05);
        v.put("labs[frontier-closed].initialAwareness.developers", 0.25);
        v.put("labs[open-challenger].policy", "closed");
        v.put("run.months", 12.0);
        v.put("mechanisms.spillover", 0.0);
        Scenario s = overrides.apply(base, v);
        assertThat(s.technology().spilloverPerMonth()).isEqualTo(0.07);
        assertThat(s.labs().get(s.labIndex("open-challenger")).researchers()).isEqualTo(1234.0);
        assertThat(s.labs().get(s.labIndex("open-challenger")).policy()).isEqualTo("closed");
        assertThat(s.segments().get(s.segmentIndex("consumers")).churnPerMonth()).isEqualTo(0.05);
        assertThat(s.labs().get(s.labIndex("frontier-closed")).initialAwareness()).containsEntry("developers", 0.25);
        assertThat(s.months()).isEqualTo(12);
        assertThat(s.mechanisms().spillover()).isFalse();
        // the rest is untouched, and the base is not modified
        assertThat(s.labs().get(s.labIndex("small-open"))).isEqualTo(base.labs().get(base.labIndex("small-open")));
        assertThat(base.technology().spilloverPerMonth()).isNotEqualTo(0.07);
        assertThat(overrides.apply(base, "labs[1].researchers", 77).labs().get(1).researchers()).isEqualTo(77.0);
    }

    @Test
    void anEnumKeyedMapEntryIsReplacedNotAddedBesideAsText() {
        // optionUtility is keyed by option kind: a text key "free" would be a second entry the model never reads.
        Scenario s = overrides.apply(base, "segments[consumers].optionUtility.free", -1.0);
        Map<OptionKind, Double> u = s.segments().get(s.segmentIndex("consumers")).optionUtility();
        assertThat(u).hasSize(base.segments().get(base.segmentIndex("consumers")).optionUtility().size());
        assertThat(u.get(OptionKind.FREE)).isEqualTo(-1.0);
        assertThat(overrides.value(s, "segments[consumers].optionUtility.free")).isEqualTo(-1.0);
        assertThat(overrides.value(base, "segments[consumers].optionUtility.free")).isEqualTo(-2.5);
        assertThat(overrides.value(base, "labs[frontier-closed].brandUtility")).isEqualTo(1.5);
        assertThatThrownBy(() -> overrides.apply(base, "segments[consumers].optionUtility.fre", -1.0))
            .isInstanceOf(InputException.class).hasMessageContaining("unknown key 'fre'").hasMessageContaining("free");
    }

    @Test
    void manyPathsAtOnceMakeTheScenarioThatOneAtATimeMakes() {
        String[] paths = {"technology.spilloverPerMonth", "segments[consumers].churnPerMonth", "labs[open-challenger].researchers",
            "segments[consumers].priceWeightPerUsd", "labs[1].initialAwareness.developers", "labs[frontier-closed].researchers",
            "technology.researchElasticity", "run.months", "technology.spilloverPerMonth"};
        double[] values = {0.07, 0.05, 1234, 0.3, 0.25, 900, 0.4, 24, 0.08};
        Scenario oneAtATime = base;
        for (int k = 0; k < paths.length; k++) oneAtATime = overrides.apply(oneAtATime, paths[k], values[k]);
        Scenario atOnce = overrides.apply(base, paths, values);
        assertThat(atOnce).isEqualTo(oneAtATime);
        assertThat(atOnce.technology().spilloverPerMonth()).isEqualTo(0.08); // the later of two values wins
        assertThat(atOnce.labs().get(1).initialAwareness()).containsEntry("developers", 0.25);
    }

    @Test
    void aPriceWeightSoSmallThatTheConsumerSurplusOverflowsIsRefused() {
        // Found by the 10,000-case fuzz run: 4.9e-324 as a Morris range's minimum ran, and the surplus was Infinity.
        assertThatThrownBy(() -> overrides.apply(base, "segments[consumers].priceWeightPerUsd", 4.9e-324))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("must be 0 or between 1e-12 and 100");
        assertThat(overrides.apply(base, "segments[consumers].priceWeightPerUsd", 0).segments().get(0).priceWeightPerUsd()).isZero();
        assertThat(overrides.apply(base, "segments[consumers].priceWeightPerUsd", 1e-12).segments().get(0).priceWeightPerUsd()).isEqualTo(1e-12);
        // A region's willingness to pay divides the weight: the region's part must stay above the bound too.
        Scenario tiny = overrides.apply(base, new String[] {"segments[consumers].priceWeightPerUsd", "regions[west].willingnessToPay"}, new double[] {1e-12, 100});
        assertThatThrownBy(() -> Regions.expand(tiny)).hasMessageContaining("segments[consumers].priceWeightPerUsd: 1.0E-12 over region west's willingnessToPay 100.0");
    }

    @Test
    void manyPathsAtOnceFailWithTheMessageOfTheFirstInvalidPath() {
        String[] paths = {"technology.spilloverPerMonth", "segments[consumers].churnPerMonth", "segments[consumers].priceWeightPerUsd"};
        assertThatThrownBy(() -> overrides.apply(base, paths, new double[] {0.07, 1.5, 0.3}))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("segments[consumers].churnPerMonth: ");
        assertThatThrownBy(() -> overrides.apply(base, new String[] {"technology.spilloverPerMonth", "labs[nope].researchers"}, new double[] {0.07, 1}))
            .hasMessageContaining("no labs element with id 'nope'");
    }

    @Test
    void unknownKeysNameThePathAndTheValidKeys() {
        assertThatThrownBy(() -> overrides.apply(base, "technology.spilloverPerMnth", 0.1))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("technology.spilloverPerMnth: unknown key 'spilloverPerMnth' in 'technology'; did you mean 'spilloverPerMonth'?")
            .hasMessageContaining("Valid keys: algorithmicProgressPerYear,");
        assertThatThrownBy(() -> overrides.apply(base, "labs[open-chalenger].researchers", 1))
            .hasMessageContaining("no labs element with id 'open-chalenger'; did you mean 'open-challenger'?")
            .hasMessageContaining("ids: frontier-closed, open-challenger");
        assertThatThrownBy(() -> overrides.apply(base, "labz[x].y", 1)).hasMessageContaining("did you mean 'labs'?");
        assertThatThrownBy(() -> overrides.apply(base, "labs.researchers", 1)).hasMessageContaining("is a list: pick an element as labs[id]");
        assertThatThrownBy(() -> overrides.check(base, "technology")).hasMessageContaining("is a section; name one of its fields");
        assertThatThrownBy(() -> overrides.check(base, "labs[app-giant].nope")).hasMessageContaining("Valid keys: id, description, policy");
        overrides.check(base, "labs[app-giant].researchers");
        overrides.check(base, "labs[app-giant].initialAwareness.consumers");
    }

    @Test
    void valuesAreValidatedByTheRecords() {
        assertThatThrownBy(() -> overrides.apply(base, "segments[consumers].churnPerMonth", 1.5))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("segments[consumers].churnPerMonth: ")
            .hasMessageContaining("churnPerMonth");
        assertThatThrownBy(() -> overrides.apply(base, "run.months", 12.5)).hasMessageContaining("must be a whole number");
        assertThatThrownBy(() -> overrides.apply(base, "labs[open-challenger].policy", "sometimes")).hasMessageContaining("labs[open-challenger].policy");
    }
}
