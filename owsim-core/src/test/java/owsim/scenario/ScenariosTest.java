package owsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.io.InputException;

class ScenariosTest {
    private static String yaml() { return Scenarios.defaultYaml(); }

    @Test
    void defaultLoadsWithFourLabsAndFiveSegments() {
        Scenario s = Scenarios.defaultScenario();
        assertThat(s.name()).isEqualTo("default-2025");
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

    @Test
    void outOfRangeValueNamesTheField() {
        String bad = yaml().replace("churnPerMonth: 0.1 ", "churnPerMonth: 1.5 ");
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
        Scenario s = Scenarios.parse("x.yaml", yaml().replace("mechanisms: {}", "mechanisms: {spillover: false}"));
        assertThat(s.mechanisms().spillover()).isFalse();
        assertThat(s.mechanisms().talent()).isTrue();
        assertThat(Mechanisms.allOn().with("talent", false).talent()).isFalse();
    }
}
