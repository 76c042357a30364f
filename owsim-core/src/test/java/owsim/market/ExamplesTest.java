package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void frontierOpensRemovesItsHarvestBurden() {
        RunResult base = Fixtures.ENGINE.run(Fixtures.DEFAULT);
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
            .isGreaterThan(Fixtures.ENGINE.run(Fixtures.DEFAULT.withMechanisms(Fixtures.DEFAULT.mechanisms().with(owsim.scenario.MechanismSwitch.FINANCING, false)))
                .series(MetricNames.MARKET, MetricNames.BEST_OPEN_CAPABILITY).at(59));
    }

    @Test
    void slowProgressKeepsTheLeadLonger() {
        RunResult slow = Fixtures.ENGINE.run(load("slow-progress.yaml"));
        RunResult base = Fixtures.ENGINE.run(Fixtures.DEFAULT);
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
        RunResult base = Fixtures.ENGINE.run(Fixtures.DEFAULT);
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
            .isLessThan(total(Fixtures.ENGINE.run(Fixtures.DEFAULT), "market", "region.china.users.small-open"));
    }

    @Test
    void theLandscapeHasEightLabsInTheirRolesAndEachServesUsersIn2025() {
        Scenario s = load("landscape-2025.yaml");
        assertThat(s.labs()).hasSize(8);
        assertThat(s.labs().stream().filter(l -> l.homeRegion().equals("west"))).hasSize(5);
        assertThat(s.labs().stream().filter(l -> l.homeRegion().equals("china"))).hasSize(3);
        assertThat(s.labs().stream().filter(l -> owsim.policy.ReleasePolicies.parse(l.policy()) instanceof owsim.policy.ReleasePolicies.Closed)).hasSize(3);
        RunResult r = Fixtures.ENGINE.run(s.withMonths(12));
        for (var lab : s.labs()) assertThat(r.series(lab.id(), MetricNames.USERS).at(11)).as(lab.id() + " users in Dec 2025").isGreaterThan(1e5);
    }
}
