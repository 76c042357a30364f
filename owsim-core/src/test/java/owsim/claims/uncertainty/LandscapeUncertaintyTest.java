package owsim.claims.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.experiment.design.SampleMatrix;
import owsim.io.InputException;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;
import owsim.scenario.TestWorlds;

/**
 * The default world's uncertainty file ({@code experiments/claims-uncertainty.yaml}, the eight-lab
 * landscape's): it loads around the default ({@code base: default}), every path resolves there and
 * every world is a valid scenario, the two mechanisms the landscape switches off are on in every
 * world, it does not load around the four-lab world, and a range the landscape refuses is named at its line.
 */
class LandscapeUncertaintyTest {
    static final Path FILE = Path.of("..", "experiments", "claims-uncertainty.yaml");
    static final List<String> CLAIMS = List.of("a");

    static UncertaintySet load(Integer worlds) {
        return UncertaintySet.load(FILE, worlds, CLAIMS);
    }

    @Test void everyParameterHasASourceOrAnAssumption() throws Exception {
        assertThat(UncertaintyAnalysisTest.parametersWithSourceOrAssumption(FILE)).isGreaterThanOrEqualTo(100);
    }

    @Test void itLoadsAroundTheLandscapeAndEveryWorldIsAValidScenario() throws Exception {
        UncertaintySet set = load(null);
        assertThat(set.worlds()).isEqualTo(256);
        assertThat(set.experiment().base().name()).isEqualTo("landscape-2025");
        // The landscape's own mechanisms' assumptions, which four-labs-uncertainty.yaml (the four-lab world's) does not sample.
        assertThat(set.paths()).contains("enterpriseContracts.maxSeats", "enterpriseContracts.termMonths",
            "enterpriseContracts.labs.frontier-closed.premiumUtils", "segments[consumers].multiHoming.placed.us-open",
            "segments[consumers].multiHoming.placedTokenShare", "financing.scaleRounds.minValuationUsd",
            "financing.scaleRounds.capabilityBandLog10Flop", "financing.scaleRounds.monthsBetweenRounds",
            "financing.scaleRounds.valuationRevenueMultiple", "financing.scaleRounds.roundShareOfValuation",
            "financing.parentFundingUsdPerYear.open-challenger", "segments[consumers].multiHoming.share",
            "segments[consumers].multiHoming.tokenShare", "parentApps.labs.us-open.engagementShare",
            "cloudHosting.labs.china-cloud-open.hostShare", "cloudHosting.labs.us-giant.grossMargin", "wageBids.ceilingToBase",
            "ecosystem.derivativeHalfLifeMonths", "segments[consumers].churnPerMonth", "segments[developers].ecosystemWeight",
            "thirdPartyFineTunes.labs.open-challenger", "segments[developers].usageGrowthPerYear");
        // The big firms' price weight is fitted in the landscape, so it is not sampled.
        assertThat(set.paths()).doesNotContain("segments[major-players].priceWeightPerUsd");
        // Every world builds (each sampled value is one the landscape allows), on a few worlds to keep the test short.
        UncertaintySet sixteen = load(16);
        WorldRunner runner = new WorldRunner(sixteen, owsim.claims.Claims.all(), owsim.catalog.Catalog.bundled());
        runner.checkWorlds();
        // The two mechanisms the landscape switches off are on in every world, with their shares and rates in range.
        SampleMatrix m = sixteen.sample();
        for (int w = 0; w < m.runs(); w++) {
            Scenario s = runner.world(w);
            assertThat(s.mechanisms().thirdPartyFineTunes()).as("world " + w).isTrue();
            assertThat(s.mechanisms().usageGrowth()).as("world " + w).isTrue();
            double a = s.thirdPartyFineTunes().labs().get("open-challenger");
            assertThat(a).isBetween(0.0, 1.0).isEqualTo(m.value(w, m.indexOf("thirdPartyFineTunes.labs.open-challenger")));
            assertThat(m.value(w, m.indexOf("segments[developers].usageGrowthPerYear"))).isBetween(1.0, 3.0);
        }
        assertThat(Scenarios.defaultScenario().mechanisms().thirdPartyFineTunes()).isTrue();
    }

    /** Around the four-lab world (the command's SCENARIO) the landscape's paths do not resolve: the first is named at its line. */
    @Test void aroundTheFourLabWorldTheFirstLandscapeOnlyPathIsNamed() {
        assertThatThrownBy(() -> UncertaintySet.load(FILE, TestWorlds.FOUR_LABS_NAME, TestWorlds.fourLabsYaml(), 16, CLAIMS))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("claims-uncertainty.yaml:")
            .hasMessageContaining(".path: ");
    }

    /** A range the landscape refuses stops the file at load, naming the file, the parameter's line and column, the field and the path. */
    @Test void aRangeTheLandscapeRefusesIsNamed() throws Exception {
        String landscape = Scenarios.defaultYaml();
        String[][] cases = {
            {"segments[consumers].multiHoming.share", "0.2", "1.5", "max: 1.5 is not allowed"},
            {"thirdPartyFineTunes.labs.open-challenger", "-0.5", "1", "min: -0.5 is not allowed"},
            {"financing.scaleRounds.roundShareOfValuation", "0.04", "2", "max: 2 is not allowed"},
            {"cloudHosting.labs.us-giant.grossMargin", "0.24", "1.5", "max: 1.5 is not allowed"},
        };
        for (String[] c : cases) {
            String text = "name: u\nrootSeed: 1\nbase: default\ndesign: {kind: latin-hypercube, runs: 4}\nparameters:\n"
                + "  - path: technology.spilloverPerMonth\n    min: 0.02\n    max: 0.1\n"
                + "  - path: " + c[0] + "\n    min: " + c[1] + "\n    max: " + c[2] + "\n";
            int line = c[3].startsWith("min") ? 10 : 11;
            assertThatThrownBy(() -> UncertaintySet.parse("u.yaml", text, Path.of("."), "default", landscape, null, CLAIMS))
                .as(c[0])
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("u.yaml:" + line + ":5: parameters[1]." + c[3] + " for " + c[0] + ": ");
        }
    }
}
