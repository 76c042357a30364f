package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/** Every worked example in scenarios/ loads, runs with the identities intact, and shows what its first comment line says. */
class ExamplesTest {
    private static final Path DIR = Path.of("..", "scenarios");

    private static Scenario load(String name) { return Scenarios.load(DIR.resolve(name)); }

    private static double total(RunResult r, String entity, String metric) {
        double t = 0;
        for (double v : r.series(entity, metric).values()) t += v;
        return t;
    }

    @Test
    void everyExampleLoadsRunsAndSaysWhatItShows() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        for (Path f : files) {
            assertThat(Files.readAllLines(f).get(0)).as(f.toString()).startsWith("# Shows");
            Scenario s = Scenarios.load(f);
            assertThat(AccountingTest.checkEveryMonth(s)).isEqualTo(s.months());
        }
    }

    /** The examples built on the four-lab world: each has its labs and segments, and every line marked CHANGED changes its value there. */
    private static final List<String> DERIVED = List.of("frontier-opens.yaml", "mixed-source.yaml", "no-app-audience.yaml",
        "slow-progress.yaml", "three-regions.yaml");

    @Test
    void everyExampleIsTheFourLabWorldWithItsChangedLines() throws IOException {
        Path fourLabs = DIR.resolve("four-labs-2025.yaml");
        Map<String, String> base = values(Files.readAllLines(fourLabs));
        Scenario four = Scenarios.load(fourLabs);
        for (String name : DERIVED) {
            List<String> lines = Files.readAllLines(DIR.resolve(name));
            assertThat(lines.get(1)).as(name).contains("scenarios/four-labs-2025.yaml");
            Scenario s = load(name);
            assertThat(s.labs()).as(name).extracting(owsim.scenario.LabSpec::id).isEqualTo(four.labs().stream().map(owsim.scenario.LabSpec::id).toList());
            assertThat(s.segments()).as(name).extracting(owsim.scenario.SegmentSpec::id)
                .isEqualTo(four.segments().stream().map(owsim.scenario.SegmentSpec::id).toList());
            Map<String, String> own = values(lines);
            int changed = 0;
            for (Map.Entry<String, String> e : own.entrySet()) {
                if (!e.getKey().endsWith("!CHANGED")) continue;
                String key = e.getKey().substring(0, e.getKey().length() - "!CHANGED".length());
                assertThat(base.get(key)).as(name + ": " + key + " is marked CHANGED but is the four-lab world's").isNotEqualTo(e.getValue());
                changed++;
            }
            assertThat(changed).as(name + ": lines marked CHANGED").isPositive();
        }
    }

    /**
     * The plan demonstrations are the default world with their section and the run's name and description: with the
     * section taken out, every other part of the scenario is the default world's.
     */
    @Test
    void thePlanExamplesAreTheDefaultWorldWithTheirSection() throws ReflectiveOperationException {
        Scenario def = Scenarios.defaultScenario();
        Scenario plans = load("plan-pricing.yaml");
        Scenario profit = load("plan-profit.yaml");
        assertThat(plans.planPricing()).isNotNull();
        assertThat(def.planPricing()).isNull();
        // The profit demonstration is the plan-pricing one with the objective and a step wide enough for $20 -> $15.
        assertThat(profit.planPricing()).isEqualTo(new owsim.scenario.PlanPricingSpec(plans.planPricing().minMarginToCost(), plans.planPricing().maxMarginToCost(),
            plans.planPricing().maxCapStepPerDecision(), plans.planPricing().minCapShare(), plans.planPricing().maxCapShare(), 1.34,
            plans.planPricing().pricePointUsd(), null, java.util.Map.of(), owsim.scenario.PlanPricingSpec.Objective.PROFIT));
        for (Scenario s : List.of(plans.withPlanPricing(null), profit.withPlanPricing(null))) {
            for (java.lang.reflect.RecordComponent rc : Scenario.class.getRecordComponents()) {
                if (rc.getName().equals("run")) continue;
                assertThat(rc.getAccessor().invoke(s)).as(s.name() + ": " + rc.getName()).isEqualTo(rc.getAccessor().invoke(def));
            }
            for (java.lang.reflect.RecordComponent rc : owsim.scenario.RunSpec.class.getRecordComponents()) {
                if (rc.getName().equals("name") || rc.getName().equals("description")) continue;
                assertThat(rc.getAccessor().invoke(s.run())).as(s.name() + ": run." + rc.getName()).isEqualTo(rc.getAccessor().invoke(def.run()));
            }
            assertThat(s.name()).isNotEqualTo(def.name());
        }
    }

    /**
     * Each value line of a scenario's text by where it is: top-level section, the id of the list entry
     * it is in (or none), and its key; a line marked CHANGED under the same key suffixed "!CHANGED".
     */
    private static Map<String, String> values(List<String> lines) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        String section = "";
        String entry = "";
        for (String line : lines) {
            int hash = line.indexOf(" #");
            String code = (line.startsWith("#") ? "" : hash < 0 ? line : line.substring(0, hash)).stripTrailing();
            if (code.isBlank()) continue;
            if (!Character.isWhitespace(code.charAt(0))) {
                section = code.substring(0, Math.max(0, code.indexOf(':')));
                entry = "";
            }
            String t = code.strip();
            if (t.startsWith("- ")) {
                entry = t.substring(2);
                t = entry;
            }
            int colon = t.indexOf(':');
            if (colon < 0) continue;
            String key = section + "/" + entry + "/" + t.substring(0, colon);
            String value = t.substring(colon + 1).strip();
            out.put(line.contains("# CHANGED") ? key + "!CHANGED" : key, value);
        }
        return out;
    }

    @Test
    void frontierOpensRemovesItsHarvestBurden() {
        RunResult base = Fixtures.ENGINE.run(Fixtures.FOUR_LABS);
        RunResult open = Fixtures.ENGINE.run(load("frontier-opens.yaml"));
        assertThat(total(base, "frontier-closed", MetricNames.HARVEST_REVENUE_USD)).isGreaterThan(0);
        assertThat(total(open, "frontier-closed", MetricNames.DISTILLATION_BURDEN_USD)).isZero();
        assertThat(total(open, "frontier-closed", MetricNames.HARVEST_REVENUE_USD)).isZero();
    }

    @Test
    void mixedSourceOpensTheFrontierModelsLater() {
        // Financing off: a lab that exits releases nothing more, and its last model opens six months on.
        Scenario sc = load("mixed-source.yaml");
        RunResult mixed = Fixtures.ENGINE.run(sc.with(owsim.scenario.MechanismSwitch.FINANCING, false));
        double[] open = mixed.series("frontier-closed", MetricNames.OPEN_WEIGHTS).values();
        assertThat(open[0]).isZero();
        assertThat(open[59]).isZero(); // the newest model is never open: it opens six months after release
        assertThat(mixed.series(MetricNames.MARKET, MetricNames.BEST_OPEN_CAPABILITY).at(59))
            .isGreaterThan(Fixtures.ENGINE.run(Fixtures.FOUR_LABS.withMechanisms(Fixtures.FOUR_LABS.mechanisms().with(owsim.scenario.MechanismSwitch.FINANCING, false)))
                .series(MetricNames.MARKET, MetricNames.BEST_OPEN_CAPABILITY).at(59));
    }

    @Test
    void slowProgressKeepsTheLeadLonger() {
        RunResult slow = Fixtures.ENGINE.run(load("slow-progress.yaml"));
        RunResult base = Fixtures.ENGINE.run(Fixtures.FOUR_LABS);
        assertThat(slow.series("frontier-closed", MetricNames.CAPABILITY).at(59)).isLessThan(base.series("frontier-closed", MetricNames.CAPABILITY).at(59));
        // The month an open model first matches the month-0 frontier comes later: the closed lead depreciates more slowly.
        assertThat(firstMonthOpenReaches(slow)).isGreaterThan(firstMonthOpenReaches(base));
    }

    private static int firstMonthOpenReaches(RunResult r) {
        double k0 = r.series(MetricNames.MARKET, MetricNames.BEST_CLOSED_CAPABILITY).at(0);
        double[] open = r.series(MetricNames.MARKET, MetricNames.BEST_OPEN_CAPABILITY).values();
        for (int m = 0; m < open.length; m++) if (open[m] >= k0) return m;
        return open.length;
    }

    @Test
    void noAppAudienceSlowsTheAppGiant() {
        RunResult none = Fixtures.ENGINE.run(load("no-app-audience.yaml"));
        RunResult base = Fixtures.ENGINE.run(Fixtures.FOUR_LABS);
        assertThat(none.series("consumers.china", "awareness.app-giant").at(6)).isLessThan(base.series("consumers.china", "awareness.app-giant").at(6));
        assertThat(total(none, "app-giant", MetricNames.MARKETING_USD)).isGreaterThan(total(base, "app-giant", MetricNames.MARKETING_USD));
    }

    @Test
    void threeRegionsKeepsTheSmallLabsServicesOutOfChinaButNotItsWeights() {
        Scenario s = load("three-regions.yaml");
        assertThat(s.labs().stream().map(l -> l.homeRegion()).distinct()).containsExactlyInAnyOrder("west", "china", "row");
        RunResult r = Fixtures.ENGINE.run(s);
        assertThat(r.series("market", "region.china.revenueUsd.small-open").values()).containsOnly(0.0);
        assertThat(total(r, "market", "region.china.users.small-open")).isGreaterThan(0);
        assertThat(total(r, "market", "region.row.revenueUsd.small-open")).isGreaterThan(0);
        assertThat(total(r, "market", "region.china.users.small-open"))
            .isLessThan(total(Fixtures.ENGINE.run(Fixtures.FOUR_LABS), "market", "region.china.users.small-open"));
    }

    @Test
    void theDefaultLandscapeHasEightLabsInTheirRolesAndEachServesUsersIn2025() {
        Scenario s = Scenarios.defaultScenario();
        assertThat(s.labs()).hasSize(8);
        assertThat(s.labs().stream().filter(l -> l.homeRegion().equals("west"))).hasSize(5);
        assertThat(s.labs().stream().filter(l -> l.homeRegion().equals("china"))).hasSize(3);
        assertThat(s.labs().stream().filter(l -> owsim.policy.ReleasePolicies.parse(l.policy()) instanceof owsim.policy.ReleasePolicies.Closed)).hasSize(3);
        RunResult r = Fixtures.ENGINE.run(s.withMonths(12));
        for (var lab : s.labs()) assertThat(r.series(lab.id(), MetricNames.USERS).at(11)).as(lab.id() + " users in Dec 2025").isGreaterThan(1e5);
    }
}
