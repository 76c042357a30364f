package owsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import owsim.catalog.Catalog;
import owsim.io.InputException;

class ScenariosTest {
    private static String yaml() { return Scenarios.defaultYaml(); }

    /** The four-lab world's text, for the edits written against its lines (the mechanisms line, the consumers' churn and awareness). */
    private static String fourLabs() { return TestWorlds.fourLabsYaml(); }

    @Test
    void defaultIsTheEightLabLandscapeWithFiveSegments() {
        Scenario s = Scenarios.defaultScenario();
        assertThat(s.name()).isEqualTo("landscape-2025");
        assertThat(s.startMonth()).isEqualTo("2025-01");
        assertThat(s.months()).isEqualTo(60);
        assertThat(s.labs()).extracting(LabSpec::id).containsExactly("frontier-closed", "open-challenger", "app-giant", "small-open",
            "second-closed", "us-giant", "us-open", "china-cloud-open");
        assertThat(s.segments()).hasSize(5);
        assertThat(s.mechanisms().spillover()).isTrue();
        assertThat(s.mechanisms().thirdPartyFineTunes()).isTrue();
        assertThat(s.releaseDecisions()).isNotNull();
        assertThat(s.planPricing()).isNull();
        Scenarios.checkCatalog(s, Catalog.bundled());
    }

    @Test
    void theFourLabWorldLoadsWithFourLabsAndFiveSegments() {
        Scenario s = TestWorlds.fourLabs();
        assertThat(s.name()).isEqualTo("four-labs-2025");
        assertThat(s.startMonth()).isEqualTo("2025-01");
        assertThat(s.months()).isEqualTo(60);
        assertThat(s.labs()).extracting(LabSpec::id).containsExactly("frontier-closed", "open-challenger", "app-giant", "small-open");
        assertThat(s.segments()).hasSize(5);
        assertThat(s.mechanisms().spillover()).isTrue();
        assertThat(s.withMonths(12).months()).isEqualTo(12);
        assertThat(s.withSeed(7).seed()).isEqualTo(7);
        Scenarios.checkCatalog(s, Catalog.bundled());
    }

    @Test
    void unknownKeyGivesLineAndSuggestion() {
        String bad = yaml().replace("  spilloverPerMonth:", "  spilloverPerMnth:");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", bad))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("x.yaml:")
            .hasMessageContaining("technology.spilloverPerMnth")
            .hasMessageContaining("did you mean 'spilloverPerMonth'");
    }

    /** Positive values so small that a ratio of them overflows to infinity mid-run are refused at load, with the file, line and field (found by the scenario fuzz). */
    @ParameterizedTest
    @ValueSource(strings = {"referenceResearchers: 1500 |technology.referenceResearchers|between 1 and",
        "finalRunShareOfRdCompute: 0.1 |trainingBudget.finalRunShareOfRdCompute|between 0.01 and",
        "willingnessToPay: 0.3 |regions[1].willingnessToPay|between 0.01 and"})
    void aTinyPositiveValueThatWouldOverflowIsRefusedWhereItIsWritten(String row) {
        String[] p = row.split("\\|");
        String field = p[0].substring(0, p[0].indexOf(':'));
        String bad = yaml().replaceFirst(Pattern.quote(p[0]), Matcher.quoteReplacement(field + ": 4.9e-324 "));
        assertThat(bad).isNotEqualTo(yaml());
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", bad))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("x.yaml:")
            .hasMessageContaining(p[1])
            .hasMessageContaining(p[2]);
    }

    @Test
    void outOfRangeValueNamesTheField() {
        String bad = fourLabs().replace("churnPerMonth: 0.1 ", "churnPerMonth: 1.5 ");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", bad))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("segments[0].churnPerMonth")
            .hasMessageContaining("between 0 and 1");
    }

    @Test
    void badPolicyListsTheAllowedForms() {
        String bad = yaml().replaceFirst("policy: closed", "policy: open-later(3)");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", bad))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("labs[0].policy")
            .hasMessageContaining("open-delayed(months)");
    }

    @Test
    void distillerTargetMustBeALab() {
        String bad = yaml().replaceFirst("targets: \\[frontier-closed\\]", "targets: [frontier-closd]");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", bad))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("distillers[0].targets")
            .hasMessageContaining("frontier-closd")
            .satisfies(e -> assertThat(((InputException) e).line())
                .isEqualTo(lineOf(bad, "targets: [frontier-closd]")));
    }

    @Test
    void duplicateLabIdIsRefused() {
        String bad = yaml().replace("id: small-open", "id: app-giant");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", bad))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("labs[3].id")
            .hasMessageContaining("duplicate")
            .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(lineOf(bad, "- id: app-giant", 2)));
    }

    private static int lineOf(String text, String needle) { return lineOf(text, needle, 1); }

    private static int lineOf(String text, String needle, int occurrence) {
        String[] lines = text.split("\n", -1);
        int seen = 0;
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(needle) && ++seen == occurrence) return i + 1;
        throw new AssertionError(needle);
    }

    @Test
    void unknownTemplateModelNamesTheFieldAndClosestIds() {
        Scenario s = Scenarios.parse("x.yaml", yaml().replace("templateModel: deepseek-v3", "templateModel: deepseek-v9"));
        assertThatThrownBy(() -> Scenarios.checkCatalog(s, Catalog.bundled()))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("labs[1].templateModel")
            .hasMessageContaining("deepseek-v3");
    }

    @Test
    void unknownHardwareNamesTheField() {
        Scenario s = Scenarios.parse("x.yaml", yaml().replace("datacenterHardware: h100-sxm", "datacenterHardware: h100"));
        assertThatThrownBy(() -> Scenarios.checkCatalog(s, Catalog.bundled()))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("segments[3].datacenterHardware");
    }

    @Test
    void mechanismSwitchesDefaultToOnAndCanBeTurnedOff() {
        Scenario s = Scenarios.parse("x.yaml", fourLabs().replace("mechanisms: {}", "mechanisms: {spillover: false}"));
        assertThat(s.mechanisms().spillover()).isFalse();
        assertThat(s.mechanisms().talent()).isTrue();
        assertThat(Mechanisms.allOn().with("talent", false).talent()).isFalse();
    }

    /** One enum constant per switch of the record, each switching its own field alone, by the name the YAML uses. */
    @Test
    void everyMechanismSwitchNamesOneFieldAndSwitchesItAlone() throws ReflectiveOperationException {
        java.lang.reflect.RecordComponent[] fields = Mechanisms.class.getRecordComponents();
        assertThat(MechanismSwitch.values()).hasSameSizeAs(fields);
        for (MechanismSwitch sw : MechanismSwitch.values()) {
            assertThat(MechanismSwitch.parse(sw.yamlName())).isSameAs(sw);
            Mechanisms off = Mechanisms.allOn().with(sw, false);
            assertThat(off.isOn(sw)).isFalse();
            assertThat(Mechanisms.allOn().isOn(sw)).isTrue();
            for (java.lang.reflect.RecordComponent f : fields) {
                boolean expected = !f.getName().equals(sw.yamlName());
                assertThat(f.getAccessor().invoke(off)).as(sw + " off: " + f.getName()).isEqualTo(expected);
            }
        }
        assertThatThrownBy(() -> Mechanisms.allOn().with("telepathy", false))
            .hasMessageContaining("unknown switch 'telepathy'").hasMessageContaining("wordOfMouth");
    }

    /** A lab without brandUtility or defenceUsdPerMonth is refused at its line, not read as 0 (neither has a documented default). */
    @ParameterizedTest
    @ValueSource(strings = {"brandUtility", "defenceUsdPerMonth"})
    void aMissingNumberIsAnErrorNamingFileLineAndField(String field) {
        String text = yaml().replaceFirst("\n    " + field + ": [^\n]*", "");
        assertThat(text).isNotEqualTo(yaml());
        assertThatThrownBy(() -> Scenarios.parse("lab.yaml", text))
            .isInstanceOf(owsim.io.InputException.class)
            .hasMessageContaining("lab.yaml:")
            .hasMessageContaining("labs[0]." + field)
            .hasMessageContaining("missing");
    }

    // Issue 12: a lab's plan left out, empty or with no tokens.

    @Test
    void aLabWithoutSubscriptionOffersNone() {
        // Its pro plan goes with it: a pro plan is offered beside a subscription.
        String text = yaml().replaceFirst("\n    subscription: \\{usdPerMonth: 20, [^\n]*", "").replaceFirst("\n    pro: \\{usdPerMonth: 200, [^\n]*", "");
        Scenario s = Scenarios.parse("x.yaml", text);
        assertThat(s.labs().get(0).subscription()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"subscription: {}", "subscription: {usdPerMonth: 20, monthlyTokenCap: 0}", "subscription: {usdPerMonth: 20}"})
    void anEmptyPlanOrOneWithNoTokensIsRefusedAtItsLine(String plan) {
        String bad = yaml().replaceFirst("subscription: \\{usdPerMonth: 20, monthlyTokenCap: 3.0e7\\}", Matcher.quoteReplacement(plan));
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", bad))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("labs[0].subscription.monthlyTokenCap")
            .hasMessageContaining("leave the plan out")
            .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(lineOf(bad, plan)));
    }

    @Test
    void aFreeTierWithNoTokensIsRefused() {
        String bad = yaml().replaceFirst("freeTier: \\{usdPerMonth: 0, monthlyTokenCap: 1.0e6\\}", "freeTier: {usdPerMonth: 0, monthlyTokenCap: 0}");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", bad))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("labs[0].freeTier.monthlyTokenCap");
    }

    // Issue 12: every number of a scenario has a documented range; 1e308 in any field ran with NaN or Infinity.

    /** Each number written as a YAML value in the default scenario (not in comments or quotes): {line index, start, end}. */
    private static List<int[]> numbersIn(String text) {
        Pattern number = Pattern.compile("(?<=(?:: |\\[|, ))-?\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?(?=[,}\\] ]|$)");
        List<int[]> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String code = hash < 0 ? line : line.substring(0, hash);
            Matcher m = number.matcher(code);
            while (m.find()) found.add(new int[] {i, m.start(), m.end()});
        }
        return found;
    }

    /** About 200 parses of the whole default: the lower bounds were there before, so only the upper one is swept. */
    @Test
    void everyNumericFieldRefusesAnExtremeValueAtItsLine() {
        String extreme = "1e308";
        String text = yaml();
        String[] lines = text.split("\n", -1);
        List<int[]> numbers = numbersIn(text);
        assertThat(numbers).hasSizeGreaterThan(150);
        List<String> accepted = new ArrayList<>();
        for (int[] n : numbers) {
            String[] copy = lines.clone();
            copy[n[0]] = lines[n[0]].substring(0, n[1]) + extreme + lines[n[0]].substring(n[2]);
            String bad = String.join("\n", copy);
            try {
                Scenarios.parse("x.yaml", bad);
                accepted.add(lines[n[0]].trim());
            } catch (InputException e) {
                assertThat(e.line()).as(lines[n[0]]).isEqualTo(n[0] + 1);
                assertThat(e.field()).as(lines[n[0]]).isNotBlank();
                assertThat(e.getMessage()).as(lines[n[0]]).containsPattern("between|at most|whole number|from");
            }
        }
        assertThat(accepted).as("fields that accepted " + extreme).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"months: 12.5", "months: 12.0", "seed: 1.5", "releaseEveryMonths: 6.5", "firstReleaseMonth: 0.5"})
    void wholeNumberFieldsRefuseFractions(String written) {
        String field = written.substring(0, written.indexOf(':'));
        String bad = yaml().replaceFirst("(?m)^(\\s*)" + field + ": \\d+", "$1" + written);
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", bad))
            .isInstanceOf(InputException.class)
            .hasMessageContaining(field)
            .hasMessageContaining("expected a whole number")
            .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(lineOf(bad, written)))
            .satisfies(e -> assertThat(((InputException) e).column()).isPositive());
    }

    @ParameterizedTest
    @ValueSource(strings = {"initialAwareness: {consumers: ~, ", "initialAwareness: {consumers: , "})
    void anEmptyMapValueIsRefusedWithItsField(String written) {
        String bad = fourLabs().replaceFirst("initialAwareness: \\{consumers: 0.55, ", Matcher.quoteReplacement(written));
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", bad))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("labs[0].initialAwareness.consumers")
            .hasMessageContaining("needs a value")
            .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(lineOf(bad, written)));
    }

    @Test
    void anEmptyListEntryIsRefusedWithItsField() {
        String bad = yaml().replaceFirst("variantActiveParams: \\[5.0e9\\]", "variantActiveParams: [~]");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", bad))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("labs[0].variantActiveParams")
            .hasMessageContaining("entry 1 is empty");
    }
}
